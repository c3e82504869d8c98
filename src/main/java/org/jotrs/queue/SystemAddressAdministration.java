package org.jotrs.queue;

import java.util.List;

import org.jotrs.queue.QueueAdministration.Row;

/**
 * Administration of the addresses mail is received at and sent from (OTRS {@code system_address}),
 * each with the queue new mail to it goes to.
 *
 * <p>Every method starts with the administrator check; every change validates all fields first,
 * then writes its rows and its audit log entry in one transaction. Refusals:
 * {@link org.jotrs.access.PermissionDenied} for non-administrators,
 * {@link org.jotrs.platform.InvalidInput} for bad fields (nothing written),
 * {@link org.jotrs.platform.NoSuchEntry} for unknown ids.
 */
public interface SystemAddressAdministration {

    /** All system addresses by address, with display name and queue. */
    List<Row> systemAddresses(int actorId);

    SystemAddressSettings systemAddress(int actorId, int systemAddressId);

    /** @return the new address's id */
    int createSystemAddress(int actorId, SystemAddressSettings settings);

    void updateSystemAddress(int actorId, int systemAddressId, SystemAddressSettings settings);
}
