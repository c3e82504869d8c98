package org.jotrs.ticket.web;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jotrs.platform.NoSuchEntry;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * OTRS's links to a ticket ({@code index.pl?Action=AgentTicketZoom;TicketID=42}) lead to the
 * ticket's zoom, so the links in OTRS's notification texts, and in mails OTRS sent before Jotrs
 * took over, keep working. Reading the ticket is checked by the zoom itself.
 */
@Controller
class OtrsZoomLinks {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");

    @GetMapping({"/index.pl", "/otrs/index.pl", "/znuny/index.pl"})
    String zoom(HttpServletRequest request) {
        // OTRS separates parameters with ';' as often as with '&'.
        Map<String, String> parameters = new HashMap<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("[;&]")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.putIfAbsent(pair.substring(0, equals),
                            java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        String ticketId = parameters.get("TicketID");
        if (!"AgentTicketZoom".equals(parameters.get("Action")) || ticketId == null || !DIGITS.matcher(ticketId).matches()) {
            throw new NoSuchEntry("not-found.otrs-page");
        }
        return "redirect:/tickets/" + Long.parseLong(ticketId);
    }
}
