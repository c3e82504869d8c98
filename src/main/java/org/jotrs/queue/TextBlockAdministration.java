package org.jotrs.queue;

import java.util.List;

import org.jotrs.queue.QueueAdministration.Row;

/**
 * Administration of salutations and signatures (OTRS {@code salutation}, {@code signature}: two
 * tables of the same shape), stored as plain text.
 *
 * <p>Every method starts with the administrator check; every change validates all fields first,
 * then writes its rows and its audit log entry in one transaction. Refusals:
 * {@link org.jotrs.access.PermissionDenied} for non-administrators,
 * {@link org.jotrs.platform.InvalidInput} for bad fields (nothing written),
 * {@link org.jotrs.platform.NoSuchEntry} for unknown ids.
 */
public interface TextBlockAdministration {

    /** All salutations or signatures by name, with comment. */
    List<Row> textBlocks(int actorId, TextBlockKind kind);

    TextBlock textBlock(int actorId, TextBlockKind kind, int id);

    /** @return the new block's id */
    int createTextBlock(int actorId, TextBlockKind kind, TextBlock block);

    void updateTextBlock(int actorId, TextBlockKind kind, int id, TextBlock block);
}
