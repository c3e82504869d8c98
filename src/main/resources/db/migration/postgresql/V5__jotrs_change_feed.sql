-- The change feed: one row per change of a ticket or article, written in the same transaction
-- as the change and its OTRS history row. Search indexing, live updates, webhooks and
-- notifications read it in id order.
CREATE TABLE jotrs_change_feed (
    id BIGSERIAL NOT NULL,
    object_type VARCHAR(30) NOT NULL,
    object_id BIGINT NOT NULL,
    ticket_id BIGINT NOT NULL,
    change_kind VARCHAR(50) NOT NULL,
    create_time TIMESTAMP(0) NOT NULL,
    create_by INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX jotrs_change_feed_ticket ON jotrs_change_feed (ticket_id);
