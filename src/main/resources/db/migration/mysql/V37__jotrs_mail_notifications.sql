-- Agent notifications (OTRS notification_event rows) are sent by one node of the cluster that
-- follows jotrs_change_feed by id (mail.agent-notifier). Its position and the ids it skipped
-- because their transaction had not committed yet (gaps) are kept here, so a restart or another
-- node carries on where the last run stopped. Every mail sent is recorded once per event,
-- notification and agent (event_key: "feed:<id>", or "pending:<ticket>:<day>" for pending
-- reminders, which OTRS sends once per day): a run repeated after a crash sends nothing twice.
CREATE TABLE jotrs_mail_notification_cursor (
    id SMALLINT NOT NULL,
    feed_position BIGINT NOT NULL,
    change_time DATETIME NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE TABLE jotrs_mail_notification_gap (
    feed_id BIGINT NOT NULL,
    first_missed DATETIME NOT NULL,
    PRIMARY KEY (feed_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE TABLE jotrs_mail_notification_sent (
    id BIGINT NOT NULL AUTO_INCREMENT,
    event_key VARCHAR(100) NOT NULL,
    notification_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    ticket_id BIGINT NOT NULL,
    create_time DATETIME NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE UNIQUE INDEX jotrs_mail_notification_sent_once ON jotrs_mail_notification_sent (event_key, notification_id, user_id);
CREATE INDEX jotrs_mail_notification_sent_time ON jotrs_mail_notification_sent (create_time);
