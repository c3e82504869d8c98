package org.jotrs.portal.web;

import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.Page;
import org.jotrs.portal.CustomerTickets;
import org.jotrs.portal.PortalTicketQuery;
import org.jotrs.portal.PortalTicketQuery.Scope;
import org.jotrs.portal.PortalTicketQuery.Sort;
import org.jotrs.portal.PortalTicketQuery.Status;
import org.jotrs.portal.PortalTicketRow;
import org.jotrs.portal.SignedInCustomer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /customer/tickets}: the customer's own and their companies' tickets. */
@Controller
class PortalTicketPages {

    private final CustomerTickets tickets;

    PortalTicketPages(CustomerTickets tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/customer/tickets")
    String mine(@AuthenticationPrincipal SignedInCustomer customer, @RequestParam(defaultValue = "open") String status,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "changed") String sort,
            @RequestParam(defaultValue = "desc") String order, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return list(customer, Scope.MINE, status, q, sort, order, page, htmx != null, model);
    }

    @GetMapping("/customer/tickets/company")
    String company(@AuthenticationPrincipal SignedInCustomer customer, @RequestParam(defaultValue = "open") String status,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "changed") String sort,
            @RequestParam(defaultValue = "desc") String order, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return list(customer, Scope.COMPANY, status, q, sort, order, page, htmx != null, model);
    }

    private String list(SignedInCustomer customer, Scope scope, String status, String q, String sort, String order, int page,
            boolean fragment, Model model) {
        PortalTicketQuery query = new PortalTicketQuery(scope,
                InvalidInput.choice("status", status, Status.class, Status.OPEN), q,
                InvalidInput.choice("sort", sort, Sort.class, Sort.CHANGED), !"asc".equals(order), page);
        Page<PortalTicketRow> rows = tickets.list(customer, query);
        model.addAttribute("customer", customer);
        model.addAttribute("query", query);
        model.addAttribute("rows", rows);
        model.addAttribute("base", scope == Scope.MINE ? "/customer/tickets" : "/customer/tickets/company");
        return fragment ? "portal/ticket_rows" : "portal/tickets";
    }
}
