package org.jotrs.queue.web;

import static org.jotrs.queue.web.AdminScreens.list;
import static org.jotrs.queue.web.AdminScreens.save;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.Messages;
import org.jotrs.queue.QueueAdministration;
import org.jotrs.queue.SystemAddressAdministration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screens of system addresses ({@code /admin/system-addresses}). */
@Controller
class SystemAddressAdminPages {

    private final SystemAddressAdministration addresses;
    private final QueueAdministration queues;

    SystemAddressAdminPages(SystemAddressAdministration addresses, QueueAdministration queues) {
        this.addresses = addresses;
        this.queues = queues;
    }

    @Bean
    static AdminSection systemAddressesSection() {
        return new AdminSection("admin.area.tickets", "admin.section.system-addresses.title", "/admin/system-addresses",
                "admin.section.system-addresses.summary");
    }

    @GetMapping("/admin/system-addresses")
    String addressList(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return list(model, Messages.t("admin.kind.system-address.many"), "/admin/system-addresses", Messages.t("admin.kind.system-address.new"),
                List.of(Messages.t("queue.admin.display-name"), Messages.t("common.queue")), addresses.systemAddresses(agent.id()));
    }

    @GetMapping("/admin/system-addresses/new")
    String newAddress(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return addressForm(agent, model, null, AddressForm.empty(), Map.of());
    }

    @PostMapping("/admin/system-addresses/new")
    String createAddress(@AuthenticationPrincipal SignedInAgent agent, AddressForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(() -> addresses.createSystemAddress(agent.id(), form.settings()), redirect, Messages.t("queue.admin.notice.address-created"),
                id -> "/admin/system-addresses/" + id, response, () -> addressForm(agent, model, null, form, null), model);
    }

    @GetMapping("/admin/system-addresses/{id}")
    String address(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, Model model) {
        return addressForm(agent, model, id, AddressForm.of(addresses.systemAddress(agent.id(), id)), Map.of());
    }

    @PostMapping("/admin/system-addresses/{id}")
    String updateAddress(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, AddressForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(() -> {
            addresses.updateSystemAddress(agent.id(), id, form.settings());
            return id;
        }, redirect, Messages.t("queue.admin.notice.address-saved"), saved -> "/admin/system-addresses/" + id, response,
                () -> addressForm(agent, model, id, form, null), model);
    }

    private String addressForm(SignedInAgent agent, Model model, Integer id, AddressForm form, Map<String, String> errors) {
        model.addAttribute("addressId", id);
        model.addAttribute("form", form);
        model.addAttribute("queues", queues.queues(agent.id()));
        if (errors != null) {
            model.addAttribute("errors", errors);
        }
        return "queue/admin/address";
    }
}
