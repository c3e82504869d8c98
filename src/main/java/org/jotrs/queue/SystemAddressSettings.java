package org.jotrs.queue;

/**
 * A mail address the help desk sends from and receives at ({@code system_address}: {@code value0}
 * the address, {@code value1} the display name, {@code queue_id} where new mail to it goes).
 */
public record SystemAddressSettings(String address, String displayName, int queueId, String comment, int validId) {
}
