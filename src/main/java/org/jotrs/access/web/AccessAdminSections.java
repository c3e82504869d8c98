package org.jotrs.access.web;

import org.jotrs.platform.AdminSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access module's screens on the admin index. */
@Configuration(proxyBeanMethods = false)
class AccessAdminSections {

    private static final String AREA = "Agents & permissions";

    @Bean
    AdminSection agentsSection() {
        return new AdminSection(AREA, "Agents", "/admin/agents",
                "create and edit agents, set passwords, their groups, roles and effective permissions");
    }

    @Bean
    AdminSection groupsSection() {
        return new AdminSection(AREA, "Groups", "/admin/groups", "permission groups and which agents and roles hold what on them");
    }

    @Bean
    AdminSection rolesSection() {
        return new AdminSection(AREA, "Roles", "/admin/roles", "roles, their group permissions and their members");
    }

    @Bean
    AdminSection sessionsSection() {
        return new AdminSection("System", "Sessions", "/admin/sessions", "who is signed in; end a session");
    }

    @Bean
    AdminSection auditSection() {
        return new AdminSection("System", "Audit log", "/admin/audit", "every administration change: who, when, what");
    }
}
