package org.jotrs.queue.web;

import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.platform.InvalidInput;
import org.jotrs.queue.QueueAdministration.Choice;
import org.jotrs.queue.QueueAdministration.Row;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the queue module's admin screens share: the list page, the assignment page and saving a form. */
final class AdminScreens {

    private AdminScreens() {
    }

    static String list(Model model, String title, String basePath, String newLabel, List<String> headers,
            List<Row> rows) {
        model.addAttribute("title", title);
        model.addAttribute("basePath", basePath);
        model.addAttribute("newLabel", newLabel);
        model.addAttribute("headers", headers);
        model.addAttribute("rows", rows);
        return "queue/admin/list";
    }

    static String assignment(Model model, String title, String backPath, String backLabel, String action,
            String field, List<Choice> all, Set<Integer> selected) {
        model.addAttribute("title", title);
        model.addAttribute("backPath", backPath);
        model.addAttribute("backLabel", backLabel);
        model.addAttribute("action", action);
        model.addAttribute("field", field);
        model.addAttribute("all", all);
        model.addAttribute("selected", selected);
        return "queue/admin/assign";
    }

    /**
     * Runs a create or update; on success redirects with a notice, on invalid input renders the
     * form again with the errors and 422.
     */
    static String save(Supplier<Integer> change, RedirectAttributes redirect, String notice,
            IntFunction<String> target, HttpServletResponse response, Supplier<String> form, Model model) {
        try {
            int id = change.get();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:" + target.apply(id);
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            model.addAttribute("errors", invalid.errors());
            return form.get();
        }
    }
}
