package org.jotrs.ticket.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.platform.Messages;
import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.Validity;
import org.jotrs.ticket.TicketSettingsAdministration;
import org.jotrs.ticket.TicketSettingsAdministration.Changes;
import org.jotrs.ticket.TicketSettingsAdministration.Entry;
import org.jotrs.ticket.TicketSettingsAdministration.Setting;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screens for ticket states, priorities and types: {@code /admin/states}, {@code /admin/priorities}, {@code /admin/types}. */
@Controller
class TicketSettingsPages {

    private static final String PATHS = "{list:states|priorities|types}";

    private final TicketSettingsAdministration settings;

    TicketSettingsPages(TicketSettingsAdministration settings) {
        this.settings = settings;
    }

    @Bean
    static AdminSection statesSection() {
        return new AdminSection("admin.area.tickets", "admin.section.states.title", "/admin/states",
                "admin.section.states.summary");
    }

    @Bean
    static AdminSection prioritiesSection() {
        return new AdminSection("admin.area.tickets", "admin.section.priorities.title", "/admin/priorities",
                "admin.section.priorities.summary");
    }

    @Bean
    static AdminSection typesSection() {
        return new AdminSection("admin.area.tickets", "admin.section.types.title", "/admin/types",
                "admin.section.types.summary");
    }

    /** The form as posted; the type and the comment are used for states only. */
    record SettingForm(String name, Integer typeId, String comment, Integer validId) {

        Changes changes() {
            return new Changes(name, typeId == null ? 0 : typeId, comment, validId == null ? 0 : validId);
        }
    }

    @GetMapping("/admin/" + PATHS)
    String list(@AuthenticationPrincipal SignedInAgent agent, @PathVariable String list, Model model) {
        Setting setting = setting(list);
        model.addAttribute("setting", setting);
        model.addAttribute("basePath", "/admin/" + list);
        model.addAttribute("entries", settings.list(agent.id(), setting));
        return "ticket/admin/settings";
    }

    @GetMapping("/admin/" + PATHS + "/new")
    String newEntry(@AuthenticationPrincipal SignedInAgent agent, @PathVariable String list, Model model) {
        Setting setting = setting(list);
        return form(agent, model, setting, list, null, new Entry(0, "", openTypeId(agent, setting), null, "",
                Validity.VALID.id(), false), Map.of());
    }

    @PostMapping("/admin/" + PATHS + "/new")
    String create(@AuthenticationPrincipal SignedInAgent agent, @PathVariable String list, SettingForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Setting setting = setting(list);
        try {
            int id = settings.create(agent.id(), setting, form.changes());
            redirect.addFlashAttribute("notice", Messages.t("admin.kind." + setting.key() + ".created", form.name().strip()));
            return "redirect:/admin/" + list + "/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            return form(agent, model, setting, list, null, shown(form, null), invalid.errors());
        }
    }

    @GetMapping("/admin/" + PATHS + "/{id}")
    String entry(@AuthenticationPrincipal SignedInAgent agent, @PathVariable String list, @PathVariable int id, Model model) {
        Setting setting = setting(list);
        return form(agent, model, setting, list, id, settings.entry(agent.id(), setting, id), Map.of());
    }

    @PostMapping("/admin/" + PATHS + "/{id}")
    String update(@AuthenticationPrincipal SignedInAgent agent, @PathVariable String list, @PathVariable int id,
            SettingForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Setting setting = setting(list);
        try {
            settings.update(agent.id(), setting, id, form.changes());
            redirect.addFlashAttribute("notice", Messages.t("admin.kind." + setting.key() + ".saved"));
            return "redirect:/admin/" + list + "/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            return form(agent, model, setting, list, id, shown(form, settings.entry(agent.id(), setting, id)), invalid.errors());
        }
    }

    private String form(SignedInAgent agent, Model model, Setting setting, String list, Integer id, Entry entry,
            Map<String, String> errors) {
        model.addAttribute("setting", setting);
        model.addAttribute("basePath", "/admin/" + list);
        model.addAttribute("entryId", id);
        model.addAttribute("entry", entry);
        model.addAttribute("stateTypes", setting == Setting.STATE ? settings.stateTypes(agent.id()) : List.of());
        model.addAttribute("errors", errors);
        if (setting != Setting.STATE) {
            // priorities and types have no state types to read, so check here for the empty form
            settings.list(agent.id(), setting);
        }
        return "ticket/admin/setting";
    }

    private int openTypeId(SignedInAgent agent, Setting setting) {
        if (setting != Setting.STATE) {
            return 0;
        }
        return settings.stateTypes(agent.id()).stream().filter(type -> type.name().equals("open"))
                .map(TicketSettingsAdministration.StateType::id).findFirst().orElse(0);
    }

    private static Entry shown(SettingForm form, Entry existing) {
        return new Entry(existing == null ? 0 : existing.id(), form.name() == null ? "" : form.name(),
                form.typeId() == null ? 0 : form.typeId(), null, form.comment() == null ? "" : form.comment(),
                form.validId() == null ? Validity.VALID.id() : form.validId(), existing != null && existing.protectedEntry());
    }

    private static Setting setting(String list) {
        return switch (list) {
            case "states" -> Setting.STATE;
            case "priorities" -> Setting.PRIORITY;
            default -> Setting.TYPE;
        };
    }

}
