package org.jotrs.postmaster.web;

import java.util.ArrayList;
import java.util.List;

import org.jotrs.postmaster.PostmasterFilter;
import org.springframework.util.MultiValueMap;

/**
 * The postmaster filter form: a name, the stop flag, and numbered rows of matches
 * ({@code matchHeaderN}, {@code matchValueN}, {@code matchNotN}) and of headers to set
 * ({@code setHeaderN}, {@code setValueN}); empty rows are ignored.
 */
public record FilterForm(String previousName, String name, boolean stop, List<PostmasterFilter.Match> matches,
        List<PostmasterFilter.SetHeader> sets) {

    /** Rows the form offers beyond the filled ones. */
    private static final int SPARE_ROWS = 2;
    private static final int MAX_ROWS = 50;

    static FilterForm empty() {
        return new FilterForm(null, "", false, padded(List.of(), FilterForm::emptyMatch), padded(List.of(), FilterForm::emptySet));
    }

    static FilterForm of(PostmasterFilter filter) {
        return new FilterForm(filter.name(), filter.name(), filter.stop(), padded(filter.matches(), FilterForm::emptyMatch),
                padded(filter.sets(), FilterForm::emptySet));
    }

    static FilterForm read(MultiValueMap<String, String> form) {
        List<PostmasterFilter.Match> matches = new ArrayList<>();
        List<PostmasterFilter.SetHeader> sets = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS; i++) {
            if (form.containsKey("matchHeader" + i) || form.containsKey("matchValue" + i)) {
                matches.add(new PostmasterFilter.Match(nonNull(form.getFirst("matchHeader" + i)),
                        nonNull(form.getFirst("matchValue" + i)), form.containsKey("matchNot" + i)));
            }
            if (form.containsKey("setHeader" + i) || form.containsKey("setValue" + i)) {
                sets.add(new PostmasterFilter.SetHeader(nonNull(form.getFirst("setHeader" + i)), nonNull(form.getFirst("setValue" + i))));
            }
        }
        String previous = form.getFirst("previousName");
        return new FilterForm(previous == null || previous.isEmpty() ? null : previous, nonNull(form.getFirst("name")),
                form.containsKey("stop"), matches, sets);
    }

    PostmasterFilter filter() {
        return new PostmasterFilter(name, stop, matches, sets);
    }

    /** The same form with spare empty rows, to show again after an error. */
    FilterForm withSpareRows() {
        return new FilterForm(previousName, name, stop, padded(matches, FilterForm::emptyMatch), padded(sets, FilterForm::emptySet));
    }

    private static <T> List<T> padded(List<T> rows, java.util.function.Supplier<T> empty) {
        List<T> all = new ArrayList<>(rows);
        int wanted = Math.min(MAX_ROWS, Math.max(rows.size() + SPARE_ROWS, 3));
        while (all.size() < wanted) {
            all.add(empty.get());
        }
        return all;
    }

    private static PostmasterFilter.Match emptyMatch() {
        return new PostmasterFilter.Match("", "", false);
    }

    private static PostmasterFilter.SetHeader emptySet() {
        return new PostmasterFilter.SetHeader("", "");
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
