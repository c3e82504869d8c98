-- Outgoing mail of Jotrs (replies, forwards, email tickets, auto responses, notifications):
-- queued in the transaction that writes the article and sent over SMTP by one node of the cluster
-- (mail.outbox-sender). Not OTRS's mail_queue, whose raw_message OTRS expects as a serialized
-- Perl hash: an OTRS daemon sharing the database would choke on our rows (issue 13). A row is
-- deleted once the server accepted it; after the last attempt it stays, failed, for an admin
-- to see and send again. raw_message is the 7-bit RFC 822 text.
CREATE TABLE jotrs_mail_outbox (
    id BIGSERIAL NOT NULL,
    article_id BIGINT NULL,
    message_id VARCHAR(998) NULL,
    sender VARCHAR(200) NOT NULL,
    recipients TEXT NOT NULL,
    subject VARCHAR(1000) NULL,
    raw_message TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_time TIMESTAMP(0) NOT NULL,
    failed SMALLINT NOT NULL,
    last_smtp_code INTEGER NULL,
    last_error VARCHAR(4000) NULL,
    create_time TIMESTAMP(0) NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX jotrs_mail_outbox_due ON jotrs_mail_outbox (failed, next_attempt_time);
CREATE INDEX jotrs_mail_outbox_article ON jotrs_mail_outbox (article_id);
