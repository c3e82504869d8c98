package org.jotrs.access.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.AccessChangeRefused;
import org.jotrs.access.AccessService;
import org.jotrs.access.GroupAndRoleAdministration;
import org.jotrs.access.PermissionAdministration;
import org.jotrs.access.AgentAdministration;
import org.jotrs.access.SignedInAgent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/groups} and {@code /admin/roles}: list, create, edit; a group's page holds its
 * agent and role matrices, a role's page its group matrix and its members (the OTRS screens
 * AdminUserGroup, AdminRoleGroup and AdminRoleUser, seen from the group or the role).
 */
@Controller
class GroupAndRoleAdminPages {

    /** Which of the two screens a request is for. */
    enum Kind {
        GROUP("group", "Groups", "/admin/groups"),
        ROLE("role", "Roles", "/admin/roles");

        final String what;
        final String plural;
        final String path;

        Kind(String what, String plural, String path) {
            this.what = what;
            this.plural = plural;
            this.path = path;
        }
    }

    private final GroupAndRoleAdministration administration;
    private final PermissionAdministration permissions;
    private final AccessService access;

    GroupAndRoleAdminPages(GroupAndRoleAdministration administration, PermissionAdministration permissions,
            AccessService access) {
        this.administration = administration;
        this.permissions = permissions;
        this.access = access;
    }

    @GetMapping("/admin/groups")
    String groups(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return list(Kind.GROUP, administration.groups(agent.id()), model);
    }

    @GetMapping("/admin/roles")
    String roles(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return list(Kind.ROLE, administration.roles(agent.id()), model);
    }

    private static String list(Kind kind, List<AgentAdministration.Named> entries, Model model) {
        model.addAttribute("what", kind.what);
        model.addAttribute("plural", kind.plural);
        model.addAttribute("path", kind.path);
        model.addAttribute("entries", entries);
        return "access/admin/named-list";
    }

    @GetMapping("/admin/groups/new")
    String newGroup(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        access.requireAdmin(agent.id());
        return page(agent, Kind.GROUP, null, NamedForm.empty(), Map.of(), false, model);
    }

    @GetMapping("/admin/roles/new")
    String newRole(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        access.requireAdmin(agent.id());
        return page(agent, Kind.ROLE, null, NamedForm.empty(), Map.of(), false, model);
    }

    @PostMapping("/admin/groups")
    String createGroup(@AuthenticationPrincipal SignedInAgent agent, NamedForm form, Model model, HttpServletResponse response) {
        return create(agent, Kind.GROUP, form, model, response);
    }

    @PostMapping("/admin/roles")
    String createRole(@AuthenticationPrincipal SignedInAgent agent, NamedForm form, Model model, HttpServletResponse response) {
        return create(agent, Kind.ROLE, form, model, response);
    }

    private String create(SignedInAgent agent, Kind kind, NamedForm form, Model model, HttpServletResponse response) {
        try {
            int id = kind == Kind.GROUP ? administration.createGroup(agent.id(), form.toInput())
                    : administration.createRole(agent.id(), form.toInput());
            return "redirect:" + kind.path + "/" + id + "?saved";
        } catch (AccessChangeRefused refused) {
            response.setStatus(refused.status());
            return page(agent, kind, null, form.orEmpty(), refused.errors(), false, model);
        }
    }

    @GetMapping("/admin/groups/{id}")
    String group(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id,
            @RequestParam(required = false) String saved, Model model) {
        return page(agent, Kind.GROUP, id, NamedForm.of(administration.group(agent.id(), id)), Map.of(), saved != null, model);
    }

    @GetMapping("/admin/roles/{id}")
    String role(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id,
            @RequestParam(required = false) String saved, Model model) {
        return page(agent, Kind.ROLE, id, NamedForm.of(administration.role(agent.id(), id)), Map.of(), saved != null, model);
    }

    @PostMapping("/admin/groups/{id}")
    String updateGroup(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, NamedForm form, Model model,
            HttpServletResponse response) {
        return update(agent, Kind.GROUP, id, form, model, response);
    }

    @PostMapping("/admin/roles/{id}")
    String updateRole(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, NamedForm form, Model model,
            HttpServletResponse response) {
        return update(agent, Kind.ROLE, id, form, model, response);
    }

