package org.jotrs.access.internal;

import org.jotrs.access.AccessService;
import org.jotrs.platform.Administrators;
import org.springframework.stereotype.Component;

/** The platform's question "is this an administrator?", answered by the same rule as every admin use case. */
@Component
class AccessAdministrators implements Administrators {

    private final AccessService access;

    AccessAdministrators(AccessService access) {
        this.access = access;
    }

    @Override
    public void requireAdministrator(int agentId) {
        access.requireAdmin(agentId);
    }
}
