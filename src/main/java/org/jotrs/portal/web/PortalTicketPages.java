package org.jotrs.portal.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.article.Attachment;
import org.jotrs.article.NewAttachment;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.Page;
import org.jotrs.platform.StoredContent;
import org.jotrs.portal.CustomerTickets;
import org.jotrs.portal.NewCustomerTicket;
import org.jotrs.portal.PortalTicketQuery;
import org.jotrs.portal.PortalTicketQuery.Scope;
import org.jotrs.portal.PortalTicketQuery.Sort;
import org.jotrs.portal.PortalTicketQuery.Status;
import org.jotrs.portal.PortalTicketRow;
import org.jotrs.portal.SignedInCustomer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /customer/tickets}: the customer's own and their companies' tickets, one ticket with its
 * answers and files, answering, closing, and opening a new ticket. Stored content is never
 * rendered on our origin: files download as attachments in a sandbox, HTML bodies show sanitised
 * in a sandboxed frame (the agents' policies).
 */
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

    @GetMapping("/customer/tickets/{number}")
    String ticket(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable String number,
            @RequestParam(required = false) String done, Model model) {
        return ticketPage(customer, number, "", "", Map.of(), done, model);
    }

    private String ticketPage(SignedInCustomer customer, String number, String body, String bodyHtml,
            Map<String, String> errors, String done, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("ticket", tickets.ticket(customer, number));
        model.addAttribute("body", body);
        model.addAttribute("bodyHtml", bodyHtml);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done == null ? "" : done);
        return "portal/ticket";
    }

    @PostMapping("/customer/tickets/{number}/reply")
    String reply(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable String number,
            @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String bodyHtml,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response) throws IOException {
        try {
            String answered = tickets.reply(customer, number, body, bodyHtml, attachments(files));
            return "redirect:/customer/tickets/" + answered + "?done=" + (answered.equals(number) ? "answered" : "new-ticket");
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return ticketPage(customer, number, body, bodyHtml, invalid.errors(), null, model);
        }
    }

    @PostMapping("/customer/tickets/{number}/close")
    String close(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable String number) {
        tickets.close(customer, number);
        return "redirect:/customer/tickets/" + number + "?done=closed";
    }

    @GetMapping("/customer/tickets/{number}/articles/{articleId}/files/{fileId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable String number,
            @PathVariable long articleId, @PathVariable int fileId) {
        Attachment file = tickets.attachment(customer, number, articleId, fileId);
        return StoredContent.download(file.info().filename(), file.info().contentType(), file.content());
    }

    @GetMapping("/customer/tickets/{number}/articles/{articleId}/html")
    ResponseEntity<String> html(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable String number,
            @PathVariable long articleId) {
        return StoredContent.framedHtml(tickets.articleHtml(customer, number, articleId));
    }

    @GetMapping("/customer/tickets/new")
    String newTicket(@AuthenticationPrincipal SignedInCustomer customer, Model model) {
        return newTicketPage(customer, new NewCustomerTicket(null, "", "", "", "", "", "", List.of()), Map.of(), model);
    }

    @PostMapping("/customer/tickets/new")
    String create(@AuthenticationPrincipal SignedInCustomer customer, @RequestParam(required = false) String queue,
            @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String bodyHtml,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String priority,
            @RequestParam(defaultValue = "") String cc,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response) throws IOException {
        Integer queueId = null;
        try {
            queueId = queue == null || queue.isBlank() ? null : Integer.valueOf(queue.strip());
        } catch (NumberFormatException notANumber) {
            queueId = -1;
        }
        NewCustomerTicket request = new NewCustomerTicket(queueId, subject, body, bodyHtml, type, priority, cc,
                attachments(files));
        try {
            String number = tickets.create(customer, request);
            return "redirect:/customer/tickets/" + number + "?done=created";
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return newTicketPage(customer, request, invalid.errors(), model);
        }
    }

    private String newTicketPage(SignedInCustomer customer, NewCustomerTicket request, Map<String, String> errors, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("options", tickets.newTicketOptions(customer));
        model.addAttribute("form", request);
        model.addAttribute("errors", errors);
        return "portal/new";
    }

    /** The uploaded files; the empty part a browser sends when no file was chosen is none. */
    private static List<NewAttachment> attachments(List<MultipartFile> files) throws IOException {
        List<NewAttachment> attachments = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                    continue;
                }
                attachments.add(new NewAttachment(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            }
        }
        return attachments;
    }
}
