-- Sessions of the OTRS GenericInterface (SessionCreate): the SessionID handed to the client is
-- 32 random bytes; only its SHA-256 is stored, so a copy of the table opens no session. A session
-- belongs to an agent (user_id) or a customer user (customer_login), ends after
-- jotrs.generic-interface.session-idle-timeout without use or session-max-age after its creation
-- (OTRS's SessionMaxIdleTime and SessionMaxTime), and is checked against the account on every use.
CREATE TABLE jotrs_gi_session (
    session_hash CHAR(64) NOT NULL,
    user_type VARCHAR(10) NOT NULL,
    user_id INTEGER NULL,
    customer_login VARCHAR(200) NULL,
    create_time DATETIME NOT NULL,
    last_used_time DATETIME NOT NULL,
    PRIMARY KEY (session_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX jotrs_gi_session_used ON jotrs_gi_session (last_used_time);
