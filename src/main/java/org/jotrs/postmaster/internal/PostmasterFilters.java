package org.jotrs.postmaster.internal;

import static org.jotrs.platform.db.schema.Tables.POSTMASTER_FILTER;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.postmaster.PostmasterFilter;
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

    /** The filters in name order; only the one named {@code name} when it is not null. */
    static List<PostmasterFilter> read(DSLContext db, String name) {
        var query = db.select(POSTMASTER_FILTER.F_NAME, POSTMASTER_FILTER.F_STOP, POSTMASTER_FILTER.F_TYPE,
                        POSTMASTER_FILTER.F_KEY, POSTMASTER_FILTER.F_VALUE, POSTMASTER_FILTER.F_NOT)
                .from(POSTMASTER_FILTER)
                .where(name == null ? DSL.noCondition() : POSTMASTER_FILTER.F_NAME.eq(name))
                .orderBy(POSTMASTER_FILTER.F_NAME);
        Map<String, Boolean> stops = new LinkedHashMap<>();
        Map<String, List<PostmasterFilter.Match>> matches = new LinkedHashMap<>();
        Map<String, List<PostmasterFilter.SetHeader>> sets = new LinkedHashMap<>();
        for (var r : query.fetch()) {
            String filter = r.value1();
            stops.merge(filter, r.value2() != null && r.value2() == 1, Boolean::logicalOr);
            matches.computeIfAbsent(filter, f -> new ArrayList<>());
            sets.computeIfAbsent(filter, f -> new ArrayList<>());
            if ("Match".equalsIgnoreCase(r.value3())) {
                matches.get(filter).add(new PostmasterFilter.Match(r.value4(), r.value5(), r.value6() != null && r.value6() == 1));
            } else if ("Set".equalsIgnoreCase(r.value3())) {
                sets.get(filter).add(new PostmasterFilter.SetHeader(r.value4(), r.value5()));
            }
        }
        List<PostmasterFilter> filters = new ArrayList<>();
        stops.forEach((filter, stop) -> filters.add(new PostmasterFilter(filter, stop, matches.get(filter), sets.get(filter))));
        return filters;
    }

    /** Applies the filters; returns the headers they set (lower-case names). */
    Map<String, String> apply(Map<String, String> headers) {
        Map<String, String> set = new LinkedHashMap<>();
        for (PostmasterFilter filter : read(db, null)) {
            if (filter.matches().isEmpty() || !filter.matches().stream().allMatch(match -> matches(match, headers))) {
                continue;
            }
            for (PostmasterFilter.SetHeader header : filter.sets()) {
                set.put(header.header().toLowerCase(Locale.ROOT), header.value());
                headers.put(header.header().toLowerCase(Locale.ROOT), header.value());
            }
            if (filter.stop()) {
                break;
            }
        }
        return set;
    }

    private static boolean matches(PostmasterFilter.Match match, Map<String, String> headers) {
        String value = headers.getOrDefault(match.header().toLowerCase(Locale.ROOT), "");
        return find(match.regex(), value) != match.negated();
    }

    private static boolean find(String regex, String value) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return value.toLowerCase(Locale.ROOT).contains(regex.toLowerCase(Locale.ROOT));
        }
    }
}
