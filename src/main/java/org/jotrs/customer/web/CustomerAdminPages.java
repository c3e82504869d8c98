package org.jotrs.customer.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.platform.Messages;
import org.jotrs.access.AccessService;
import org.jotrs.access.SignedInAgent;
import org.jotrs.customer.CustomerAdministration;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.InvalidInput;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screens for customer users ({@code /admin/customers}) and their group permissions. */
@Controller
class CustomerAdminPages {

    private final CustomerAdministration customers;
    private final AccessService access;

    CustomerAdminPages(CustomerAdministration customers, AccessService access) {
        this.customers = customers;
        this.access = access;
    }

    @Bean
    static AdminSection customerUsersSection() {
        return new AdminSection("admin.area.customers", "admin.section.customers.title", "/admin/customers",
                "admin.section.customers.summary");
    }

    @GetMapping("/admin/customers")
    String customerUsers(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("listing", customers.customerUsers(agent.id(), q, page));
        model.addAttribute("q", q);
        return "customer/admin/users";
    }

    @GetMapping("/admin/customers/new")
    String newCustomerUser(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        // the empty form reads nothing through the facade, so it checks here; saving checks again there
        access.requireAdmin(agent.id());
        return userForm(model, null, CustomerUserForm.empty(), Map.of(), false, List.of());
    }

    @PostMapping("/admin/customers/new")
    String createCustomerUser(@AuthenticationPrincipal SignedInAgent agent, CustomerUserForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            int id = customers.createCustomerUser(agent.id(), form.changes());
            redirect.addFlashAttribute("notice", Messages.t("customer.admin.notice.user-created", form.login().strip()));
            return "redirect:/admin/customers/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            return userForm(model, null, form.withoutPassword(), invalid.errors(), false, List.of());
        }
    }

    @GetMapping("/admin/customers/{id}")
    String customerUser(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, Model model) {
        var user = customers.customerUser(agent.id(), id);
        return userForm(model, id, CustomerUserForm.of(user), Map.of(), user.hasPassword(), groups(agent, id));
    }

    @PostMapping("/admin/customers/{id}")
    String updateCustomerUser(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, CustomerUserForm form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            customers.updateCustomerUser(agent.id(), id, form.changes());
            redirect.addFlashAttribute("notice", Messages.t("customer.admin.notice.user-saved"));
            return "redirect:/admin/customers/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            var user = customers.customerUser(agent.id(), id);
            CustomerUserForm shown = form.withoutPassword();
            shown = new CustomerUserForm(user.login(), shown.title(), shown.firstName(), shown.lastName(), shown.email(),
                    shown.customerId(), shown.phone(), shown.mobile(), shown.street(), shown.zip(), shown.city(),
                    shown.country(), shown.comment(), shown.validId(), "");
            return userForm(model, id, shown, invalid.errors(), user.hasPassword(), groups(agent, id));
        }
    }

    /**
     * The group matrix posts one checkbox per group and permission, named {@code perm_<groupId>}
     * with the values {@code ro} and {@code rw}.
     */
    @PostMapping("/admin/customers/{id}/groups")
    String setGroups(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id,
            jakarta.servlet.http.HttpServletRequest request, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<Integer, Set<String>> grants = new HashMap<>();
        for (var parameter : request.getParameterMap().entrySet()) {
            if (!parameter.getKey().startsWith("perm_")) {
                continue;
            }
            try {
                int groupId = Integer.parseInt(parameter.getKey().substring("perm_".length()));
                grants.computeIfAbsent(groupId, g -> new HashSet<>()).addAll(List.of(parameter.getValue()));
            } catch (NumberFormatException e) {
                grants.computeIfAbsent(-1, g -> new HashSet<>());
            }
        }
        try {
            customers.setGroups(agent.id(), id, grants);
            redirect.addFlashAttribute("notice", Messages.t("customer.admin.notice.groups-saved"));
            return "redirect:/admin/customers/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            var user = customers.customerUser(agent.id(), id);
            return userForm(model, id, CustomerUserForm.of(user), invalid.errors(), user.hasPassword(), groups(agent, id));
        }
    }

    private List<org.jotrs.customer.CustomerGroupGrant> groups(SignedInAgent agent, int id) {
        return customers.groupSupport() ? customers.groupsOf(agent.id(), id) : List.of();
    }

    private String userForm(Model model, Integer id, CustomerUserForm form, Map<String, String> errors,
            boolean hasPassword, List<org.jotrs.customer.CustomerGroupGrant> groups) {
        model.addAttribute("customerUserId", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("hasPassword", hasPassword);
        model.addAttribute("groupSupport", customers.groupSupport());
        model.addAttribute("groups", groups);
        return "customer/admin/user";
    }
}
