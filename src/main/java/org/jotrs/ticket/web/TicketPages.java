package org.jotrs.ticket.web;

import org.jotrs.platform.InvalidInput;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.platform.Messages;
import org.jotrs.access.SignedInAgent;
import org.jotrs.article.ArticleService;
import org.jotrs.customer.CustomerAdministration;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.NewEmailTicket;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.PhoneTicketOptions;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.jotrs.web.Dates;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Agent ticket pages: phone ticket form, ticket zoom and its basic actions. */
@Controller
class TicketPages {

    private final TicketService tickets;
    private final ZoomPage zoom;
    private final ArticleService articles;
    private final CustomerAdministration customers;

    TicketPages(TicketService tickets, ZoomPage zoom, ArticleService articles, CustomerAdministration customers) {
        this.customers = customers;
        this.tickets = tickets;
        this.zoom = zoom;
        this.articles = articles;
    }

    /** The largest attachment, for the hint beside the file inputs. */
    @ModelAttribute("attachmentLimit")
    String attachmentLimit() {
        return ZoomPage.attachmentLimit(articles);
    }

    @GetMapping("/tickets/new")
    String newPhoneTicket(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return newTicketForm(agent, "phone", null, Map.of(), model);
    }

    @GetMapping("/tickets/new/email")
    String newEmailTicket(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return newTicketForm(agent, "email", null, Map.of(), model);
    }

    @PostMapping("/tickets/new")
    String createPhoneTicket(@AuthenticationPrincipal SignedInAgent agent, NewTicketForm form,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response) {
        try {
            CreatedTicket created = tickets.createPhoneTicket(agent.id(), new NewPhoneTicket(form.queueId(),
                    form.customerUser(), form.title(), form.body(), form.priority(), form.state(),
                    pendingUntil(form.pendingUntil()), Uploads.of(files), form.type(), form.ownerId(),
                    form.responsibleId(), form.html()));
            return "redirect:/tickets/" + created.ticketId();
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return newTicketForm(agent, "phone", form, invalid.errors(), model);
        }
    }

    @PostMapping("/tickets/new/email")
    String createEmailTicket(@AuthenticationPrincipal SignedInAgent agent, NewTicketForm form,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response) {
        try {
            CreatedTicket created = tickets.createEmailTicket(agent.id(), new NewEmailTicket(form.queueId(),
                    form.customerUser(), form.to(), form.cc(), form.title(), form.body(), form.priority(), form.state(),
                    pendingUntil(form.pendingUntil()), form.type(), form.ownerId(), form.responsibleId(),
                    Uploads.of(files), form.html()));
            return "redirect:/tickets/" + created.ticketId();
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return newTicketForm(agent, "email", form, invalid.errors(), model);
        }
    }

    /**
     * Makes a customer user (and their company) from the panel of the phone or email ticket form,
     * through the customer administration facade, so with the admin screen's checks and rules; the
     * form comes back as it was, with the new customer user chosen. htmx swaps only the panel and
     * the customer field; without JavaScript the whole form is shown again (files must be chosen
     * again, as after any refusal).
     */
    @PostMapping("/tickets/new/customer")
    String createCustomerUser(@AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "phone") String kind, NewTicketForm form, NewCustomerFields customer,
            Model model, HttpServletResponse response) {
        String shownKind = "email".equals(kind) ? "email" : "phone";
        try {
            customers.createCustomerUser(agent.id(), customer.changes(), customer.company());
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            model.addAttribute("newCustomer", customer.orEmpty());
            model.addAttribute("customerErrors", NewCustomerFields.errors(invalid.errors()));
            model.addAttribute("customerOpen", true);
            return newTicketForm(agent, shownKind, form, Map.of(), model);
        }
        String login = customer.newLogin().strip();
        model.addAttribute("customerNotice", Messages.t("ticket.new-customer.created", login));
        return newTicketForm(agent, shownKind, form.withCustomerUser(login), Map.of(), model);
    }

    private String newTicketForm(SignedInAgent agent, String kind, NewTicketForm form, Map<String, String> errors,
            Model model) {
        if (!model.containsAttribute("newCustomer")) {
            // a ticket refused for a customer nobody knows opens the panel with what was typed
            boolean unknownCustomer = form != null && errors.containsKey("customerUser");
            model.addAttribute("newCustomer", unknownCustomer ? NewCustomerFields.typed(form.customerUser())
                    : NewCustomerFields.empty());
            model.addAttribute("customerOpen", unknownCustomer);
        }
        PhoneTicketOptions options = tickets.phoneTicketOptions(agent.id());
        model.addAttribute("options", options);
        model.addAttribute("form", form != null ? form
                : NewTicketForm.empty(options.defaultPriority(), options.defaultState(), options.defaultType()));
        model.addAttribute("errors", errors);
        model.addAttribute("kind", kind);
        return "ticket/phone";
    }

    @GetMapping("/tickets/{ticketId}")
    String zoom(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId, Model model) {
        return zoom.render(agent, ticketId, Map.of(), null, model);
    }

    @PostMapping("/tickets/{ticketId}/note")
    String addNote(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "false") boolean visibleForCustomer,
            @RequestParam(defaultValue = "") String timeUnits, NextSteps next,
            @RequestParam(defaultValue = "") String bodyHtml,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response) {
        try {
            return zoom.actTogether(agent, ticketId, next, next.after(new TicketAction.AddNote(subject, body,
                    visibleForCustomer, ZoomPage.timeUnits(timeUnits), Uploads.of(files),
                    bodyHtml.isBlank() ? null : bodyHtml)), "note", model, response);
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            model.addAttribute("nextEntered", next.entered());
            return zoom.render(agent, ticketId, invalid.errors(), "note", model);
        }
    }

    @PostMapping("/tickets/{ticketId}/lock")
    String lock(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId, Model model,
            HttpServletResponse response) {
        return zoom.act(agent, ticketId, new TicketAction.Lock(), null, model, response);
    }

    @PostMapping("/tickets/{ticketId}/unlock")
    String unlock(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId, Model model,
            HttpServletResponse response) {
        return zoom.act(agent, ticketId, new TicketAction.Unlock(), null, model, response);
    }

    /**
     * The pending time as entered, in the agent's time zone, converted to the stored zone. An
     * unreadable date is reported like a missing one: the service asks for a valid date.
     */
    static LocalDateTime pendingUntil(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Dates.entered(LocalDateTime.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidTicketRequest(Map.of("pendingUntil", Messages.t("ticket.error.pending-format")));
        }
    }
}
