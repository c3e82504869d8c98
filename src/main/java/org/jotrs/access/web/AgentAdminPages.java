package org.jotrs.access.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.AccessChangeRefused;
import org.jotrs.access.AccessService;
import org.jotrs.access.PermissionAdministration;
import org.jotrs.access.AgentAdministration;
import org.jotrs.access.AgentAdministration.Agent;
import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.Validity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/agents}: list, create, edit, an agent's groups and roles, their effective permissions. */
@Controller
class AgentAdminPages {

    private final AgentAdministration administration;
    private final PermissionAdministration permissions;
    private final AccessService access;

    AgentAdminPages(AgentAdministration administration, PermissionAdministration permissions, AccessService access) {
        this.administration = administration;
        this.permissions = permissions;
        this.access = access;
    }

    @GetMapping("/admin/agents")
    String list(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String valid, @RequestParam(defaultValue = "0") int page, Model model) {
        Validity validity = Validity.fromForm(valid).orElse(null);
        model.addAttribute("result", administration.agents(agent.id(), q, validity, page));
        model.addAttribute("q", q);
        model.addAttribute("valid", validity == null ? "" : String.valueOf(validity.id()));
        return "access/admin/agents";
    }

    @GetMapping("/admin/agents/new")
    String newAgent(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        access.requireAdmin(agent.id());
        return newAgentPage(AgentForm.empty(), Map.of(), model);
    }

    @PostMapping("/admin/agents")
    String create(@AuthenticationPrincipal SignedInAgent agent, AgentForm form, Model model, HttpServletResponse response) {
        try {
            int id = administration.createAgent(agent.id(), form.toInput());
            return "redirect:/admin/agents/" + id + "?saved";
        } catch (AccessChangeRefused refused) {
            response.setStatus(refused.status());
            return newAgentPage(form.withoutPassword(), refused.errors(), model);
        }
    }

    private String newAgentPage(AgentForm form, Map<String, String> errors, Model model) {
        model.addAttribute("agentId", null);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", null);
        model.addAttribute("roles", List.of());
        model.addAttribute("saved", false);
        return "access/admin/agent";
    }

    @GetMapping("/admin/agents/{agentId}")
    String edit(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int agentId,
            @RequestParam(required = false) String saved, Model model) {
        Agent stored = administration.agent(agent.id(), agentId);
        return editPage(agent, agentId, AgentForm.of(stored), Map.of(), saved != null, model);
    }

    @PostMapping("/admin/agents/{agentId}")
    String update(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int agentId, AgentForm form, Model model,
            HttpServletResponse response) {
        try {
            administration.updateAgent(agent.id(), agentId, form.toInput());
            return "redirect:/admin/agents/" + agentId + "?saved";
        } catch (AccessChangeRefused refused) {
            response.setStatus(refused.status());
            return editPage(agent, agentId, form.withoutPassword(), refused.errors(), false, model);
        }
    }

    @PostMapping("/admin/agents/{agentId}/groups")
    String saveGroups(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int agentId,
            @RequestParam(name = "grant", required = false) List<String> cells, Model model, HttpServletResponse response) {
        try {
            permissions.setGroupsOfAgent(agent.id(), agentId, MatrixCells.grants(cells));
            return "redirect:/admin/agents/" + agentId + "?saved#groups";
        } catch (AccessChangeRefused refused) {
            response.setStatus(refused.status());
            Agent stored = administration.agent(agent.id(), agentId);
            return editPage(agent, agentId, AgentForm.of(stored), prefixed("groups", refused), false, model);
        }
    }

    @PostMapping("/admin/agents/{agentId}/roles")
    String saveRoles(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int agentId,
            @RequestParam(name = "member", required = false) List<String> members, Model model,
            HttpServletResponse response) {
        try {
            permissions.setRolesOfAgent(agent.id(), agentId, MatrixCells.ids(members));
            return "redirect:/admin/agents/" + agentId + "?saved#roles";
        } catch (AccessChangeRefused refused) {
            response.setStatus(refused.status());
            Agent stored = administration.agent(agent.id(), agentId);
            return editPage(agent, agentId, AgentForm.of(stored), prefixed("roles", refused), false, model);
        }
    }

    @GetMapping("/admin/agents/{agentId}/permissions")
    String effective(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int agentId, Model model) {
        model.addAttribute("effective", administration.effectivePermissions(agent.id(), agentId));
        return "access/admin/effective";
    }

    private String editPage(SignedInAgent actor, int agentId, AgentForm form, Map<String, String> errors, boolean saved,
            Model model) {
        model.addAttribute("agentId", agentId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", permissions.groupsOfAgent(actor.id(), agentId));
        model.addAttribute("roles", permissions.rolesOfAgent(actor.id(), agentId));
        model.addAttribute("saved", saved);
        return "access/admin/agent";
    }

    /** A matrix's refusal is shown beside that matrix, not at the top of the agent form. */
    static Map<String, String> prefixed(String section, AccessChangeRefused refused) {
        return Map.of(section, String.join(" ", refused.errors().values()));
    }
}
