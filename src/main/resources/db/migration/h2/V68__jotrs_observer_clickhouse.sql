-- The observer's second event store (issue 18, item 3). When jotrs.observer.clickhouse.url is
-- set, the cluster job observer.clickhouse copies committed events to ClickHouse from its own
-- position in jotrs_observer_engine (name 'clickhouse'); this table holds the event ids below that
-- position that were not visible when it passed them (a transaction that committed late), as
-- jotrs_observer_engine_gap does for the signal engine.
CREATE TABLE jotrs_observer_forward_gap (
    event_id BIGINT NOT NULL,
    missed_at BIGINT NOT NULL,
    PRIMARY KEY (event_id)
);
