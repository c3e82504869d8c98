-- Inbound mail. OTRS's mail_account keeps what OTRS knows of an account (host, login, password,
-- type, queue, trusted, folder); what Jotrs adds per account lives here: the port (OTRS always
-- uses the protocol's default), what happens to a fetched message, OAuth2 (XOAUTH2) settings with
-- the secrets encrypted, and the state of the last fetch for the admin screen.
CREATE TABLE jotrs_mail_account_setting (
    account_id INTEGER NOT NULL,
    port INTEGER NULL,
    after_fetch VARCHAR(10) NOT NULL,
    ssl_trust VARCHAR(200) NULL,
    oauth2_token_url VARCHAR(500) NULL,
    oauth2_client_id VARCHAR(250) NULL,
    oauth2_client_secret VARCHAR(2000) NULL,
    oauth2_refresh_token VARCHAR(4000) NULL,
    oauth2_scope VARCHAR(500) NULL,
    last_fetch_time TIMESTAMP(0) NULL,
    last_fetch_count INTEGER NULL,
    last_error VARCHAR(4000) NULL,
    PRIMARY KEY (account_id)
);
-- Every message taken in, by account (0: the pipe) and SHA-256 of its raw bytes: a message seen
-- again (the server still had it after a crash between our commit and its delete) is deleted
-- on the server, never stored twice.
CREATE TABLE jotrs_mail_received (
    id BIGSERIAL NOT NULL,
    account_id INTEGER NOT NULL,
    digest VARCHAR(64) NOT NULL,
    message_id VARCHAR(998) NULL,
    ticket_id BIGINT NULL,
    article_id BIGINT NULL,
    quarantine_id BIGINT NULL,
    create_time TIMESTAMP(0) NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX jotrs_mail_received_digest ON jotrs_mail_received (account_id, digest);
-- Messages that could not be parsed or stored, kept raw with the reason, for an admin to retry
-- or drop: one bad message never stalls the mailbox, and nothing is lost.
CREATE TABLE jotrs_mail_quarantine (
    id BIGSERIAL NOT NULL,
    account_id INTEGER NOT NULL,
    raw_message BYTEA NOT NULL,
    message_size INTEGER NOT NULL,
    sender VARCHAR(1000) NULL,
    subject VARCHAR(1000) NULL,
    error VARCHAR(4000) NOT NULL,
    create_time TIMESTAMP(0) NOT NULL,
    PRIMARY KEY (id)
);
