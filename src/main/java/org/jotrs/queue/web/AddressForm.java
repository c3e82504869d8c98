package org.jotrs.queue.web;

import org.jotrs.queue.SystemAddressSettings;

/** The system address form as posted. */
public record AddressForm(String address, String displayName, Integer queueId, String comment, Integer validId) {

    static AddressForm empty() {
        return new AddressForm("", "", null, "", 1);
    }

    static AddressForm of(SystemAddressSettings s) {
        return new AddressForm(s.address(), s.displayName(), s.queueId(), QueueForm.text(s.comment()), s.validId());
    }

    SystemAddressSettings settings() {
        return new SystemAddressSettings(address, displayName, QueueForm.zero(queueId), comment, QueueForm.zero(validId));
    }
}
