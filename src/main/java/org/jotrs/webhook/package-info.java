/**
 * Webhooks: administrators register URLs for change-feed events; one node of the cluster signs
 * (HMAC-SHA256) and delivers them at least once, with retries, a delivery log and automatic
 * switching off after repeated failures. Owns the {@code jotrs_webhook} tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package org.jotrs.webhook;
