package org.jotrs.observer.internal;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jotrs.observer.clickhouse.*}: the optional second event store. With {@code url} empty (the
 * default) events live in the main database only; with it set, the cluster job
 * {@code observer.clickhouse} copies every stored event to the table, over ClickHouse's HTTP
 * interface.
 *
 * @param url ClickHouse's HTTP interface, such as {@code http://127.0.0.1:8123}; empty: off
 * @param user the ClickHouse user (HTTP Basic authentication)
 * @param password that user's password
 * @param database the database holding the table (it must exist)
 * @param table the table, created on first use (a ReplacingMergeTree keyed by the event's uuid)
 * @param interval pause between two runs of the job when it found nothing to copy or failed
 * @param batch events copied per insert at most
 * @param timeout the longest one call to ClickHouse may take
 * @param maxBackoff the longest pause after repeated failures (doubling from {@code interval})
 */
@ConfigurationProperties("jotrs.observer.clickhouse")
record ClickHouseProperties(
        @DefaultValue("") String url,
        @DefaultValue("default") String user,
        @DefaultValue("") String password,
        @DefaultValue("default") String database,
        @DefaultValue("jotrs_observer_event") String table,
        @DefaultValue("1s") Duration interval,
        @DefaultValue("2000") int batch,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("1m") Duration maxBackoff) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    ClickHouseProperties {
        if (url != null && !url.isBlank()) {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("jotrs.observer.clickhouse.url must be an http:// or https:// address "
                        + "(ClickHouse's HTTP interface, port 8123 by default), not: " + url);
            }
            if (!IDENTIFIER.matcher(database).matches() || !IDENTIFIER.matcher(table).matches()) {
                throw new IllegalArgumentException("jotrs.observer.clickhouse.database and .table must be plain names "
                        + "(letters, digits, underscores), not: " + database + "." + table);
            }
            if (batch < 1) {
                throw new IllegalArgumentException("jotrs.observer.clickhouse.batch must be at least 1");
            }
        }
    }

    boolean enabled() {
        return url != null && !url.isBlank();
    }
}
