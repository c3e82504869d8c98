-- The administration audit log: one row per change an administrator makes (agents, groups,
-- roles, permissions, customers, queues, ticket settings), written in the same transaction as
-- the change. OTRS has no such table; it is additive.
CREATE TABLE jotrs_audit_log (
    id BIGINT NOT NULL AUTO_INCREMENT,
    create_time DATETIME NOT NULL,
    actor_id INTEGER NOT NULL,
    object_type VARCHAR(50) NOT NULL,
    object_key VARCHAR(200) NOT NULL,
    action VARCHAR(30) NOT NULL,
    changes MEDIUMTEXT NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX jotrs_audit_log_object ON jotrs_audit_log (object_type, object_key);
CREATE INDEX jotrs_audit_log_time ON jotrs_audit_log (create_time);
