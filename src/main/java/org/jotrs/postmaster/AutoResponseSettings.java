package org.jotrs.postmaster;

import java.util.Set;

/**
 * An auto response as an administrator edits it (OTRS {@code auto_response}) with the queues that
 * use it ({@code queue_auto_response}). A queue uses at most one auto response per type: choosing
 * a queue here replaces the queue's other one of the same type, as OTRS's "Queues ↔ Auto
 * Responses" screen does.
 *
 * @param type OTRS's type name: auto reply, auto reject, auto follow up, auto reply/new ticket or auto remove
 * @param subject OTRS {@code text0}; placeholders allowed
 * @param body OTRS {@code text1}; placeholders allowed
 */
public record AutoResponseSettings(String name, String type, int systemAddressId, String subject, String body,
        String comment, int validId, Set<Integer> queueIds) {

    public AutoResponseSettings {
        queueIds = queueIds == null ? Set.of() : Set.copyOf(queueIds);
    }
}
