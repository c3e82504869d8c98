-- The observer's event log readers share one gap table (issue 18): the signal engine, now split
-- into partitions (by a hash of site and session, so each session's events stay in order), and the
-- copy to ClickHouse each read events in id order from their own position in
-- jotrs_observer_engine; an id below a reader's position that was not visible when it passed it
-- (a transaction that committed late) is kept here, per reader, until it appears or is given up.
CREATE TABLE jotrs_observer_reader_gap (
    reader VARCHAR(50) NOT NULL,
    event_id BIGINT NOT NULL,
    missed_at BIGINT NOT NULL,
    PRIMARY KEY (reader, event_id)
);
INSERT INTO jotrs_observer_reader_gap (reader, event_id, missed_at)
    SELECT 'signals', event_id, missed_at FROM jotrs_observer_engine_gap;
INSERT INTO jotrs_observer_reader_gap (reader, event_id, missed_at)
    SELECT 'clickhouse', event_id, missed_at FROM jotrs_observer_forward_gap;
DROP TABLE jotrs_observer_engine_gap;
DROP TABLE jotrs_observer_forward_gap;

-- A waiting click's partition bucket (a hash of site and session; -1 until the engine computes it
-- for rows written before this version) and when its windows close (0: look at it now).
ALTER TABLE jotrs_observer_pending ADD COLUMN bucket INTEGER DEFAULT -1 NOT NULL;
ALTER TABLE jotrs_observer_pending ADD COLUMN due_at BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX jotrs_observer_pending_due ON jotrs_observer_pending (due_at);
