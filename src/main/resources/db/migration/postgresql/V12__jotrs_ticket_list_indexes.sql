-- The queue view's page: the tickets of a queue in age order, with their state beside them so the
-- "not closed" filter is read from the index. A page is then an index-only range (page 40 of a
-- queue with 80,000 open tickets reads about 2,500 entries and 25 rows) instead of a walk of the
-- create_time index that looks up every ticket's row. V11's index (queue, state, create time)
-- could not give that order for several states at once, so the planner never used it for pages.
--
-- The shared open-ticket counts per queue: an index-only scan of the open states' ranges.
--
-- Both are additive and named jotrs_*, so an OTRS or Znuny installation that shares the database
-- is not affected by them.
DROP INDEX jotrs_ticket_queue_state_created;
CREATE INDEX jotrs_ticket_queue_created ON ticket (queue_id, create_time, id) INCLUDE (ticket_state_id);
CREATE INDEX jotrs_ticket_state_queue ON ticket (ticket_state_id, queue_id);
