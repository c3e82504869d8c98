-- The administration audit log: one row per change an administrator makes (agents, groups,
-- roles, permissions, customers, queues, ticket settings), written in the same transaction as
-- the change. OTRS has no such table; it is additive.
CREATE TABLE jotrs_audit_log (
    id BIGSERIAL NOT NULL,
    create_time TIMESTAMP(0) NOT NULL,
    actor_id INTEGER NOT NULL,
    object_type VARCHAR(50) NOT NULL,
    object_key VARCHAR(200) NOT NULL,
    action VARCHAR(30) NOT NULL,
    changes TEXT NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX jotrs_audit_log_object ON jotrs_audit_log (object_type, object_key);
CREATE INDEX jotrs_audit_log_time ON jotrs_audit_log (create_time);
