package org.jotrs.ticket.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jotrs.platform.Messages;
import org.jotrs.ticket.TicketListQuery.View;

/** Builds the list's links: the same filters with another sort, page or queue. */
public final class ListLinks {

    private final View view;
    private final TicketListPages.ListParams params;

    ListLinks(View view, TicketListPages.ListParams params) {
        this.view = view;
        this.params = params;
    }

    public View view() {
        return view;
    }

    public String path() {
        return switch (view) {
            case QUEUE -> "/queues";
            case STATUS -> "/tickets";
            case LOCKED -> "/tickets/locked";
            case RESPONSIBLE -> "/tickets/responsible";
            case WATCHED -> "/tickets/watched";
        };
    }

    public String title() {
        return switch (view) {
            case QUEUE -> Messages.t("ticket.view.queue");
            case STATUS -> Messages.t("ticket.view.status");
            case LOCKED -> Messages.t("ticket.view.locked");
            case RESPONSIBLE -> Messages.t("ticket.view.responsible");
            case WATCHED -> Messages.t("ticket.view.watched");
        };
    }

    /** This page again, as the bulk form's way back. */
    public String self() {
        return url(current());
    }

    /** Sorting by the column; a second click on the current column reverses it. */
    public String sort(String column) {
        Map<String, String> query = current();
        boolean same = column.equalsIgnoreCase(query.getOrDefault("sort", "CREATED"));
        query.put("sort", column);
        query.put("dir", same && !"desc".equals(query.get("dir")) ? "desc" : "asc");
        query.remove("page");
        return url(query);
    }

    public String page(int page) {
        Map<String, String> query = current();
        query.put("page", Integer.toString(page));
        return url(query);
    }

    public String queue(Integer queueId) {
        Map<String, String> query = current();
        query.remove("page");
        if (queueId == null) {
            query.remove("queue");
        } else {
            query.put("queue", queueId.toString());
        }
        return url(query);
    }

    private Map<String, String> current() {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "queue", params.queue());
        put(query, "states", params.states());
        put(query, "state", params.state());
        put(query, "priority", params.priority());
        put(query, "owner", params.owner());
        put(query, "age", params.age());
        put(query, "sort", params.sort());
        put(query, "dir", params.dir());
        put(query, "page", params.page());
        return query;
    }

    private static void put(Map<String, String> query, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            query.put(key, value.toString());
        }
    }

    private String url(Map<String, String> query) {
        if (query.isEmpty()) {
            return path();
        }
        return path() + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
