package org.jotrs.access.web;

import org.jotrs.platform.AdminSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access module's screens on the admin index. */
@Configuration(proxyBeanMethods = false)
class AccessAdminSections {

    private static final String AREA = "admin.area.agents-permissions";

    @Bean
    AdminSection agentsSection() {
        return new AdminSection(AREA, "admin.section.agents.title", "/admin/agents", "admin.section.agents.summary");
    }

    @Bean
    AdminSection groupsSection() {
        return new AdminSection(AREA, "admin.section.groups.title", "/admin/groups", "admin.section.groups.summary");
    }

    @Bean
    AdminSection rolesSection() {
        return new AdminSection(AREA, "admin.section.roles.title", "/admin/roles", "admin.section.roles.summary");
    }

    @Bean
    AdminSection sessionsSection() {
        return new AdminSection("admin.area.system", "admin.section.sessions.title", "/admin/sessions",
                "admin.section.sessions.summary");
    }

    @Bean
    AdminSection auditSection() {
        return new AdminSection("admin.area.system", "admin.section.audit.title", "/admin/audit",
                "admin.section.audit.summary");
    }
}
