package org.jotrs.ticket.web;

import org.jotrs.platform.InvalidInput;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.AgentPreferences;
import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.Messages;
import org.jotrs.ticket.BulkResult;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketListQuery;
import org.jotrs.ticket.TicketListQuery.View;
import org.jotrs.ticket.TicketService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ticket lists (queue, status, my locked, my responsibilities, my watched) and bulk actions on a selection. */
@Controller
class TicketListPages {

    private final TicketService tickets;
    private final AgentPreferences preferences;
    private final Clock clock;

    TicketListPages(TicketService tickets, AgentPreferences preferences, Clock clock) {
        this.tickets = tickets;
        this.preferences = preferences;
        this.clock = clock;
    }

    @GetMapping("/queues")
    String queues(@AuthenticationPrincipal SignedInAgent agent, ListParams params, Model model) {
        return list(agent, View.QUEUE, params, model);
    }

    @GetMapping("/tickets")
    String status(@AuthenticationPrincipal SignedInAgent agent, ListParams params, Model model) {
        return list(agent, View.STATUS, params, model);
    }

    @GetMapping("/tickets/locked")
    String locked(@AuthenticationPrincipal SignedInAgent agent, ListParams params, Model model) {
        return list(agent, View.LOCKED, params, model);
    }

    @GetMapping("/tickets/responsible")
    String responsible(@AuthenticationPrincipal SignedInAgent agent, ListParams params, Model model) {
        return list(agent, View.RESPONSIBLE, params, model);
    }

    @GetMapping("/tickets/watched")
    String watched(@AuthenticationPrincipal SignedInAgent agent, ListParams params, Model model) {
        return list(agent, View.WATCHED, params, model);
    }

    private String list(SignedInAgent agent, View view, ListParams params, Model model) {
        model.addAttribute("list", tickets.list(agent.id(), params.toQuery(view)));
        model.addAttribute("links", new ListLinks(view, params));
        model.addAttribute("columns", ListColumns.parse(preferences.ownSetting(agent.id(), ListColumns.PREFERENCE)));
        model.addAttribute("now", LocalDateTime.now(clock));
        if (!model.containsAttribute("columnError")) {
            model.addAttribute("columnError", null);
        }
        if (!model.containsAttribute("bulk")) {
            model.addAttribute("bulk", null);
        }
        if (!model.containsAttribute("bulkErrors")) {
            model.addAttribute("bulkErrors", Map.of());
        }
        return "ticket/list";
    }

    /**
     * Applies the chosen changes to the selected tickets and goes back to the list, which then
     * reports what changed and what was refused.
     */
    @PostMapping("/tickets/bulk")
    String bulk(@AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(name = "ticketId", required = false) List<Long> ticketIds,
            @RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "") String pendingUntil,
            @RequestParam(defaultValue = "") String priority, @RequestParam(required = false) Integer queueId,
            @RequestParam(required = false) Integer ownerId, @RequestParam(defaultValue = "") String lock,
            @RequestParam(defaultValue = "") String mergeInto, @RequestParam(defaultValue = "") String noteSubject,
            @RequestParam(defaultValue = "") String noteBody, @RequestParam(defaultValue = "/tickets") String back,
            RedirectAttributes redirect, HttpServletResponse response) {
        String target = back.startsWith("/") && !back.startsWith("//") ? back : "/tickets";
        try {
            List<TicketAction> actions = new ArrayList<>();
            if (!noteBody.isBlank() || !noteSubject.isBlank()) {
                actions.add(new TicketAction.AddNote(noteSubject.isBlank() ? Messages.t("ticket.note.default-subject") : noteSubject, noteBody, false));
            }
            if (queueId != null) {
                actions.add(new TicketAction.MoveToQueue(queueId));
            }
            if (!priority.isBlank()) {
                actions.add(new TicketAction.ChangePriority(priority));
            }
            if (ownerId != null) {
                actions.add(new TicketAction.ChangeOwner(ownerId));
            }
            if ("lock".equals(lock)) {
                actions.add(new TicketAction.Lock());
            } else if ("unlock".equals(lock)) {
                actions.add(new TicketAction.Unlock());
            }
            if (!state.isBlank()) {
                actions.add(new TicketAction.ChangeState(state, TicketPages.pendingUntil(pendingUntil)));
            }
            if (!mergeInto.isBlank()) {
                actions.add(new TicketAction.MergeInto(mergeInto));
            }
            BulkResult result = tickets.applyToAll(agent.id(), ticketIds == null ? List.of() : ticketIds, actions);
            redirect.addFlashAttribute("bulk", result);
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("bulkErrors", new java.util.LinkedHashMap<>(invalid.errors()));
        }
        return "redirect:" + target;
    }

    /**
     * Saves the columns the agent chose (checked ones, ordered by their positions) and goes back
     * to the list. A column that does not exist changes nothing and is named in a message.
     */
    @PostMapping("/tickets/columns")
    String columns(@AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(name = "column", required = false) List<String> chosen,
            @RequestParam Map<String, String> form, @RequestParam(defaultValue = "/tickets") String back,
            RedirectAttributes redirect) {
        String target = back.startsWith("/") && !back.startsWith("//") ? back : "/tickets";
        try {
            List<ListColumns.Column> columns = ListColumns.chosen(chosen == null ? List.of() : chosen, form);
            if (columns.isEmpty()) {
                redirect.addFlashAttribute("columnError", Messages.t("ticket.list.columns.none"));
            } else {
                preferences.saveOwnSetting(agent.id(), ListColumns.PREFERENCE, ListColumns.stored(columns));
            }
        } catch (IllegalArgumentException unknown) {
            redirect.addFlashAttribute("columnError", Messages.t("ticket.list.columns.unknown", unknown.getMessage()));
        }
        return "redirect:" + target;
    }

    /** The list's query parameters as they arrive; unknown values fall back to the defaults. */
    record ListParams(Integer queue, String states, String state, String priority, Integer owner, String age,
            String sort, String dir, Integer page) {

        TicketListQuery toQuery(View view) {
            return new TicketListQuery(view, queue, parse("states", TicketListQuery.StateFilter.class, states), blankToNull(state),
                    blankToNull(priority), owner, parse("age", TicketListQuery.Age.class, age),
                    parse("sort", TicketListQuery.Sort.class, sort),
                    InvalidInput.choice("dir", dir, Direction.class, Direction.ASC) == Direction.DESC, page == null ? 0 : page);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        private enum Direction {
            ASC, DESC
        }

        /** An unknown value is refused (422 naming the parameter), not silently replaced by the default. */
        private static <E extends Enum<E>> E parse(String field, Class<E> type, String value) {
            return InvalidInput.choice(field, value, type, null);
        }
    }
}
