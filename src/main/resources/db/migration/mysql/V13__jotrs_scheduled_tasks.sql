-- The cluster-wide job table of db-scheduler (platform.ClusterJob): one row per job, claimed by
-- one node at a time with an optimistic version check, so a job runs once per cluster; a node
-- that dies while running is detected by its missing heartbeat and the job is picked up again.
-- Column names and types are the library's own schema; it is left out of the jOOQ classes.
CREATE TABLE jotrs_scheduled_tasks (
    task_name VARCHAR(100) NOT NULL,
    task_instance VARCHAR(100) NOT NULL,
    task_data BLOB,
    execution_time TIMESTAMP(6) NOT NULL,
    picked BOOLEAN NOT NULL,
    picked_by VARCHAR(50),
    last_success TIMESTAMP(6) NULL,
    last_failure TIMESTAMP(6) NULL,
    consecutive_failures INTEGER,
    last_heartbeat TIMESTAMP(6) NULL,
    version BIGINT NOT NULL,
    priority SMALLINT,
    PRIMARY KEY (task_name, task_instance)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX jotrs_scheduled_tasks_execution ON jotrs_scheduled_tasks (execution_time);
CREATE INDEX jotrs_scheduled_tasks_heartbeat ON jotrs_scheduled_tasks (last_heartbeat);
CREATE INDEX jotrs_scheduled_tasks_priority ON jotrs_scheduled_tasks (priority DESC, execution_time ASC);
