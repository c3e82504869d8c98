package org.jotrs.ticket.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.AccessService;
import org.jotrs.access.AgentPreferences;
import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.Messages;
import org.jotrs.ticket.TicketList;
import org.jotrs.ticket.TicketListQuery;
import org.jotrs.ticket.TicketListQuery.Sort;
import org.jotrs.ticket.TicketListQuery.View;
import org.jotrs.ticket.TicketService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page: the agent's dashboard (locked, new, responsible and watched tickets, open tickets
 * per state and queue as charts, the agent's groups), widgets the agent may hide, and the counts in
 * the navigation.
 */
@Controller
class DashboardPage {

    /** The widgets, in the order the page shows them. */
    static final List<String> WIDGETS = List.of("locked", "new", "responsible", "watched", "states", "queues", "groups");

    /** Hidden widgets, in {@code user_preferences} beside OTRS's keys. */
    static final String HIDDEN = "JotrsDashboardHidden";

    private final TicketService tickets;
    private final AccessService access;
    private final AgentPreferences preferences;
    private final Clock clock;

    DashboardPage(TicketService tickets, AccessService access, AgentPreferences preferences, Clock clock) {
        this.tickets = tickets;
        this.access = access;
        this.preferences = preferences;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        Set<String> hidden = hidden(agent.id());
        model.addAttribute("hidden", hidden);
        model.addAttribute("counts", tickets.counts(agent.id()));
        model.addAttribute("locked", rows(agent.id(), hidden, "locked", View.LOCKED, null, Sort.CHANGED));
        model.addAttribute("fresh", rows(agent.id(), hidden, "new", View.STATUS, "new", Sort.CREATED));
        model.addAttribute("responsible", rows(agent.id(), hidden, "responsible", View.RESPONSIBLE, null, Sort.CHANGED));
        model.addAttribute("watched", rows(agent.id(), hidden, "watched", View.WATCHED, null, Sort.CHANGED));
        model.addAttribute("permissions", hidden.contains("groups") ? java.util.Map.of()
                : access.effectivePermissions(agent.id()));
        model.addAttribute("now", LocalDateTime.now(clock));
        return "ticket/dashboard";
    }

    /** The navigation's live counts, as a fragment the layout loads and refreshes. */
    @GetMapping("/tickets/counts")
    String navigationCounts(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("counts", tickets.counts(agent.id()));
        return "ticket/nav_counts";
    }

    @PostMapping("/dashboard/widgets")
    String showOrHide(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "") String widget,
            @RequestParam(defaultValue = "hide") String action, HttpServletResponse response, Model model) {
        if (!WIDGETS.contains(widget) || !List.of("hide", "show").contains(action)) {
            response.setStatus(422);
            model.addAttribute("message", Messages.t("dashboard.unknown-widget", widget));
            return dashboard(agent, model);
        }
        Set<String> hidden = hidden(agent.id());
        if (action.equals("hide")) {
            hidden.add(widget);
        } else {
            hidden.remove(widget);
        }
        preferences.saveOwnSetting(agent.id(), HIDDEN, String.join(",", hidden));
        return "redirect:/";
    }

    /** The stored hidden widgets; names a later version dropped are ignored. */
    private Set<String> hidden(int agentId) {
        return preferences.ownSetting(agentId, HIDDEN)
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(WIDGETS::contains)
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElseGet(LinkedHashSet::new);
    }

    private TicketList rows(int agentId, Set<String> hidden, String widget, View view, String state, Sort sort) {
        if (hidden.contains(widget)) {
            return null;
        }
        return tickets.list(agentId, new TicketListQuery(view, null, null, state, null, null, null, sort, true, 0));
    }
}
