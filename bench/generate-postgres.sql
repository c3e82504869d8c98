-- Loads a benchmark data set into a Jotrs database on PostgreSQL (already migrated: start Jotrs on
-- it once first). Bulk inserts with generate_series, no request per ticket.
--
--   psql -h 127.0.0.1 -U postgres -d jotrs_bench -v tickets=1000000 -f bench/generate-postgres.sql
--
-- Shape: :tickets tickets spread over the four default queues, 30% open (state open), the rest
-- closed successful; 5 articles each (first from the customer by phone, then internal notes from
-- the agent root@localhost), one article_data_mime row per article with a ~300 byte body, and the
-- history OTRS writes for that: NewTicket, PhoneCallCustomer and an AddNote per note, and for a
-- closed ticket StateUpdate and SetPendingTime; 10,000 customer users in 1,000 companies.
-- Articles are marked search_index_needs_rebuild = 1, so an OTRS sharing the database indexes
-- them for its own search (its daemon's ArticleSearchIndexRebuild task).
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
       1, t.create_time + make_interval(mins => n), 1, t.create_time + make_interval(mins => n), 1
FROM ticket t CROSS JOIN generate_series(1, 5) n
WHERE t.tn LIKE 'B%';

INSERT INTO article_data_mime (article_id, a_from, a_to, a_subject, a_content_type, a_body, incoming_time,
    create_time, create_by, change_time, change_by)
SELECT a.id,
       CASE WHEN a.article_sender_type_id = 3 THEN '"Customer No ' || substr(t.customer_user_id, 5) || '" <' || t.customer_user_id || '@example.com>'
            ELSE '"Admin OTRS" <root@localhost>' END,
       CASE WHEN a.article_sender_type_id = 3 THEN q.name END,
       'Benchmark article ' || a.id, 'text/plain; charset=utf-8',
       repeat('Lorem ipsum dolor sit amet, consectetur adipiscing elit. ', 5) || a.id,
       extract(epoch FROM a.create_time)::int, a.create_time, 1, a.create_time, 1
FROM article a JOIN ticket t ON t.id = a.ticket_id JOIN queue q ON q.id = t.queue_id
WHERE t.tn LIKE 'B%';

-- History in OTRS's order and wording: the ticket is created open, the first article is the
-- customer's call, every later one an agent's note; a closed ticket then gets its StateUpdate and
-- the SetPendingTime reset OTRS writes with it. Each row records the ticket's state at the time.
INSERT INTO ticket_history (name, history_type_id, ticket_id, article_id, type_id, queue_id, owner_id, priority_id,
    state_id, create_time, create_by, change_time, change_by)
SELECT '%%' || t.tn || '%%' || q.name || '%%' || p.name || '%%open%%' || t.id,
       (SELECT id FROM ticket_history_type WHERE name = 'NewTicket'), t.id, NULL, 1, t.queue_id, 1, t.ticket_priority_id,
       4, t.create_time, 1, t.create_time, 1
FROM ticket t JOIN queue q ON q.id = t.queue_id JOIN ticket_priority p ON p.id = t.ticket_priority_id
WHERE t.tn LIKE 'B%';

INSERT INTO ticket_history (name, history_type_id, ticket_id, article_id, type_id, queue_id, owner_id, priority_id,
    state_id, create_time, create_by, change_time, change_by)
SELECT CASE WHEN a.article_sender_type_id = 3 THEN '%%' ELSE '%%Note' END,
       (SELECT id FROM ticket_history_type
        WHERE name = CASE WHEN a.article_sender_type_id = 3 THEN 'PhoneCallCustomer' ELSE 'AddNote' END),
       t.id, a.id, 1, t.queue_id, 1, t.ticket_priority_id, 4, a.create_time, 1, a.create_time, 1
FROM article a JOIN ticket t ON t.id = a.ticket_id
WHERE t.tn LIKE 'B%'
ORDER BY a.id;

INSERT INTO ticket_history (name, history_type_id, ticket_id, article_id, type_id, queue_id, owner_id, priority_id,
    state_id, create_time, create_by, change_time, change_by)
SELECT CASE h WHEN 1 THEN '%%open%%closed successful%%' ELSE '%%00-00-00 00:00' END,
       (SELECT id FROM ticket_history_type WHERE name = CASE h WHEN 1 THEN 'StateUpdate' ELSE 'SetPendingTime' END),
       t.id, NULL, 1, t.queue_id, 1, t.ticket_priority_id, t.ticket_state_id,
       t.create_time + make_interval(mins => 6), 1, t.create_time + make_interval(mins => 6), 1
FROM ticket t CROSS JOIN generate_series(1, 2) h
WHERE t.tn LIKE 'B%' AND t.ticket_state_id = 2
ORDER BY t.id, h;
COMMIT;

-- VACUUM as well: it sets the visibility map, without which no index-only scan is possible (the
-- queue counts then read the whole ticket heap: 1 s instead of 0.15 s). A live database gets this
-- from autovacuum; these machines run PostgreSQL with autovacuum off.
VACUUM (ANALYZE);
