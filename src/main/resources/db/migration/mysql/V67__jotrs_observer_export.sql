-- Export of observer incidents to Jira Cloud and Linear (issue 18, item 7). A site has at most one
-- target of each kind; its credential is stored sealed (AES-256-GCM under jotrs.secret-key), with
-- only its last characters readable.
CREATE TABLE jotrs_observer_export_target (
    id BIGINT NOT NULL AUTO_INCREMENT,
    site_id BIGINT NOT NULL,
    -- jira or linear
    kind VARCHAR(10) NOT NULL,
    -- Jira: https://your-domain.atlassian.net; Linear: empty (jotrs.observer.linear-api-url).
    base_url VARCHAR(500) NOT NULL,
    -- Jira: the account's email; Linear: empty.
    user_email VARCHAR(200) NOT NULL,
    -- Jira: the project key; Linear: the team id.
    project VARCHAR(100) NOT NULL,
    -- Jira: the issue type's name; Linear: empty.
    issue_type VARCHAR(100) NOT NULL,
    secret VARCHAR(2000) NOT NULL,
    secret_hint VARCHAR(10) NOT NULL,
    create_time DATETIME NOT NULL,
    change_time DATETIME NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE UNIQUE INDEX jotrs_observer_export_target_kind ON jotrs_observer_export_target (site_id, kind);

-- The outbox: one row per incident and target, written in the transaction that opens the
-- incident's ticket; the exporter works through it. client_ref is what makes a repeated attempt
-- find the issue an earlier one created (the Jira label, the Linear issue id).
CREATE TABLE jotrs_observer_export (
    id BIGINT NOT NULL AUTO_INCREMENT,
    incident_id BIGINT NOT NULL,
    target_id BIGINT NOT NULL,
    client_ref VARCHAR(64) NOT NULL,
    -- pending, created, failed (gave up after jotrs.observer.export-attempts)
    status VARCHAR(10) NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_error VARCHAR(1000),
    external_id VARCHAR(100),
    external_key VARCHAR(100),
    external_url VARCHAR(1000),
    -- Linear: whether the link back (an attachment) exists; Jira has it in the description.
    linked SMALLINT NOT NULL,
    create_time DATETIME NOT NULL,
    change_time DATETIME NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE UNIQUE INDEX jotrs_observer_export_pair ON jotrs_observer_export (incident_id, target_id);
CREATE INDEX jotrs_observer_export_due ON jotrs_observer_export (status, next_attempt_at);
