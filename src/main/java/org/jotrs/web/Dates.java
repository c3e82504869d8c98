package org.jotrs.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How pages show times: OTRS's compact "2026-11-23 14:05". */
public final class Dates {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Dates() {
    }

    public static String format(LocalDateTime time) {
        return time == null ? "" : MINUTES.format(time);
    }
}
