package org.jotrs.live.web;

import java.io.IOException;

import org.jotrs.live.internal.LiveEvent;
import org.jotrs.live.internal.StreamSink;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Writes live events as server-sent events, with JSON data. */
final class SseSink implements StreamSink {

    private final SseEmitter emitter;

    SseSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(LiveEvent event) throws IOException {
        switch (event) {
            case LiveEvent.Opened opened -> emitter.send(SseEmitter.event().name("opened")
                    .data(opened, MediaType.APPLICATION_JSON));
            case LiveEvent.TicketChanged changed -> emitter.send(SseEmitter.event().name("ticket")
                    .data(changed, MediaType.APPLICATION_JSON));
            case LiveEvent.TicketsChanged changed -> emitter.send(SseEmitter.event().name("tickets")
                    .data(changed, MediaType.APPLICATION_JSON));
            case LiveEvent.Viewers viewers -> emitter.send(SseEmitter.event().name("viewers")
                    .data(viewers, MediaType.APPLICATION_JSON));
            case LiveEvent.Heartbeat heartbeat -> emitter.send(SseEmitter.event().comment("heartbeat"));
            case LiveEvent.Revoked revoked -> emitter.send(SseEmitter.event().name("revoked")
                    .data(revoked, MediaType.APPLICATION_JSON));
        }
    }

    @Override
    public void end() {
        emitter.complete();
    }
}
