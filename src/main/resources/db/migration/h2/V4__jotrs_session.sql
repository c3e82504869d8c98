-- Agent (and later customer) web sessions, kept by Spring Session JDBC so they survive restarts
-- and are shared by every node. Spring Session names the attribute table <table>_ATTRIBUTES,
-- unquoted, so it folds to jotrs_session_attributes here.
CREATE TABLE jotrs_session (
    primary_id CHAR(36) NOT NULL,
    session_id CHAR(36) NOT NULL,
    creation_time BIGINT NOT NULL,
    last_access_time BIGINT NOT NULL,
    max_inactive_interval INTEGER NOT NULL,
    expiry_time BIGINT NOT NULL,
    principal_name VARCHAR(200),
    CONSTRAINT jotrs_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX jotrs_session_ix1 ON jotrs_session (session_id);
CREATE INDEX jotrs_session_ix2 ON jotrs_session (expiry_time);
CREATE INDEX jotrs_session_ix3 ON jotrs_session (principal_name);

CREATE TABLE jotrs_session_attributes (
    session_primary_id CHAR(36) NOT NULL,
    attribute_name VARCHAR(200) NOT NULL,
    attribute_bytes BLOB NOT NULL,
    CONSTRAINT jotrs_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT jotrs_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES jotrs_session (primary_id) ON DELETE CASCADE
);
