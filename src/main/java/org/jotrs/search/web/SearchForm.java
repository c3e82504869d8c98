package org.jotrs.search.web;

import static org.jotrs.platform.Messages.t;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jotrs.search.InvalidSearch;
import org.jotrs.search.SearchRequest;
import org.jotrs.search.SearchRequest.TimeRange;
import org.jotrs.search.SearchSort;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search page's parameters, the one form of a search that is linked, saved and exported: the
 * same query string is a bookmark, a saved search and a CSV export.
 */
public record SearchForm(MultiValueMap<String, String> params) {

    static final int PAGE_SIZE = 25;
    /** The parameters that make up a search (the page number is not part of a saved search). */
    static final List<String> NAMES = List.of("q", "queue", "statetype", "state", "priority", "type", "owner",
            "responsible", "customer", "company", "created_from", "created_to", "changed_from", "changed_to",
            "pending_from", "pending_to", "locked", "sort", "dir");

    static SearchForm of(MultiValueMap<String, String> all) {
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
        for (String name : NAMES) {
            List<String> values = all.get(name);
            if (values != null) {
                for (String value : values) {
                    if (value != null && !value.isBlank()) {
                        kept.add(name, value.strip());
                    }
                }
            }
        }
        return new SearchForm(kept);
    }

    static SearchForm parse(String queryString) {
        return of(UriComponentsBuilder.newInstance().query(queryString == null ? "" : queryString).build()
                .getQueryParams().entrySet().stream()
                .collect(LinkedMultiValueMap::new, (map, e) -> e.getValue().forEach(v -> map.add(e.getKey(),
                        java.net.URLDecoder.decode(v == null ? "" : v, StandardCharsets.UTF_8))), Map::putAll));
    }

    public String query() {
        return first("q");
    }

    public String first(String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    public List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    public boolean has(String name, Object value) {
        return all(name).contains(String.valueOf(value));
    }

    public boolean isEmpty() {
        return params.isEmpty();
    }

    /** The search as a query string, without the page. */
    public String queryString() {
        List<String> parts = new ArrayList<>();
        params.forEach((name, values) -> values.forEach(value -> parts.add(name + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return String.join("&", parts);
    }

    /** The same search with another sort (toggling the direction when it is the current one). */
    public String sortedBy(SearchSort sort) {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(params);
        boolean same = first("sort").equalsIgnoreCase(sort.name());
        copy.set("sort", sort.name().toLowerCase(Locale.ROOT));
        copy.set("dir", same && !first("dir").equals("desc") ? "desc" : "asc");
        return new SearchForm(copy).queryString();
    }

    SearchRequest toRequest(int page) {
        SearchSort sort = SearchSort.RELEVANCE;
        if (!first("sort").isEmpty()) {
            try {
                sort = SearchSort.valueOf(first("sort").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidSearch(t("search.error.unknown-sort", first("sort")));
            }
        }
        Boolean locked = switch (first("locked")) {
            case "yes" -> true;
            case "no" -> false;
            default -> null;
        };
        return new SearchRequest(query(), false, ints("queue"), ints("state"), Set.copyOf(all("statetype")),
                ints("priority"), ints("type"), ints("owner"), ints("responsible"), first("customer"),
                first("company"), range("created"), range("changed"), range("pending"), null, locked, sort,
                first("dir").equals("desc"), page, PAGE_SIZE);
    }

    private Set<Integer> ints(String name) {
        Set<Integer> values = new LinkedHashSet<>();
        for (String value : all(name)) {
            try {
                values.add(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new InvalidSearch("\"" + value + "\" is not a valid " + name + ".");
            }
        }
        return values;
    }

    private TimeRange range(String name) {
        return TimeRange.of(date(name + "_from", LocalTime.MIN), date(name + "_to", LocalTime.MAX.withNano(0)));
    }

    private LocalDateTime date(String name, LocalTime time) {
        String value = first(name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value).atTime(time);
        } catch (DateTimeParseException e) {
            throw new InvalidSearch(t("validation.not-a-date", value));
        }
    }
}
