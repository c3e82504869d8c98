-- Customer portal sessions: the JOTRS_CUSTOMER cookie carries a random token, and only its SHA-256
-- (hex) is stored, so a copy of this table signs nobody in. Kept apart from the agents' Spring
-- Session table: a customer session is never an agent session, and the reverse.
CREATE TABLE jotrs_portal_session (
    token_hash VARCHAR(64) NOT NULL,
    customer_login VARCHAR(200) NOT NULL,
    create_time TIMESTAMP(0) NOT NULL,
    last_access_time TIMESTAMP(0) NOT NULL,
    PRIMARY KEY (token_hash)
);
CREATE INDEX jotrs_portal_session_login ON jotrs_portal_session (customer_login);
CREATE INDEX jotrs_portal_session_access ON jotrs_portal_session (last_access_time);

-- Single-use, expiring tokens mailed to customers (password reset); stored as SHA-256 (hex) only.
CREATE TABLE jotrs_portal_token (
    token_hash VARCHAR(64) NOT NULL,
    purpose VARCHAR(20) NOT NULL,
    customer_login VARCHAR(200) NOT NULL,
    create_time TIMESTAMP(0) NOT NULL,
    expire_time TIMESTAMP(0) NOT NULL,
    used_time TIMESTAMP(0),
    PRIMARY KEY (token_hash)
);
CREATE INDEX jotrs_portal_token_login ON jotrs_portal_token (customer_login);
