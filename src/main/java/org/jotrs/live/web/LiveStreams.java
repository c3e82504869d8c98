package org.jotrs.live.web;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpSession;

import org.jotrs.access.SignedInAgent;
import org.jotrs.live.internal.Interest;
import org.jotrs.live.internal.LiveHub;
import org.jotrs.live.internal.NoSuchConnection;
import org.jotrs.live.internal.TooManyStreams;
import org.jotrs.ticket.NoSuchTicket;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent event streams for open agent pages: one per zoom ({@code /live/tickets/{id}}) and
 * one per ticket list ({@code /live/queues}); or one shared by all of an agent's tabs
 * ({@code /live/shared}, held by the browser's shared worker, js/live-worker.js), on which each tab's
 * page is opened with a POST and whose events carry the tab's key. Signed-in agents only (the
 * session cookie, like every page); the streams are GETs, so no CSRF token; the POSTs need it.
 * Events: {@code opened}, {@code ticket}, {@code tickets}, {@code viewers}, {@code revoked}, and
 * heartbeat comments.
 */
@RestController
class LiveStreams {

    /** A tab's mark on its events on a shared connection (js/live-worker.js makes 32 hex digits). */
    private static final Pattern PAGE_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** A queue page shows 25 rows; more ids than this are not from our page. */
    private static final int MAX_SHOWN = 200;

    private final LiveHub hub;

    LiveStreams(LiveHub hub) {
        this.hub = hub;
    }

    @GetMapping("/live/tickets/{ticketId}")
    ResponseEntity<SseEmitter> ticket(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            HttpSession session) {
        return open(agent, session, new Interest.OneTicket(ticketId));
    }

    @GetMapping("/live/queues")
    ResponseEntity<SseEmitter> queues(@AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String shown, HttpSession session) {
        return open(agent, session, new Interest.TicketLists(ticketIds(shown)));
    }

    /** One connection for all the agent's tabs in this browser; its pages are opened with {@link #page}. */
    @GetMapping("/live/shared")
    ResponseEntity<SseEmitter> shared(@AuthenticationPrincipal SignedInAgent agent, HttpSession session) {
        return open(agent, session, new Interest.Shared());
    }

    /**
     * Opens a tab's page on the agent's shared connection: a zoom ({@code ticket}) or a list
     * ({@code shown}, as for {@code /live/queues}). {@code key} is the tab's mark on its events.
     * Answers the page's viewer id (to close it with); 404 for a connection that is not this
     * session's (or gone) and for a ticket the agent may not read, 429 when the connection serves
     * its maximum of pages, 400 for a malformed key.
     */
    @PostMapping("/live/shared/{connectionId}/pages")
    ResponseEntity<Map<String, String>> page(@AuthenticationPrincipal SignedInAgent agent,
            @PathVariable String connectionId, @RequestParam String key, @RequestParam(required = false) Long ticket,
            @RequestParam(required = false) String shown, HttpSession session) {
        if (!PAGE_KEY.matcher(key).matches()) {
            return ResponseEntity.badRequest().build();
        }
        Interest interest = ticket != null ? new Interest.OneTicket(ticket)
                : new Interest.TicketLists(ticketIds(shown == null ? "" : shown));
        try {
            String viewerId = hub.openPage(agent.id(), session.getId(), connectionId, key, interest);
            return ResponseEntity.ok().header("Cache-Control", "no-store").body(Map.of("viewerId", viewerId));
        } catch (NoSuchConnection | NoSuchTicket gone) {
            return ResponseEntity.notFound().build();
        } catch (TooManyStreams tooMany) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();
        }
    }

    /** The page is going away (sent as a beacon with the CSRF token): its viewer leaves at once. */
    @PostMapping("/live/streams/{viewerId}/close")
    ResponseEntity<Void> close(@AuthenticationPrincipal SignedInAgent agent, @PathVariable String viewerId) {
        hub.closeOwn(agent.id(), viewerId);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<SseEmitter> open(SignedInAgent agent, HttpSession session, Interest interest) {
        SseEmitter emitter = new SseEmitter(hub.streamTimeout().toMillis());
        String viewerId;
        try {
            viewerId = hub.open(agent.id(), session.getId(), interest, new SseSink(emitter));
        } catch (TooManyStreams tooMany) {
            // EventSource does not retry after an error status: this page simply stays without live updates.
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();
        }
        emitter.onCompletion(() -> hub.close(viewerId));
        emitter.onTimeout(() -> hub.close(viewerId));
        emitter.onError(error -> hub.close(viewerId));
        return ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                // Proxies such as nginx would otherwise buffer the stream.
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    private static Set<Long> ticketIds(String csv) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : csv.split(",")) {
            if (ids.size() >= MAX_SHOWN) {
                break;
            }
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException ignored) {
                // Only the ids the page rendered are meaningful; anything else is skipped.
            }
        }
        return ids;
    }
}
