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
import org.jotrs.ticket.TicketDetails;
import org.jotrs.customer.CustomerDirectory;
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

    /** How many of the customer's other open tickets the customer panel lists. */
    private static final int OTHER_TICKETS = 10;

    private final TicketService tickets;
    private final ArticleService articles;
    private final CustomerDirectory customers;

    ZoomPage(TicketService tickets, ArticleService articles, CustomerDirectory customers) {
        this.tickets = tickets;
        this.articles = articles;
        this.customers = customers;
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

    /** An answer with its next steps, as one change. */
    String actTogether(SignedInAgent agent, long ticketId, NextSteps next, java.util.List<TicketAction> actions,
            String form, Model model, HttpServletResponse response) {
        try {
            tickets.applyTogether(agent.id(), ticketId, actions);
            return "redirect:/tickets/" + ticketId;
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            model.addAttribute("nextEntered", next.entered());
            return render(agent, ticketId, invalid.errors(), form, model);
        }
    }

    String render(SignedInAgent agent, long ticketId, Map<String, String> errors, String open, Model model) {
        TicketDetails ticket = tickets.details(agent.id(), ticketId);
        model.addAttribute("ticket", ticket);
        tickets.markSeen(agent.id(), ticketId);
        model.addAttribute("customer", customers.profile(ticket.customerUser()).orElse(null));
        model.addAttribute("otherTickets",
                tickets.openTicketsOfCustomer(agent.id(), ticket.customerUser(), ticketId, OTHER_TICKETS));
        if (!model.containsAttribute("fieldValues")) {
            model.addAttribute("fieldValues", Map.of());
            model.addAttribute("fieldsConflict", false);
        }
        var options = tickets.zoomOptions(agent.id(), ticketId);
        model.addAttribute("options", options);
        @SuppressWarnings("unchecked")
        Map<String, String> entered = (Map<String, String>) model.getAttribute("fieldValues");
        model.addAttribute("fields", FieldsPanel.of(ticket, options, entered));
        model.addAttribute("errors", errors);
        model.addAttribute("open", open);
        model.addAttribute("attachmentLimit", attachmentLimit(articles));
        // Read after details(), which checked that the agent may read the ticket.
        model.addAttribute("sendErrors", articles.sendErrors(ticketId));
        return "ticket/zoom";
    }

    /**
     * The service's messages under the panel's field names: its actions name some fields as the
     * single-field forms did ({@code queue}, {@code owner}, {@code responsible}).
     */
    static Map<String, String> fieldErrors(Map<String, String> errors) {
        Map<String, String> named = new java.util.LinkedHashMap<>();
        errors.forEach((field, message) -> named.put(switch (field) {
            case "queue" -> "queueId";
            case "owner" -> "ownerId";
            case "responsible" -> "responsibleId";
            default -> field;
        }, message));
        return named;
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
