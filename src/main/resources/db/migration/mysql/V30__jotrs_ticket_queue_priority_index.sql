-- The queue view's page in OTRS's default order (PreSort::ByPriority): a queue's tickets by
-- priority, highest first, then oldest first, with the state beside them for the "not closed"
-- filter (MariaDB 10.8+ and MySQL 8 keep the descending column). Additive and named jotrs_*, so an
-- OTRS sharing the database is not affected by it.
CREATE INDEX jotrs_ticket_queue_priority_created ON ticket (queue_id, ticket_priority_id DESC, create_time, id, ticket_state_id);
