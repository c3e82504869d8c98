package org.jotrs.ticket.web;

import java.util.List;
import java.util.stream.Collectors;

import org.jotrs.ticket.TicketCounts;
import org.jotrs.ticket.TicketList;

/** What the dashboard template needs beyond the facade's records: short lists and chart data. */
public final class DashboardData {

    /** Rows per ticket widget. */
    private static final int ROWS = 8;

    private DashboardData() {
    }

    /** The first rows of a widget's list. */
    public static List<TicketList.Row> first(TicketList list) {
        return list.rows().size() <= ROWS ? list.rows() : list.rows().subList(0, ROWS);
    }

    /** The names of the counts as a JSON array for the chart script (the template escapes it as an attribute). */
    public static String labels(List<TicketCounts.Named> counts) {
        return counts.stream().map(count -> json(count.name())).collect(Collectors.joining(",", "[", "]"));
    }

    public static String values(List<TicketCounts.Named> counts) {
        return counts.stream().map(count -> Integer.toString(count.tickets())).collect(Collectors.joining(",", "[", "]"));
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
