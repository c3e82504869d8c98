package org.jotrs.queue;

import java.util.List;
import java.util.Set;

/**
 * Administration of queues, system addresses, salutations, signatures and templates (OTRS
 * {@code queue}, {@code system_address}, {@code salutation}, {@code signature},
 * {@code standard_template}, {@code queue_standard_template}). Every method starts with the
 * administrator check; every change validates all fields first, then writes its rows and its
 * audit log entry in one transaction. Nothing is cached: a change shows on the next request.
 *
 * <p>Refusals: {@link org.jotrs.access.PermissionDenied} for non-administrators,
 * {@link org.jotrs.platform.InvalidInput} for bad fields (nothing written),
 * {@link org.jotrs.platform.NoSuchEntry} for unknown ids.
 */
public interface QueueAdministration {

    /** OTRS's template types ({@code StandardTemplate::Types}). */
    List<String> TEMPLATE_TYPES = List.of("Answer", "Create", "Email", "Forward", "Note", "PhoneCall", "ProcessDialog");

    /** What OTRS stores as the content type of plain-text salutations, signatures and templates. */
    String PLAIN_TEXT = "text/plain; charset=utf-8";

    /** A row of a list screen: the entry's id and name, the other columns as text, and its validity. */
    record Row(int id, String name, List<String> cells, int validId) {
    }

    /** An option of a select field. */
    record Choice(int id, String name) {
    }

    /** The options of the queue form. */
    record QueueChoices(List<Choice> groups, List<Choice> systemAddresses, List<Choice> salutations,
            List<Choice> signatures, List<Choice> followUpOptions) {
    }

    // queues

    /** All queues by name, with group and comment. */
    List<Row> queues(int actorId);

    QueueSettings queue(int actorId, int queueId);

    QueueChoices queueChoices(int actorId);

    /**
     * Creates a queue. A sub-queue is named {@code Parent::Child}, as in OTRS, and its parent must exist.
     *
     * @return the new queue's id
     */
    int createQueue(int actorId, QueueSettings settings);

    /** Changes a queue; renaming it renames its sub-queues too, as OTRS's QueueUpdate does. */
    void updateQueue(int actorId, int queueId, QueueSettings settings);

    // system addresses

    List<Row> systemAddresses(int actorId);

    SystemAddressSettings systemAddress(int actorId, int systemAddressId);

    int createSystemAddress(int actorId, SystemAddressSettings settings);

    void updateSystemAddress(int actorId, int systemAddressId, SystemAddressSettings settings);

    // salutations and signatures

    List<Row> textBlocks(int actorId, TextBlockKind kind);

    TextBlock textBlock(int actorId, TextBlockKind kind, int id);

    int createTextBlock(int actorId, TextBlockKind kind, TextBlock block);

    void updateTextBlock(int actorId, TextBlockKind kind, int id, TextBlock block);

    // templates

    List<Row> templates(int actorId);

    TemplateSettings template(int actorId, int templateId);

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
