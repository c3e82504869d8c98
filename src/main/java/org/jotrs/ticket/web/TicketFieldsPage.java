package org.jotrs.ticket.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.Messages;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.TicketChangedMeanwhile;
import org.jotrs.ticket.TicketFieldsEdit;
import org.jotrs.ticket.TicketFieldsEdit.Edit;
import org.jotrs.ticket.TicketService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The zoom's field panel: every ticket field in one form, saved with one button. Each field comes
 * with the value the form showed ({@code seen.<field>}), so a change someone else made meanwhile
 * is refused (409) instead of overwritten.
 */
@Controller
class TicketFieldsPage {

    private final TicketService tickets;
    private final ZoomPage zoom;

    TicketFieldsPage(TicketService tickets, ZoomPage zoom) {
        this.tickets = tickets;
        this.zoom = zoom;
    }

    @PostMapping("/tickets/{ticketId}/fields")
    String save(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        Map<String, String> kept = changedByAgent(form);
        try {
            tickets.changeFields(agent.id(), ticketId, edit(form));
            return "redirect:/tickets/" + ticketId;
        } catch (TicketChangedMeanwhile conflict) {
            // The fields someone else changed show their new value; the agent's other changes stay in the form.
            conflict.errors().keySet().forEach(kept::remove);
            return refused(agent, ticketId, conflict, kept, model, response);
        } catch (InvalidInput invalid) {
            return refused(agent, ticketId, invalid, kept, model, response);
        }
    }

    private String refused(SignedInAgent agent, long ticketId, InvalidInput refusal, Map<String, String> kept,
            Model model, HttpServletResponse response) {
        response.setStatus(refusal.status());
        model.addAttribute("fieldValues", kept);
        model.addAttribute("fieldsConflict", refusal instanceof TicketChangedMeanwhile);
        return zoom.render(agent, ticketId, ZoomPage.fieldErrors(refusal.errors()), "fields", model);
    }

    /** What the agent typed or chose differently from what the form showed, to show it again after a refusal. */
    private static Map<String, String> changedByAgent(MultiValueMap<String, String> form) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (String field : TicketFieldsEdit.FIELDS) {
            String wanted = form.getFirst(field);
            if (wanted != null && !wanted.equals(form.getFirst("seen." + field))) {
                changed.put(field, wanted);
            }
        }
        return changed;
    }

    static TicketFieldsEdit edit(MultiValueMap<String, String> form) {
        return new TicketFieldsEdit(edit(form, "title", Function.identity()), edit(form, "type", Function.identity()),
                edit(form, "customerUser", Function.identity()), edit(form, "customerId", Function.identity()),
                edit(form, "priority", Function.identity()), edit(form, "state", Function.identity()),
                edit(form, "pendingUntil", TicketPages::pendingUntil), edit(form, "queueId", id("queueId")),
                edit(form, "ownerId", id("ownerId")), edit(form, "responsibleId", id("responsibleId")));
    }

    /** The field's edit, or null when the form did not send the field (it stays as it is). */
    private static <T> Edit<T> edit(MultiValueMap<String, String> form, String field, Function<String, T> parse) {
        String wanted = form.getFirst(field);
        if (wanted == null) {
            return null;
        }
        String seen = form.getFirst("seen." + field);
        return new Edit<>(seen == null || seen.isBlank() ? null : parse.apply(seen),
                wanted.isBlank() ? null : parse.apply(wanted));
    }

    private static Function<String, Integer> id(String field) {
        return value -> {
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw new InvalidTicketRequest(Map.of(field, Messages.t("ticket.fields.choose-from-list")));
            }
        };
    }
}
