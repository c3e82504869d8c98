package org.jotrs.ticket.web;

import org.jotrs.platform.InvalidInput;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.SignedInAgent;
import org.jotrs.article.ArticleService;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.MailDraft;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketAction.MailKind;
import org.jotrs.ticket.TicketService;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** Reply and forward by mail: the compose form and sending it. */
@Controller
class MailPages {

    private final TicketService tickets;
    private final ArticleService articles;

    MailPages(TicketService tickets, ArticleService articles) {
        this.tickets = tickets;
        this.articles = articles;
    }

    @GetMapping("/tickets/{ticketId}/reply")
    String replyForm(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            @RequestParam(required = false) Long article, @RequestParam(required = false) Integer template, Model model) {
        return form(agent, ticketId, tickets.mailDraft(agent.id(), ticketId, MailKind.REPLY, article, template), "",
                Map.of(), model);
    }

    @GetMapping("/tickets/{ticketId}/forward")
    String forwardForm(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            @RequestParam(required = false) Long article, @RequestParam(required = false) Integer template, Model model) {
        return form(agent, ticketId, tickets.mailDraft(agent.id(), ticketId, MailKind.FORWARD, article, template), "",
                Map.of(), model);
    }

    /** A template's text for the editor to insert at the cursor, without reloading the form. */
    @GetMapping(path = "/tickets/{ticketId}/{kind:reply|forward}/templates/{templateId}",
            produces = "text/plain;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> templateText(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            @PathVariable String kind, @PathVariable int templateId) {
        MailKind mailKind = kind.equals("reply") ? MailKind.REPLY : MailKind.FORWARD;
        return tickets.templateText(agent.id(), ticketId, mailKind, templateId)
                .map(text -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(text))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/tickets/{ticketId}/reply")
    String reply(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId, MailForm form,
            NextSteps next, @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            Model model, HttpServletResponse response) {
        return send(agent, ticketId, MailKind.REPLY, form, next, files, model, response);
    }

    @PostMapping("/tickets/{ticketId}/forward")
    String forward(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId, MailForm form,
            NextSteps next, @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            Model model, HttpServletResponse response) {
        return send(agent, ticketId, MailKind.FORWARD, form, next, files, model, response);
    }

    private String send(SignedInAgent agent, long ticketId, MailKind kind, MailForm form, NextSteps next,
            List<MultipartFile> files, Model model, HttpServletResponse response) {
        try {
            tickets.applyTogether(agent.id(), ticketId, next.after(new TicketAction.SendMail(kind, form.article(),
                    form.to(), form.cc(), form.bcc(), form.subject(), form.body(), ZoomPage.timeUnits(form.timeUnits()),
                    Uploads.of(files), form.html())));
            return "redirect:/tickets/" + ticketId;
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            MailDraft draft = tickets.mailDraft(agent.id(), ticketId, kind, form.article(), null);
            MailDraft entered = new MailDraft(kind, form.article(), draft.from(), form.to(), form.cc(), form.subject(),
                    form.body(), draft.templates(), null);
            model.addAttribute("nextEntered", next.entered());
            model.addAttribute("bodyHtml", form.html());
            return form(agent, ticketId, entered, form.bcc(), invalid.errors(), model);
        }
    }

    private String form(SignedInAgent agent, long ticketId, MailDraft draft, String bcc, Map<String, String> errors,
            Model model) {
        model.addAttribute("ticket", tickets.details(agent.id(), ticketId));
        model.addAttribute("options", tickets.zoomOptions(agent.id(), ticketId));
        model.addAttribute("draft", draft);
        model.addAttribute("bcc", bcc == null ? "" : bcc);
        model.addAttribute("errors", errors);
        model.addAttribute("attachmentLimit", ZoomPage.attachmentLimit(articles));
        return "ticket/compose";
    }

    /**
     * The compose form's fields as posted; {@code bodyHtml} comes from the rich-text editor (absent
     * when the browser runs no JavaScript, and the plain {@code body} is the mail).
     */
    record MailForm(Long article, String to, String cc, String bcc, String subject, String body, String timeUnits,
            String bodyHtml) {

        String html() {
            return bodyHtml == null || bodyHtml.isBlank() ? null : bodyHtml;
        }
    }
}
