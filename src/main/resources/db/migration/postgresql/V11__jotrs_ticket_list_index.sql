-- The queue view's order: open tickets of a queue, oldest first. Without it a deep page walks the
-- create_time index and filters on queue and state row by row. The index is additive and named
-- jotrs_*, so an OTRS or Znuny installation that shares the database is not affected by it.
CREATE INDEX jotrs_ticket_queue_state_created ON ticket (queue_id, ticket_state_id, create_time);
