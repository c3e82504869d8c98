package org.jotrs.ticket.web;

import org.jotrs.platform.InvalidInput;
import java.math.BigDecimal;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.platform.Messages;
import org.jotrs.access.SignedInAgent;
import org.jotrs.article.ArticleService;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The zoom as the answer to an action: after a change, a redirect back to it (post/redirect/get);
 * after invalid input, the zoom again with status 422, the messages, and the form that failed
 * opened.
 */
@Component
class ZoomPage {

    private final TicketService tickets;
    private final ArticleService articles;

    ZoomPage(TicketService tickets, ArticleService articles) {
        this.tickets = tickets;
        this.articles = articles;
    }

    /** The largest attachment, as the hint beside file inputs says it. */
    static String attachmentLimit(ArticleService articles) {
        return String.format(java.util.Locale.ROOT, "%.0f MB", articles.maxAttachmentSize() / (1024.0 * 1024.0));
    }

    String act(SignedInAgent agent, long ticketId, TicketAction action, String form, Model model,
            HttpServletResponse response) {
        try {
            tickets.apply(agent.id(), ticketId, action);
            return "redirect:/tickets/" + ticketId;
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return render(agent, ticketId, invalid.errors(), form, model);
        }
    }

    String render(SignedInAgent agent, long ticketId, Map<String, String> errors, String open, Model model) {
        model.addAttribute("ticket", tickets.details(agent.id(), ticketId));
        tickets.markSeen(agent.id(), ticketId);
        model.addAttribute("options", tickets.zoomOptions(agent.id(), ticketId));
        model.addAttribute("errors", errors);
        model.addAttribute("open", open);
        model.addAttribute("attachmentLimit", attachmentLimit(articles));
        // Read after details(), which checked that the agent may read the ticket.
        model.addAttribute("sendErrors", articles.sendErrors(ticketId));
        return "ticket/zoom";
    }

    /** Empty means no time to account; anything else must be a number. */
    static BigDecimal timeUnits(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidTicketRequest(Map.of("timeUnits", Messages.t("ticket.error.time-units")));
        }
    }
}
