-- Who has a ticket open right now, across all nodes: one row per open ticket zoom (a viewer, that
-- is one browser page with its live stream). The stream's heartbeat refreshes last_seen; the row
-- is deleted when the stream ends, and a row without a heartbeat for ~30 s no longer counts
-- (the node that held the stream may have died).
CREATE TABLE jotrs_live_viewer (
    viewer_id VARCHAR(36) NOT NULL,
    ticket_id BIGINT NOT NULL,
    user_id INTEGER NOT NULL,
    last_seen DATETIME NOT NULL,
    PRIMARY KEY (viewer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX jotrs_live_viewer_ticket ON jotrs_live_viewer (ticket_id);
