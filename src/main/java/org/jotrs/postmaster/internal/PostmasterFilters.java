package org.jotrs.postmaster.internal;

import static org.jotrs.platform.db.schema.Tables.POSTMASTER_FILTER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * OTRS's PostMaster::PreFilterModule MatchDBSource: the filters of {@code postmaster_filter}, in
 * name order. A filter whose every {@code Match} row finds its regular expression in its header
 * (case-insensitively; {@code f_not} negates) applies its {@code Set} rows to the headers (which
 * are then trusted, as in OTRS); {@code f_stop} ends the filtering. Read per message, so an
 * admin's change holds for the next mail.
 */
@Component
class PostmasterFilters {

    private final DSLContext db;

    PostmasterFilters(DSLContext db) {
        this.db = db;
    }

    private record Row(String name, boolean stop, String type, String key, String value, boolean not) {
    }

    /** Applies the filters; returns the headers they set (lower-case names). */
    Map<String, String> apply(Map<String, String> headers) {
        List<Row> rows = db.select(POSTMASTER_FILTER.F_NAME, POSTMASTER_FILTER.F_STOP, POSTMASTER_FILTER.F_TYPE,
                        POSTMASTER_FILTER.F_KEY, POSTMASTER_FILTER.F_VALUE, POSTMASTER_FILTER.F_NOT)
                .from(POSTMASTER_FILTER).orderBy(POSTMASTER_FILTER.F_NAME)
                .fetch(r -> new Row(r.value1(), r.value2() != null && r.value2() == 1, r.value3(), r.value4(), r.value5(),
                        r.value6() != null && r.value6() == 1));
        Map<String, List<Row>> filters = new LinkedHashMap<>();
        rows.forEach(row -> filters.computeIfAbsent(row.name(), name -> new java.util.ArrayList<>()).add(row));
        Map<String, String> set = new LinkedHashMap<>();
        for (List<Row> filter : filters.values()) {
            boolean matches = filter.stream().anyMatch(row -> "Match".equalsIgnoreCase(row.type()));
            for (Row row : filter) {
                if ("Match".equalsIgnoreCase(row.type())) {
                    String value = headers.getOrDefault(row.key().toLowerCase(Locale.ROOT), "");
                    boolean found = find(row.value(), value);
                    if (found == row.not()) {
                        matches = false;
                        break;
                    }
                }
            }
            if (!matches) {
                continue;
            }
            for (Row row : filter) {
                if ("Set".equalsIgnoreCase(row.type())) {
                    set.put(row.key().toLowerCase(Locale.ROOT), row.value());
                    headers.put(row.key().toLowerCase(Locale.ROOT), row.value());
                }
            }
            if (filter.getFirst().stop()) {
                break;
            }
        }
        return set;
    }

    private static boolean find(String regex, String value) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return value.toLowerCase(Locale.ROOT).contains(regex.toLowerCase(Locale.ROOT));
        }
    }
}
