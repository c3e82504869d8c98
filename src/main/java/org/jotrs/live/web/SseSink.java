package org.jotrs.live.web;

import java.io.IOException;

import org.jotrs.live.internal.LiveEvent;
import org.jotrs.live.internal.StreamSink;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes live events as server-sent events, with JSON data. On a shared connection a page's event
 * has the same name, with {@code {"page": key, "event": data}} as its data.
 */
final class SseSink implements StreamSink {

    private final SseEmitter emitter;

    SseSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(LiveEvent event) throws IOException {
        if (event instanceof LiveEvent.Heartbeat) {
            emitter.send(SseEmitter.event().comment("heartbeat"));
        } else {
            emitter.send(SseEmitter.event().name(name(event)).data(event, MediaType.APPLICATION_JSON));
        }
    }

    @Override
    public void send(String page, LiveEvent event) throws IOException {
        if (event instanceof LiveEvent.Heartbeat) {
            emitter.send(SseEmitter.event().comment("heartbeat"));
        } else {
            emitter.send(SseEmitter.event().name(name(event)).data(new PageEvent(page, event),
                    MediaType.APPLICATION_JSON));
        }
    }

    private static String name(LiveEvent event) {
        return switch (event) {
            case LiveEvent.Opened opened -> "opened";
            case LiveEvent.TicketChanged changed -> "ticket";
            case LiveEvent.TicketsChanged changed -> "tickets";
            case LiveEvent.Viewers viewers -> "viewers";
            case LiveEvent.Heartbeat heartbeat -> "heartbeat";
            case LiveEvent.Revoked revoked -> "revoked";
        };
    }

    /** A page's event on a shared connection. */
    record PageEvent(String page, LiveEvent event) {
    }

    @Override
    public void end() {
        emitter.complete();
    }
}
