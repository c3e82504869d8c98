package org.jotrs.postmaster.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.Messages;
import org.jotrs.postmaster.ConnectionCheck;
import org.jotrs.postmaster.Delivery;
import org.jotrs.postmaster.MailAccountSummary;
import org.jotrs.postmaster.MailQuarantine;
import org.jotrs.postmaster.PostmasterAdministration;
import org.jotrs.queue.QueueService;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screens of incoming mail: mail accounts (with "test connection"), postmaster filters, the quarantine. */
@Controller
class PostmasterAdminPages {

    private final PostmasterAdministration admin;
    private final MailQuarantine quarantine;
    private final QueueService queues;

    PostmasterAdminPages(PostmasterAdministration admin, MailQuarantine quarantine, QueueService queues) {
        this.admin = admin;
        this.quarantine = quarantine;
        this.queues = queues;
    }

    @Bean
    static AdminSection mailAccountsSection() {
        return new AdminSection("admin.area.system", "admin.section.mail-accounts.title", "/admin/mail-accounts",
                "admin.section.mail-accounts.summary");
    }

    @Bean
    static AdminSection postmasterFiltersSection() {
        return new AdminSection("admin.area.system", "admin.section.postmaster-filters.title", "/admin/postmaster-filters",
                "admin.section.postmaster-filters.summary");
    }

    @Bean
    static AdminSection quarantineSection() {
        return new AdminSection("admin.area.system", "admin.section.quarantine.title", "/admin/quarantine",
                "admin.section.quarantine.summary");
    }

    // ---- mail accounts

    @GetMapping("/admin/mail-accounts")
    String accounts(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("accounts", admin.accounts(agent.id()));
        return "postmaster/admin/accounts";
    }

    @GetMapping("/admin/mail-accounts/new")
    String newAccount(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        admin.accounts(agent.id());
        return accountForm(model, null, MailAccountForm.empty(), null, Map.of());
    }

    @PostMapping("/admin/mail-accounts/new")
    String createAccount(@AuthenticationPrincipal SignedInAgent agent, MailAccountForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            int id = admin.createAccount(agent.id(), form.settings());
            redirect.addFlashAttribute("notice", Messages.t("postmaster.account.notice.created"));
            return "redirect:/admin/mail-accounts/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return accountForm(model, null, form, null, invalid.errors());
        }
    }

    @GetMapping("/admin/mail-accounts/{id}")
    String account(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, Model model) {
        return accountForm(model, id, MailAccountForm.of(admin.account(agent.id(), id)), admin.storedSecrets(agent.id(), id),
                Map.of());
    }

    @PostMapping("/admin/mail-accounts/{id}")
    String updateAccount(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, MailAccountForm form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            admin.updateAccount(agent.id(), id, form.settings());
            redirect.addFlashAttribute("notice", Messages.t("postmaster.account.notice.saved"));
            return "redirect:/admin/mail-accounts/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return accountForm(model, id, form, admin.storedSecrets(agent.id(), id), invalid.errors());
        }
    }

    @PostMapping("/admin/mail-accounts/{id}/test")
    String testAccount(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, Model model) {
        ConnectionCheck check = admin.testAccount(agent.id(), id);
        model.addAttribute("check", check);
        return accountForm(model, id, MailAccountForm.of(admin.account(agent.id(), id)), admin.storedSecrets(agent.id(), id),
                Map.of());
    }

    private String accountForm(Model model, Integer id, MailAccountForm form, PostmasterAdministration.StoredSecrets stored,
            Map<String, String> errors) {
        model.addAttribute("accountId", id);
        model.addAttribute("form", form);
        model.addAttribute("stored", stored == null ? new PostmasterAdministration.StoredSecrets(false, false, false) : stored);
        model.addAttribute("queues", queues.validQueues());
        model.addAttribute("errors", errors);
        return "postmaster/admin/account";
    }

    // ---- postmaster filters

    @GetMapping("/admin/postmaster-filters")
    String filters(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("filters", admin.filters(agent.id()));
        return "postmaster/admin/filters";
    }

    @GetMapping("/admin/postmaster-filters/new")
    String newFilter(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        admin.filters(agent.id());
        return filterForm(model, FilterForm.empty(), Map.of());
    }

    @GetMapping("/admin/postmaster-filters/edit")
    String filter(@AuthenticationPrincipal SignedInAgent agent, @RequestParam String name, Model model) {
        return filterForm(model, FilterForm.of(admin.filter(agent.id(), name)), Map.of());
    }

    @PostMapping("/admin/postmaster-filters/save")
    String saveFilter(@AuthenticationPrincipal SignedInAgent agent, @RequestParam MultiValueMap<String, String> posted,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FilterForm form = FilterForm.read(posted);
        try {
            admin.saveFilter(agent.id(), form.previousName(), form.filter());
            redirect.addFlashAttribute("notice", Messages.t("postmaster.filter.notice.saved", form.name().strip()));
            return "redirect:/admin/postmaster-filters";
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return filterForm(model, form.withSpareRows(), invalid.errors());
        }
    }

    @PostMapping("/admin/postmaster-filters/delete")
    String deleteFilter(@AuthenticationPrincipal SignedInAgent agent, @RequestParam String name, RedirectAttributes redirect) {
        admin.deleteFilter(agent.id(), name);
        redirect.addFlashAttribute("notice", Messages.t("postmaster.filter.notice.deleted", name));
        return "redirect:/admin/postmaster-filters";
    }

    private static String filterForm(Model model, FilterForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "postmaster/admin/filter";
    }

    // ---- quarantine

    @GetMapping("/admin/quarantine")
    String quarantine(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("entries", quarantine.entries(agent.id(), 500));
        Map<Integer, String> accounts = new HashMap<>();
        for (MailAccountSummary account : admin.accounts(agent.id())) {
            accounts.put(account.id(), account.login() + "@" + account.host());
        }
        model.addAttribute("accounts", accounts);
        return "postmaster/admin/quarantine";
    }

    @GetMapping("/admin/quarantine/{id}/raw")
    ResponseEntity<byte[]> raw(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id) {
        byte[] raw = quarantine.rawMessage(agent.id(), id)
                .orElseThrow(() -> new org.jotrs.platform.NoSuchEntry("not-found.quarantined-message", String.valueOf(id)));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("message/rfc822"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("quarantine-" + id + ".eml")
                        .build().toString())
                .body(raw);
    }

    @PostMapping("/admin/quarantine/{id}/retry")
    String retry(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        Delivery delivery = quarantine.retry(agent.id(), id);
        String notice = switch (delivery) {
            case Delivery.Stored stored -> Messages.t("postmaster.quarantine.notice.stored", id, stored.ticketNumber());
            case Delivery.Quarantined again -> Messages.t("postmaster.quarantine.notice.still", id, again.reason());
            case Delivery.Ignored ignored -> Messages.t("postmaster.quarantine.notice.ignored", id, ignored.reason());
            case Delivery.Duplicate duplicate -> Messages.t("postmaster.quarantine.notice.ignored", id, "duplicate");
        };
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/admin/quarantine";
    }

    @PostMapping("/admin/quarantine/{id}/drop")
    String drop(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        quarantine.drop(agent.id(), id);
        redirect.addFlashAttribute("notice", Messages.t("postmaster.quarantine.notice.dropped", id));
        return "redirect:/admin/quarantine";
    }
}