    private String update(SignedInAgent agent, Kind kind, int id, NamedForm form, Model model, HttpServletResponse response) {
        try {
            if (kind == Kind.GROUP) {
                administration.updateGroup(agent.id(), id, form.toInput());
            } else {
                administration.updateRole(agent.id(), id, form.toInput());
            }
            return "redirect:" + kind.path + "/" + id + "?saved";
        } catch (AccessChangeRefused refused) {
            response.setStatus(refused.status());
            return page(agent, kind, id, form.orEmpty(), refused.errors(), false, model);
        }
    }

    @PostMapping("/admin/groups/{id}/agents")
    String saveAgentsOfGroup(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id,
            @RequestParam(name = "grant", required = false) List<String> cells, Model model, HttpServletResponse response) {
        try {
            permissions.setAgentsOfGroup(agent.id(), id, MatrixCells.grants(cells));
            return "redirect:/admin/groups/" + id + "?saved#agents";
        } catch (AccessChangeRefused refused) {
            return refusedOnPage(agent, Kind.GROUP, id, "agents", refused, model, response);
        }
    }

    @PostMapping("/admin/groups/{id}/roles")
    String saveRolesOfGroup(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id,
            @RequestParam(name = "grant", required = false) List<String> cells, Model model, HttpServletResponse response) {
        try {
            permissions.setRolesOfGroup(agent.id(), id, MatrixCells.grants(cells));
            return "redirect:/admin/groups/" + id + "?saved#roles";
        } catch (AccessChangeRefused refused) {
            return refusedOnPage(agent, Kind.GROUP, id, "roles", refused, model, response);
        }
    }

    @PostMapping("/admin/roles/{id}/groups")
    String saveGroupsOfRole(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id,
            @RequestParam(name = "grant", required = false) List<String> cells, Model model, HttpServletResponse response) {
        try {
            permissions.setGroupsOfRole(agent.id(), id, MatrixCells.grants(cells));
            return "redirect:/admin/roles/" + id + "?saved#groups";
        } catch (AccessChangeRefused refused) {
            return refusedOnPage(agent, Kind.ROLE, id, "groups", refused, model, response);
        }
    }

    @PostMapping("/admin/roles/{id}/agents")
    String saveAgentsOfRole(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id,
            @RequestParam(name = "member", required = false) List<String> members, Model model,
            HttpServletResponse response) {
        try {
            permissions.setAgentsOfRole(agent.id(), id, MatrixCells.ids(members));
            return "redirect:/admin/roles/" + id + "?saved#agents";
        } catch (AccessChangeRefused refused) {
            return refusedOnPage(agent, Kind.ROLE, id, "agents", refused, model, response);
        }
    }

    private String refusedOnPage(SignedInAgent agent, Kind kind, int id, String section, AccessChangeRefused refused,
            Model model, HttpServletResponse response) {
        response.setStatus(refused.status());
        var stored = kind == Kind.GROUP ? administration.group(agent.id(), id) : administration.role(agent.id(), id);
        return page(agent, kind, id, NamedForm.of(stored), AgentAdminPages.prefixed(section, refused), false, model);
    }

    private String page(SignedInAgent agent, Kind kind, Integer id, NamedForm form, Map<String, String> errors,
            boolean saved, Model model) {
        model.addAttribute("what", kind.what);
        model.addAttribute("plural", kind.plural);
        model.addAttribute("path", kind.path);
        model.addAttribute("entryId", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        boolean editing = id != null;
        model.addAttribute("agentMatrix", editing && kind == Kind.GROUP ? permissions.agentsOfGroup(agent.id(), id) : null);
        model.addAttribute("roleMatrix", editing && kind == Kind.GROUP ? permissions.rolesOfGroup(agent.id(), id) : null);
        model.addAttribute("groupMatrix", editing && kind == Kind.ROLE ? permissions.groupsOfRole(agent.id(), id) : null);
        model.addAttribute("members", editing && kind == Kind.ROLE ? permissions.agentsOfRole(agent.id(), id) : null);
        return "access/admin/named";
    }
}
