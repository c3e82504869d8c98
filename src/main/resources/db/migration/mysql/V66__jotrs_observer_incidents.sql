-- The observer's signal engine and incidents (issue 18). The engine reads events in id order; its
-- position, the ids it has not seen yet below it (transactions that commit late), the clicks still
-- waiting for what comes after them, the signals and the incidents change in one transaction per
-- run, so a crash never counts an event twice and never loses one.

CREATE TABLE jotrs_observer_engine (
    name VARCHAR(50) NOT NULL,
    last_event_id BIGINT NOT NULL,
    change_time DATETIME NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Event ids below the position not visible when the engine passed them, with when it noticed.
CREATE TABLE jotrs_observer_engine_gap (
    event_id BIGINT NOT NULL,
    missed_at BIGINT NOT NULL,
    PRIMARY KEY (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Clicks whose outcome (a change, an error, a failed request) may still arrive.
CREATE TABLE jotrs_observer_pending (
    event_id BIGINT NOT NULL,
    site_id BIGINT NOT NULL,
    session_id VARCHAR(64) NOT NULL,
    occurred_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Struggles found, folded into incidents by fingerprint (kind + route + target or error message).
CREATE TABLE jotrs_observer_incident (
    id BIGINT NOT NULL AUTO_INCREMENT,
    site_id BIGINT NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    route VARCHAR(500) NOT NULL,
    target VARCHAR(1000) NOT NULL,
    label VARCHAR(200) NOT NULL,
    -- open, acknowledged, resolved, ignored
    status VARCHAR(20) NOT NULL,
    regressed SMALLINT NOT NULL,
    occurrences INTEGER NOT NULL,
    sessions INTEGER NOT NULL,
    users INTEGER NOT NULL,
    browsers VARCHAR(500) NOT NULL,
    first_seen BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    sample_session VARCHAR(64) NOT NULL,
    sample_event_id BIGINT NOT NULL,
    last_release VARCHAR(100),
    resolved_release VARCHAR(100),
    ticket_id BIGINT,
    ticket_noted_at BIGINT,
    ticket_noted_occurrences INTEGER NOT NULL,
    resolved_at BIGINT,
    create_time DATETIME NOT NULL,
    change_time DATETIME NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE UNIQUE INDEX jotrs_observer_incident_fp ON jotrs_observer_incident (site_id, fingerprint);
CREATE INDEX jotrs_observer_incident_last ON jotrs_observer_incident (last_seen);
CREATE INDEX jotrs_observer_incident_ticket ON jotrs_observer_incident (ticket_id);

-- One row per signal; (site_id, signal_key) is unique, so a signal found twice counts once.
CREATE TABLE jotrs_observer_signal (
    id BIGINT NOT NULL AUTO_INCREMENT,
    site_id BIGINT NOT NULL,
    signal_key VARCHAR(120) NOT NULL,
    incident_id BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    session_id VARCHAR(64) NOT NULL,
    event_id BIGINT NOT NULL,
    occurred_at BIGINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE UNIQUE INDEX jotrs_observer_signal_key ON jotrs_observer_signal (site_id, signal_key);
CREATE INDEX jotrs_observer_signal_incident ON jotrs_observer_signal (incident_id, occurred_at);

-- The sessions (and their users) an incident touched.
CREATE TABLE jotrs_observer_incident_session (
    incident_id BIGINT NOT NULL,
    session_id VARCHAR(64) NOT NULL,
    user_ref VARCHAR(200),
    PRIMARY KEY (incident_id, session_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
