package org.jotrs.postmaster;

import java.util.List;

/**
 * A postmaster filter (OTRS {@code postmaster_filter}, PreFilterModule MatchDBSource): when every
 * match finds its regular expression in its header (or, negated, does not), the filter sets its
 * {@code X-OTRS-*} headers on the mail, which the pipeline then honours; {@code stop} ends the
 * filtering after this filter. Filters run in name order.
 */
public record PostmasterFilter(String name, boolean stop, List<Match> matches, List<SetHeader> sets) {

    public PostmasterFilter {
        matches = List.copyOf(matches);
        sets = List.copyOf(sets);
    }

    /** A header (as {@code From}, {@code Subject}) and a regular expression looked for in it, case-insensitively. */
    public record Match(String header, String regex, boolean negated) {
    }

    /** A header to set, usually an {@code X-OTRS-*} one (queue, priority, ignore, ...). */
    public record SetHeader(String header, String value) {
    }
}
