-- Webhooks (issue 16): URLs administrators registered for change-feed events, each with the
-- secret its payloads are signed with (HMAC-SHA256). valid_id 1 = delivering; a webhook is
-- switched off (valid_id 2, disabled_reason set) after too many consecutive failed attempts.
-- start_feed_id: the change feed's end when it was registered; older changes are not sent to it.
CREATE TABLE jotrs_webhook (
    id INTEGER NOT NULL AUTO_INCREMENT,
    name VARCHAR(200) NOT NULL,
    url VARCHAR(2000) NOT NULL,
    secret VARCHAR(200) NOT NULL,
    events VARCHAR(2000) NOT NULL,
    valid_id SMALLINT NOT NULL,
    consecutive_failures INTEGER NOT NULL,
    start_feed_id BIGINT NOT NULL,
    disabled_reason VARCHAR(1000) NULL,
    create_time DATETIME NOT NULL,
    create_by INTEGER NOT NULL,
    change_time DATETIME NOT NULL,
    change_by INTEGER NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
-- One row per webhook and change-feed row (at least once: the unique key keeps a change from
-- being queued twice for one webhook); event_id is what receivers deduplicate by.
CREATE TABLE jotrs_webhook_delivery (
    id BIGINT NOT NULL AUTO_INCREMENT,
    webhook_id INTEGER NOT NULL,
    feed_id BIGINT NOT NULL,
    event_id VARCHAR(64) NOT NULL,
    event VARCHAR(50) NOT NULL,
    payload MEDIUMTEXT NOT NULL,
    status VARCHAR(20) NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_time DATETIME NOT NULL,
    response_code INTEGER NULL,
    duration_ms INTEGER NULL,
    last_error VARCHAR(1000) NULL,
    create_time DATETIME NOT NULL,
    last_attempt_time DATETIME NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE UNIQUE INDEX jotrs_webhook_delivery_once ON jotrs_webhook_delivery (webhook_id, feed_id);
CREATE INDEX jotrs_webhook_delivery_due ON jotrs_webhook_delivery (status, next_attempt_time);
-- How far the deliverer has read the change feed.
CREATE TABLE jotrs_webhook_position (
    name VARCHAR(50) NOT NULL,
    feed_id BIGINT NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
