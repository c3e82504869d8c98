package org.jotrs.queue.web;

import org.jotrs.queue.QueueSettings;

/** The queue form as posted; minutes arrive as text so that a typo gets a message instead of a 400. */
public record QueueForm(String name, Integer groupId, Integer systemAddressId, Integer salutationId, Integer signatureId,
        Integer followUpId, Boolean followUpLock, String unlockTimeout, String firstResponseTime, String updateTime,
        String solutionTime, String firstResponseNotify, String updateNotify, String solutionNotify, String calendarName,
        String comment, Integer validId) {

    static QueueForm empty() {
        return new QueueForm("", null, 1, 1, 1, 1, false, "0", "0", "0", "0", "0", "0", "0", "", "", 1);
    }

    static QueueForm of(QueueSettings s) {
        return new QueueForm(s.name(), s.groupId(), s.systemAddressId(), s.salutationId(), s.signatureId(),
                s.followUpId(), s.followUpLock(), String.valueOf(s.unlockTimeout()), String.valueOf(s.firstResponseTime()),
                String.valueOf(s.updateTime()), String.valueOf(s.solutionTime()), String.valueOf(s.firstResponseNotify()),
                String.valueOf(s.updateNotify()), String.valueOf(s.solutionNotify()), text(s.calendarName()),
                text(s.comment()), s.validId());
    }

    QueueSettings settings() {
        return new QueueSettings(name, zero(groupId), zero(systemAddressId), zero(salutationId), zero(signatureId),
                zero(followUpId), Boolean.TRUE.equals(followUpLock), minutes(unlockTimeout), minutes(firstResponseTime),
                minutes(updateTime), minutes(solutionTime), minutes(firstResponseNotify), minutes(updateNotify),
                minutes(solutionNotify), calendarName, comment, zero(validId));
    }

    /** Blank means none (0); anything else must be a whole number, or the service reports it (null). */
    private static Integer minutes(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static int zero(Integer value) {
        return value == null ? 0 : value;
    }

    static String text(String value) {
        return value == null ? "" : value;
    }
}
