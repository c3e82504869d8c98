-- The observer (issue 18): sites that embed the browser SDK, their write-only keys, the events
-- the SDK sends, and what the signal engine makes of them. Times of events are epoch
-- milliseconds (the SDK's clock, corrected by the batch's clock offset), so nothing depends on a
-- database time zone.

-- One observed web application.
CREATE TABLE jotrs_observer_site (
    id BIGINT NOT NULL AUTO_INCREMENT,
    name VARCHAR(200) NOT NULL,
    -- Origins allowed to send events, one per line (scheme://host[:port]).
    allowed_origins VARCHAR(2000) NOT NULL,
    -- Where its tickets go (queue.id).
    queue_id INTEGER NOT NULL,
    -- Occurrences of an incident before it opens a ticket; 0 never opens one.
    ticket_threshold INTEGER NOT NULL,
    -- Recurrences add a note to the incident's ticket at most once per this many seconds.
    note_interval_s INTEGER NOT NULL,
    rage_clicks INTEGER NOT NULL,
    rage_interval_ms INTEGER NOT NULL,
    rage_radius_px INTEGER NOT NULL,
    dead_click_ms INTEGER NOT NULL,
    error_click_ms INTEGER NOT NULL,
    error_loop_count INTEGER NOT NULL,
    -- CSS selectors whose clicks never count, one per line.
    ignore_selectors VARCHAR(2000) NOT NULL,
    retention_days INTEGER NOT NULL,
    create_time DATETIME NOT NULL,
    change_time DATETIME NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Public write-only keys; only a SHA-256 of the key is kept (it is shown once).
CREATE TABLE jotrs_observer_key (
    id BIGINT NOT NULL AUTO_INCREMENT,
    site_id BIGINT NOT NULL,
    key_hash VARCHAR(64) NOT NULL,
    key_hint VARCHAR(20) NOT NULL,
    create_time DATETIME NOT NULL,
    revoke_time DATETIME,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE UNIQUE INDEX jotrs_observer_key_hash ON jotrs_observer_key (key_hash);
CREATE INDEX jotrs_observer_key_site ON jotrs_observer_key (site_id);

-- Events as the SDK sent them; (site_id, event_uuid) is unique, so a retried batch is stored once.
CREATE TABLE jotrs_observer_event (
    id BIGINT NOT NULL AUTO_INCREMENT,
    site_id BIGINT NOT NULL,
    event_uuid VARCHAR(36) NOT NULL,
    session_id VARCHAR(64) NOT NULL,
    user_ref VARCHAR(200),
    kind VARCHAR(20) NOT NULL,
    occurred_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    url VARCHAR(1000) NOT NULL,
    browser VARCHAR(50) NOT NULL,
    app_release VARCHAR(100),
    -- The kind's own fields as JSON (target, text, x, y, message, stack, status, ...).
    data VARCHAR(6000) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE UNIQUE INDEX jotrs_observer_event_uuid ON jotrs_observer_event (site_id, event_uuid);
CREATE INDEX jotrs_observer_event_session ON jotrs_observer_event (site_id, session_id, occurred_at);
CREATE INDEX jotrs_observer_event_received ON jotrs_observer_event (received_at);
