package org.jotrs.customer.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.platform.Messages;
import org.jotrs.access.AccessService;
import org.jotrs.access.SignedInAgent;
import org.jotrs.customer.CompanyAdministration;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.InvalidInput;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** Admin screens for customer companies ({@code /admin/companies}). */
@Controller
class CompanyAdminPages {

    static final int SUGGESTIONS = 10;

    private final CompanyAdministration companies;
    private final AccessService access;

    CompanyAdminPages(CompanyAdministration companies, AccessService access) {
        this.companies = companies;
        this.access = access;
    }

    @Bean
    static AdminSection customerCompaniesSection() {
        return new AdminSection("admin.area.customers", "admin.section.companies.title", "/admin/companies",
                "admin.section.companies.summary");
    }

    @GetMapping("/admin/companies")
    String companies(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("listing", companies.companies(agent.id(), q, page));
        model.addAttribute("q", q);
        return "customer/admin/companies";
    }

    @GetMapping("/admin/companies/new")
    String newCompany(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        access.requireAdmin(agent.id());
        return companyForm(model, null, CompanyForm.empty(), Map.of());
    }

    @PostMapping("/admin/companies/new")
    String createCompany(@AuthenticationPrincipal SignedInAgent agent, CompanyForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            companies.createCompany(agent.id(), form.company());
            redirect.addFlashAttribute("notice", Messages.t("customer.admin.notice.company-created", form.name().strip()));
            return "redirect:/admin/companies/edit?customerId=" + UriUtils.encodeQueryParam(form.customerId().strip(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            return companyForm(model, null, form.cleaned(), invalid.errors());
        }
    }

    @GetMapping("/admin/companies/edit")
    String company(@AuthenticationPrincipal SignedInAgent agent, @RequestParam String customerId, Model model) {
        return companyForm(model, customerId, CompanyForm.of(companies.company(agent.id(), customerId)), Map.of());
    }

    @PostMapping("/admin/companies/edit")
    String updateCompany(@AuthenticationPrincipal SignedInAgent agent, @RequestParam("key") String key,
            CompanyForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            companies.updateCompany(agent.id(), key, form.company());
            redirect.addFlashAttribute("notice", Messages.t("customer.admin.notice.company-saved"));
            return "redirect:/admin/companies/edit?customerId=" + UriUtils.encodeQueryParam(key,
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            CompanyForm shown = form.cleaned();
            shown = new CompanyForm(key, shown.name(), shown.street(), shown.zip(), shown.city(), shown.country(),
                    shown.url(), shown.comment(), shown.validId());
            return companyForm(model, key, shown, invalid.errors());
        }
    }

    /**
     * Typeahead for the customer user form's company field (and the new-ticket forms' customer
     * panel, whose field is {@code newCustomerId}): datalist options, fetched by htmx.
     */
    @GetMapping("/admin/companies/suggestions")
    String companySuggestions(@AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String customerId, @RequestParam(defaultValue = "") String newCustomerId,
            Model model) {
        String typed = customerId.isEmpty() ? newCustomerId : customerId;
        model.addAttribute("companies", companies.companySuggestions(agent.id(), typed, SUGGESTIONS));
        return "customer/admin/company-suggestions";
    }

    private String companyForm(Model model, String key, CompanyForm form, Map<String, String> errors) {
        model.addAttribute("key", key);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "customer/admin/company";
    }
}
