package org.jotrs.ticket.web;

import org.jotrs.platform.InvalidInput;
import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.SignedInAgent;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketAction.LinkType;
import org.jotrs.ticket.TicketService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The zoom's further actions: phone calls, merge, links, watching. */
@Controller
class TicketActionPages {

    private final TicketService tickets;
    private final ZoomPage zoom;

    TicketActionPages(TicketService tickets, ZoomPage zoom) {
        this.tickets = tickets;
        this.zoom = zoom;
    }

    @PostMapping("/tickets/{ticketId}/phone")
    String phone(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            @RequestParam(defaultValue = "inbound") String direction, @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String timeUnits,
            @RequestParam(defaultValue = "") String bodyHtml, NextSteps next, Model model,
            HttpServletResponse response) {
        try {
            boolean inbound = InvalidInput.choice("direction", direction, Direction.class, Direction.INBOUND) == Direction.INBOUND;
            return zoom.actTogether(agent, ticketId, next, next.after(new TicketAction.AddPhoneCall(subject, body,
                    inbound, ZoomPage.timeUnits(timeUnits), bodyHtml.isBlank() ? null : bodyHtml)), "phone", model,
                    response);
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            model.addAttribute("nextEntered", next.entered());
            return zoom.render(agent, ticketId, invalid.errors(), "phone", model);
        }
    }

    /** OTRS shows the surviving ticket after a merge. */
    @PostMapping("/tickets/{ticketId}/merge")
    String merge(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            @RequestParam(defaultValue = "") String targetNumber, Model model, HttpServletResponse response) {
        String next = zoom.act(agent, ticketId, new TicketAction.MergeInto(targetNumber), "merge", model, response);
        if (next.startsWith("redirect:")) {
            return tickets.ticketIdByNumber(targetNumber).map(id -> "redirect:/tickets/" + id).orElse(next);
        }
        return next;
    }

    @PostMapping("/tickets/{ticketId}/link")
    String link(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            @RequestParam(defaultValue = "") String targetNumber, @RequestParam(defaultValue = "NORMAL") String linkType,
            Model model, HttpServletResponse response) {
        LinkType type;
        try {
            type = InvalidInput.choice("linkType", linkType, LinkType.class, LinkType.NORMAL);
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return zoom.render(agent, ticketId, invalid.errors(), "link", model);
        }
        return zoom.act(agent, ticketId, new TicketAction.LinkTo(targetNumber, type), "link", model, response);
    }

    @PostMapping("/tickets/{ticketId}/unlink")
    String unlink(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            @RequestParam(required = false) Long otherTicketId, Model model, HttpServletResponse response) {
        return zoom.act(agent, ticketId, new TicketAction.Unlink(otherTicketId), "link", model, response);
    }

    @PostMapping("/tickets/{ticketId}/watch")
    String watch(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId, Model model,
            HttpServletResponse response) {
        return zoom.act(agent, ticketId, new TicketAction.Watch(), null, model, response);
    }

    @PostMapping("/tickets/{ticketId}/unwatch")
    String unwatch(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId, Model model,
            HttpServletResponse response) {
        return zoom.act(agent, ticketId, new TicketAction.Unwatch(), null, model, response);
    }

    /** Who called whom: the customer (inbound) or the agent (outbound). */
    private enum Direction {
        INBOUND, OUTBOUND
    }
}
