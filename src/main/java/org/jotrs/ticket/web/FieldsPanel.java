package org.jotrs.ticket.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jotrs.access.AgentRef;
import org.jotrs.queue.Queue;
import org.jotrs.ticket.TicketDetails;
import org.jotrs.ticket.ZoomOptions;
import org.jotrs.web.Dates;

/**
 * The zoom's field panel as the template fills it: per field the value the ticket has now (sent
 * back as {@code seen.<field>}) and the value the control shows (the same, or what the agent had
 * entered when a save was refused), and the choices of each list, always including the current
 * value, so that an untouched list never changes a field by itself.
 */
public record FieldsPanel(Map<String, String> seen, Map<String, String> shown, List<Choice> states,
        List<Choice> priorities, List<Choice> types, List<Choice> queues, List<Choice> owners,
        List<Choice> responsibles) {

    /** One entry of a list: the value posted and the text shown. */
    public record Choice(String value, String label) {
    }

    public String seen(String field) {
        return seen.getOrDefault(field, "");
    }

    public String shown(String field) {
        return shown.getOrDefault(field, seen(field));
    }

    /** Whether the control shows something else than the ticket has (after a refused save). */
    public boolean edited(String field) {
        return shown.containsKey(field);
    }

    static FieldsPanel of(TicketDetails ticket, ZoomOptions options, Map<String, String> entered) {
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("title", ticket.title() == null ? "" : ticket.title());
        seen.put("type", ticket.type() == null ? "" : ticket.type());
        seen.put("customerUser", ticket.customerUser() == null ? "" : ticket.customerUser());
        seen.put("customerId", ticket.customerId() == null ? "" : ticket.customerId());
        seen.put("priority", ticket.priority());
        seen.put("state", ticket.state());
        seen.put("pendingUntil", Dates.inputValue(ticket.pendingUntil()));
        seen.put("queueId", String.valueOf(ticket.queueId()));
        seen.put("ownerId", String.valueOf(ticket.ownerId()));
        seen.put("responsibleId", String.valueOf(ticket.responsibleId()));
        List<Choice> queues = new ArrayList<>(options.moveTargets().stream()
                .map((Queue queue) -> new Choice(String.valueOf(queue.id()), queue.name())).toList());
        List<Choice> owners = new ArrayList<>(options.owners().stream()
                .map((AgentRef agent) -> new Choice(String.valueOf(agent.id()), agent.label())).toList());
        withCurrent(queues, seen.get("queueId"), ticket.queue());
        withCurrent(owners, seen.get("ownerId"), ticket.owner());
        List<Choice> responsibles = new ArrayList<>(owners);
        withCurrent(responsibles, seen.get("responsibleId"), ticket.responsible());
        return new FieldsPanel(seen, Map.copyOf(entered), named(options.states(), ticket.state()),
                named(options.priorities(), ticket.priority()), named(options.types(), ticket.type()), queues,
                owners, responsibles);
    }

    private static List<Choice> named(List<String> names, String current) {
        List<Choice> choices = new ArrayList<>(names.stream().map(name -> new Choice(name, name)).toList());
        if (current != null) {
            withCurrent(choices, current, current);
        }
        return choices;
    }

    private static void withCurrent(List<Choice> choices, String value, String label) {
        if (choices.stream().noneMatch(choice -> choice.value().equals(value))) {
            choices.addFirst(new Choice(value, label == null ? value : label));
        }
    }
}
