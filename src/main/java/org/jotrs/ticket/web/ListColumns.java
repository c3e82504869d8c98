package org.jotrs.ticket.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns an agent shows in the ticket lists, in their order, kept as the preference
 * {@code JotrsTicketListColumns} ("NUMBER,AGE,TITLE,..."). A stored name that is no column (an
 * older version's, or edited by hand) is skipped; nothing left means the default columns.
 */
public final class ListColumns {

    static final String PREFERENCE = "JotrsTicketListColumns";

    /** Every column a list can show; {@code sort} is the list's sort key for it. */
    public enum Column {
        NUMBER("NUMBER"), AGE("CREATED"), TITLE("TITLE"), QUEUE("QUEUE"), STATE("STATE"), PRIORITY("PRIORITY"),
        CUSTOMER("CUSTOMER"), OWNER("OWNER"), CREATED("CREATED"), CHANGED("CHANGED");

        private final String sort;

        Column(String sort) {
            this.sort = sort;
        }

        public String sort() {
            return sort;
        }

        /** The bundle key of the column's heading. */
        public String key() {
            return "ticket.column." + name().toLowerCase(Locale.ROOT);
        }
    }

    static final List<Column> DEFAULT = List.of(Column.NUMBER, Column.AGE, Column.TITLE, Column.STATE, Column.PRIORITY,
            Column.QUEUE, Column.OWNER, Column.CUSTOMER, Column.CREATED, Column.CHANGED);

    private ListColumns() {
    }

    /** The stored choice, unknown names skipped; the default when nothing usable is stored. */
    static List<Column> parse(Optional<String> stored) {
        List<Column> columns = new ArrayList<>();
        for (String name : stored.orElse("").split(",")) {
            Optional<Column> column = column(name);
            if (column.isPresent() && !columns.contains(column.get())) {
                columns.add(column.get());
            }
        }
        return columns.isEmpty() ? DEFAULT : List.copyOf(columns);
    }

    static Optional<Column> column(String name) {
        String clean = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(Column.values()).filter(c -> c.name().equals(clean)).findFirst();
    }

    /**
     * The chosen columns ordered by the positions given for them (columns without a position keep
     * their place after those with one).
     *
     * @throws IllegalArgumentException naming the first column that does not exist
     */
    static List<Column> chosen(List<String> names, Map<String, String> positions) {
        Map<Column, Integer> order = new LinkedHashMap<>();
        int fallback = 1000;
        for (String name : names) {
            Column column = column(name).orElseThrow(() -> new IllegalArgumentException(name));
            String position = positions.get("position_" + column.name());
            int rank;
            try {
                rank = position == null || position.isBlank() ? fallback++ : Integer.parseInt(position.strip());
            } catch (NumberFormatException e) {
                rank = fallback++;
            }
            order.putIfAbsent(column, rank);
        }
        return order.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey).toList();
    }

    static String stored(List<Column> columns) {
        return String.join(",", columns.stream().map(Column::name).toList());
    }
}
