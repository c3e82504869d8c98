package org.jotrs.search.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.InvalidInput;
import org.jotrs.search.InvalidSearch;
import org.jotrs.search.SavedSearches;
import org.jotrs.search.SavedSearches.SavedSearch;
import org.jotrs.search.SearchRequest;
import org.jotrs.search.SearchResult;
import org.jotrs.search.TicketSearch;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search pages: the quick search of the header (results as you type), the advanced search
 * with its filters, the CSV export, saved searches as personal views, and the index's admin page.
 */
@Controller
class SearchPages {

    /** Quick search shows this many results while typing. */
    static final int QUICK_ROWS = 8;
    /** A CSV export holds at most this many tickets (the deepest the index pages). */
    static final int EXPORT_LIMIT = 10_000;

    private final TicketSearch search;
    private final SavedSearches saved;

    SearchPages(TicketSearch search, SavedSearches saved) {
        this.search = search;
        this.saved = saved;
    }

    @Bean
    static AdminSection searchIndexSection() {
        return new AdminSection("admin.area.system", "search.index.title", "/admin/search", "search.index.summary");
    }

    @GetMapping("/search")
    String page(@AuthenticationPrincipal SignedInAgent agent, @RequestParam MultiValueMap<String, String> params,
            @RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
        SearchForm form = SearchForm.of(params);
        boolean onlyText = form.params().size() == 1 && form.params().containsKey("q");
        if (onlyText && page == 0) {
            var ticket = search.ticketWithNumber(agent.id(), form.query());
            if (ticket.isPresent()) {
                return "redirect:/tickets/" + ticket.get();
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("options", search.options(agent.id()));
        model.addAttribute("views", saved.visibleTo(agent.id()));
        model.addAttribute("savedName", params.getFirst("saved"));
        if (!form.isEmpty()) {
            try {
                model.addAttribute("result", search.search(agent.id(), form.toRequest(Math.max(0, page))));
            } catch (InvalidSearch invalid) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("error", invalid.getMessage());
            }
        }
        return "search/search";
    }

    @GetMapping("/search/quick")
    String quick(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        if (!q.isBlank()) {
            try {
                model.addAttribute("result", search.search(agent.id(), SearchRequest.typing(q, QUICK_ROWS)));
            } catch (InvalidSearch invalid) {
                model.addAttribute("error", invalid.getMessage());
            }
        }
        return "search/quick";
    }

    @GetMapping("/search/export.csv")
    void export(@AuthenticationPrincipal SignedInAgent agent, @RequestParam MultiValueMap<String, String> params,
            HttpServletResponse response) throws IOException {
        SearchForm form = SearchForm.of(params);
        List<SearchResult.Hit> hits = new ArrayList<>();
        try {
            int pageSize = SearchRequest.MAX_PAGE_SIZE;
            for (int page = 0; page * pageSize < EXPORT_LIMIT; page++) {
                SearchResult result = search.search(agent.id(), form.toRequest(0).withPage(page, pageSize));
                hits.addAll(result.hits());
                if ((long) (page + 1) * pageSize >= result.total()) {
                    break;
                }
            }
        } catch (InvalidSearch invalid) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, invalid.getMessage());
            return;
        }
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"tickets.csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("Ticket#", "Title", "Queue",
                        "State", "Priority", "Owner", "Customer", "Created", "Changed").get())) {
            for (SearchResult.Hit hit : hits) {
                csv.printRecord(hit.number(), safe(hit.title()), hit.queue(), hit.state(), hit.priority(), hit.owner(),
                        safe(hit.customerUser()), hit.created(), hit.changed());
            }
        }
    }

    /** A cell starting with = + - @ would be run as a formula by spreadsheets (CSV injection). */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    @PostMapping("/search/saved")
    String save(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String parameters, @RequestParam(required = false) Integer group,
            Model model, HttpServletResponse response) {
        SearchForm form = SearchForm.parse(parameters);
        try {
            SavedSearch stored = saved.save(agent.id(), name, form.queryString(), group);
            return "redirect:/search?" + form.queryString() + (form.isEmpty() ? "" : "&")
                    + "saved=" + java.net.URLEncoder.encode(stored.name(), StandardCharsets.UTF_8);
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            model.addAttribute("form", form);
            model.addAttribute("options", search.options(agent.id()));
            model.addAttribute("views", saved.visibleTo(agent.id()));
            model.addAttribute("saveErrors", invalid.errors());
            return "search/search";
        }
    }

    @PostMapping("/search/saved/{id}/delete")
    String delete(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id) {
        saved.delete(agent.id(), id);
        return "redirect:/search";
    }

    /** The navigation's personal views with live counts; loaded by htmx after the page, so pages never wait for it. */
    @GetMapping("/search/views")
    String views(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        List<SavedView> views = new ArrayList<>();
        for (SavedSearch view : saved.visibleTo(agent.id())) {
            Long count;
            try {
                count = search.count(agent.id(), SearchForm.parse(view.parameters()).toRequest(0));
            } catch (InvalidSearch invalid) {
                count = null;
            }
            views.add(new SavedView(view, count));
        }
        model.addAttribute("views", views);
        return "search/views";
    }

    @GetMapping("/admin/search")
    String admin(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("status", search.status(agent.id()));
        return "search/admin";
    }

    @GetMapping("/admin/search/progress")
    String progress(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("status", search.status(agent.id()));
        return "search/progress";
    }

    @PostMapping("/admin/search/rebuild")
    String rebuild(@AuthenticationPrincipal SignedInAgent agent) {
        search.rebuild(agent.id());
        return "redirect:/admin/search";
    }
}
