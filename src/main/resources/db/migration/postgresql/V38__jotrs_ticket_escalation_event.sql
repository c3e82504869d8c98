-- The escalation check (cluster job ticket.escalation-check) raises each of OTRS's escalation
-- events (EscalationResponseTimeStart, ...NotifyBefore, and the Update and Solution ones) once per
-- ticket and deadline: the row is written in the transaction that writes the event's history row,
-- so neither a restart nor a second node raises it again. A new deadline (the customer wrote
-- again) is a new row. OTRS never reads it.
CREATE TABLE jotrs_ticket_escalation_event (
    ticket_id BIGINT NOT NULL,
    event_name VARCHAR(50) NOT NULL,
    deadline INTEGER NOT NULL,
    create_time TIMESTAMP(0) NOT NULL,
    PRIMARY KEY (ticket_id, event_name, deadline)
);
