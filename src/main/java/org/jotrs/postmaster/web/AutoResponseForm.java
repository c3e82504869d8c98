package org.jotrs.postmaster.web;

import java.util.HashSet;
import java.util.List;

import org.jotrs.postmaster.AutoResponseSettings;

/** The auto response form as posted. */
public record AutoResponseForm(String name, String type, Integer systemAddressId, String subject, String body,
        String comment, Integer validId, List<Integer> queueIds) {

    static AutoResponseForm empty() {
        return new AutoResponseForm("", "auto reply", null, "RE: <OTRS_CUSTOMER_SUBJECT[24]>", "", "", 1,
                List.of());
    }

    static AutoResponseForm of(AutoResponseSettings s) {
        return new AutoResponseForm(s.name(), s.type(), s.systemAddressId(), s.subject(), s.body(),
                s.comment() == null ? "" : s.comment(), s.validId(), List.copyOf(s.queueIds()));
    }

    AutoResponseSettings settings() {
        return new AutoResponseSettings(name, type, systemAddressId == null ? 0 : systemAddressId, subject, body, comment,
                validId == null ? 0 : validId, queueIds == null ? java.util.Set.of() : new HashSet<>(queueIds));
    }

    public boolean hasQueue(int queueId) {
        return queueIds != null && queueIds.contains(queueId);
    }
}
