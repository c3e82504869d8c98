package org.jotrs.api.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jotrs.access.AccessService;
import org.jotrs.access.AgentRef;
import org.jotrs.access.Permission;
import org.jotrs.api.internal.ApiCaller;
import org.jotrs.api.internal.ApiLookups;
import org.jotrs.queue.QueueService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What tickets are made of, over /api/v1: queues the agent may read, states, priorities, types and agents. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class DirectoryApi {

    record Queue(int id, String name, Set<String> permissions) {
    }

    record Me(int id, String login, String firstName, String lastName, boolean admin, Map<String, Set<String>> groups,
            String tokenScope) {
    }

    private final QueueService queues;
    private final AccessService access;
    private final ApiLookups lookups;

    DirectoryApi(QueueService queues, AccessService access, ApiLookups lookups) {
        this.queues = queues;
        this.access = access;
        this.lookups = lookups;
    }

    /** The valid queues on whose group the agent holds any permission, with the permissions held. */
    @GetMapping("/queues")
    List<Queue> queues(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        return queues.validQueues().stream()
                .map(queue -> new Queue(queue.id(), queue.name(), keys(access.permissionsOn(caller.agentId(), queue.groupId()))))
                .filter(queue -> !queue.permissions().isEmpty()).toList();
    }

    @GetMapping("/states")
    List<ApiLookups.State> states() {
        return lookups.states();
    }

    @GetMapping("/priorities")
    List<ApiLookups.Named> priorities() {
        return lookups.priorities();
    }

    @GetMapping("/types")
    List<ApiLookups.Named> types() {
        return lookups.types();
    }

    /** The token's agent, their groups with the permissions held there, and the token's scope. */
    @GetMapping("/agents/me")
    Me me(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
        ApiLookups.Agent agent = lookups.agent(caller.agentId());
        Map<String, Set<String>> groups = new TreeMap<>();
        access.effectivePermissions(caller.agentId()).forEach((group, permissions) -> groups.put(group, keys(permissions)));
        return new Me(agent.id(), agent.login(), agent.firstName(), agent.lastName(), access.isAdmin(caller.agentId()),
                groups, caller.scope().key());
    }

    /** The valid agents (for owner and responsible; the ticket facade checks their permission on the queue). */
    @GetMapping("/agents")
    List<AgentRef> agents() {
        return access.validAgents();
    }

    private static Set<String> keys(Set<Permission> permissions) {
        return permissions.stream().map(Permission::key).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
