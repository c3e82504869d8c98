package org.jotrs.queue;

import java.util.List;
import java.util.Set;

import org.jotrs.queue.QueueAdministration.Row;

/**
 * Administration of templates (canned answers, OTRS {@code standard_template}) and of the queues
 * each is offered in ({@code queue_standard_template}), from either side.
 *
 * <p>Every method starts with the administrator check; every change validates all fields first,
 * then writes its rows and its audit log entry in one transaction. Refusals:
 * {@link org.jotrs.access.PermissionDenied} for non-administrators,
 * {@link org.jotrs.platform.InvalidInput} for bad fields (nothing written),
 * {@link org.jotrs.platform.NoSuchEntry} for unknown ids.
 */
public interface TemplateAdministration {

    /** OTRS's template types ({@code StandardTemplate::Types}). */
    List<String> TEMPLATE_TYPES = List.of("Answer", "Create", "Email", "Forward", "Note", "PhoneCall", "ProcessDialog");

    /** All templates by name, with type and comment. */
    List<Row> templates(int actorId);

    TemplateSettings template(int actorId, int templateId);

    /** @return the new template's id */
    int createTemplate(int actorId, TemplateSettings settings);

    void updateTemplate(int actorId, int templateId, TemplateSettings settings);

    /** Ids of the queues the template is offered in. */
    Set<Integer> queuesOfTemplate(int actorId, int templateId);

    /** Offers the template in exactly these queues. */
    void setQueuesOfTemplate(int actorId, int templateId, Set<Integer> queueIds);

    /** Ids of the templates offered in the queue. */
    Set<Integer> templatesOfQueue(int actorId, int queueId);

    /** Offers exactly these templates in the queue. */
    void setTemplatesOfQueue(int actorId, int queueId, Set<Integer> templateIds);
}
