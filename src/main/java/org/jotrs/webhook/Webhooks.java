package org.jotrs.webhook;

import java.util.List;

import org.jotrs.platform.Page;

/**
 * Administration of webhooks and their delivery log. Every method is for administrators only
 * ({@code rw} on the group admin), and every change is audited ({@code webhook}).
 */
public interface Webhooks {

    /** All webhooks, by name. */
    List<Webhook> list(int actorId);

    /** One webhook. @throws org.jotrs.platform.NoSuchEntry when it does not exist */
    Webhook get(int actorId, int webhookId);

    /**
     * Registers a webhook; it receives the changes made from now on (not older ones).
     *
     * @return the new webhook's id and, when the settings named no secret, the generated one (shown once)
     * @throws org.jotrs.platform.InvalidInput for a URL that is not http(s), no events, ... (nothing is written)
     */
    Created create(int actorId, WebhookSettings settings);

    /**
     * Changes a webhook; a blank secret keeps the current one. Switching a webhook on again resets
     * its count of consecutive failures, and its waiting deliveries go out.
     */
    void update(int actorId, int webhookId, WebhookSettings settings);

    /** Deletes a webhook with its delivery log. */
    void delete(int actorId, int webhookId);

    /** A page of the webhook's deliveries, newest first. */
    Page<WebhookDelivery> deliveries(int actorId, int webhookId, int page);

    /**
     * Sends a delivery again (as it was: the same event id and payload), at once and with a fresh
     * count of attempts; the webhook must be switched on for it to go out.
     */
    void redeliver(int actorId, long deliveryId);

    /** The result of {@link #create}. */
    record Created(int id, String generatedSecret) {
    }
}
