-- Loads a benchmark data set into a Jotrs database on PostgreSQL (already migrated: start Jotrs on
-- it once first). Bulk inserts with generate_series, no request per ticket.
--
--   psql -h 127.0.0.1 -U postgres -d jotrs_bench -v tickets=1000000 -f bench/generate-postgres.sql
--
-- Shape: :tickets tickets spread over the four default queues, 30% open (state open), the rest
-- closed successful; 5 articles each (first from the customer by phone, then agent notes), one
-- article_data_mime row per article with a ~300 byte body, 3 history rows per ticket,
-- 10,000 customer users in 1,000 companies.
\set ON_ERROR_STOP on
\timing on

BEGIN;
INSERT INTO customer_company (customer_id, name, valid_id, create_time, create_by, change_time, change_by)
SELECT 'C' || c, 'Company ' || c, 1, now(), 1, now(), 1 FROM generate_series(1, 1000) c;

INSERT INTO customer_user (login, email, customer_id, first_name, last_name, valid_id, create_time, create_by, change_time, change_by)
SELECT 'cust' || u, 'cust' || u || '@example.com', 'C' || (u % 1000 + 1), 'Customer', 'No ' || u, 1, now(), 1, now(), 1
FROM generate_series(1, 10000) u;

INSERT INTO ticket (tn, title, queue_id, ticket_lock_id, type_id, user_id, responsible_user_id, ticket_priority_id,
    ticket_state_id, customer_id, customer_user_id, timeout, until_time, escalation_time, escalation_update_time,
    escalation_response_time, escalation_solution_time, archive_flag, create_time, create_by, change_time, change_by)
SELECT 'B' || lpad(g::text, 12, '0'), 'Benchmark ticket ' || g || ' about item ' || (g % 977),
       1 + (g % 4), 1, 1, 1, 1, 1 + (g % 5),
       CASE WHEN g % 10 < 3 THEN 4 ELSE 2 END,
       'C' || (g % 1000 + 1), 'cust' || (g % 10000 + 1),
       extract(epoch FROM now())::int - (:tickets - g) * 30, 0, 0, 0, 0, 0, 0,
       now() - make_interval(secs => (:tickets - g) * 30), 1, now() - make_interval(secs => (:tickets - g) * 30), 1
FROM generate_series(1, :tickets) g;
COMMIT;

BEGIN;
INSERT INTO article (ticket_id, article_sender_type_id, communication_channel_id, is_visible_for_customer,
    search_index_needs_rebuild, create_time, create_by, change_time, change_by)
SELECT t.id, CASE WHEN n = 1 THEN 3 ELSE 1 END, CASE WHEN n = 1 THEN 2 ELSE 3 END, CASE WHEN n = 1 THEN 1 ELSE 0 END,
       0, t.create_time + make_interval(mins => n), 1, t.create_time + make_interval(mins => n), 1
FROM ticket t CROSS JOIN generate_series(1, 5) n
WHERE t.tn LIKE 'B%';

INSERT INTO article_data_mime (article_id, a_from, a_to, a_subject, a_content_type, a_body, incoming_time,
    create_time, create_by, change_time, change_by)
SELECT a.id, '"Customer" <customer@example.com>', 'Raw', 'Benchmark article ' || a.id, 'text/plain; charset=utf-8',
       repeat('Lorem ipsum dolor sit amet, consectetur adipiscing elit. ', 5) || a.id,
       extract(epoch FROM a.create_time)::int, a.create_time, 1, a.create_time, 1
FROM article a JOIN ticket t ON t.id = a.ticket_id
WHERE t.tn LIKE 'B%';

INSERT INTO ticket_history (name, history_type_id, ticket_id, article_id, type_id, queue_id, owner_id, priority_id,
    state_id, create_time, create_by, change_time, change_by)
SELECT CASE h WHEN 1 THEN '%%' || t.tn || '%%Raw%%3 normal%%open%%' || t.id WHEN 2 THEN '%%' ELSE '%%open%%closed successful%%' END,
       CASE h WHEN 1 THEN 1 WHEN 2 THEN 14 ELSE 27 END, t.id, NULL, 1, t.queue_id, 1, t.ticket_priority_id,
       t.ticket_state_id, t.create_time, 1, t.create_time, 1
FROM ticket t CROSS JOIN generate_series(1, 3) h
WHERE t.tn LIKE 'B%';
COMMIT;

-- VACUUM as well: it sets the visibility map, without which no index-only scan is possible (the
-- queue counts then read the whole ticket heap: 1 s instead of 0.15 s). A live database gets this
-- from autovacuum; these machines run PostgreSQL with autovacuum off.
VACUUM (ANALYZE);
