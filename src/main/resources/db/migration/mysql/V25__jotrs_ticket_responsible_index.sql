-- The agent's "responsible" list (and its dashboard widget) by last change, newest first, with the
-- state beside it for the "not closed" filter: one index range instead of reading every ticket the
-- agent is responsible for and sorting them. OTRS sets user 1 responsible for every ticket nobody
-- took, so for root@localhost on a large database that list is most of the open tickets (300 ms
-- per count and page with a million tickets before). Additive and named jotrs_*, so an OTRS
-- sharing the database is not affected by it.
CREATE INDEX jotrs_ticket_responsible_changed ON ticket (responsible_user_id, change_time, id, ticket_state_id);
