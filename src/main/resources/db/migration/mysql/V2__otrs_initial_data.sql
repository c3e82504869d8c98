-- Jotrs schema V2: OTRS/Znuny initial data for MariaDB 10.11+ / MySQL 8.
-- Rows are inserted in OTRS order with explicit ids, so every id equals the one a
-- fresh OTRS/Znuny installation has. root@localhost gets an empty password: Jotrs
-- sets a generated one at first start. The admin user is inserted before the validity
-- states because users and valid refer to each other.

-- admin agent; pw is empty on purpose: Jotrs generates a password at first start
INSERT INTO users (id, login, pw, first_name, last_name, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'root@localhost', '', 'Admin', 'OTRS', 1, 1, current_timestamp, 1, current_timestamp);

-- validity states
INSERT INTO valid (id, name, create_by, create_time, change_by, change_time) VALUES
    (1, 'valid', 1, current_timestamp, 1, current_timestamp),
    (2, 'invalid', 1, current_timestamp, 1, current_timestamp),
    (3, 'invalid-temporarily', 1, current_timestamp, 1, current_timestamp);

-- users.valid_id can only reference valid once both tables have rows
ALTER TABLE users ADD CONSTRAINT FK_users_valid_id_id FOREIGN KEY (valid_id) REFERENCES valid (id);

-- admin agent's mail address
INSERT INTO user_preferences (user_id, preferences_key, preferences_value) VALUES
    (1, 'UserEmail', 'root@localhost');

-- permission groups
INSERT INTO permission_groups (id, name, comments, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'users', 'Group for default access.', 1, 1, current_timestamp, 1, current_timestamp),
    (2, 'admin', 'Group of all administrators.', 1, 1, current_timestamp, 1, current_timestamp),
    (3, 'stats', 'Group for statistics access.', 1, 1, current_timestamp, 1, current_timestamp),
    (4, 'timeaccounting_webservice', 'Group for time accounting web service access.', 1, 1, current_timestamp, 1, current_timestamp);

-- root gets rw on users, admin and stats
INSERT INTO group_user (user_id, group_id, permission_key, create_by, create_time, change_by, change_time) VALUES
    (1, 1, 'rw', 1, current_timestamp, 1, current_timestamp),
    (1, 2, 'rw', 1, current_timestamp, 1, current_timestamp),
    (1, 3, 'rw', 1, current_timestamp, 1, current_timestamp);

-- link types
INSERT INTO link_type (id, name, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'Normal', 1, 1, current_timestamp, 1, current_timestamp),
    (2, 'ParentChild', 1, 1, current_timestamp, 1, current_timestamp);

-- link states
INSERT INTO link_state (id, name, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'Valid', 1, 1, current_timestamp, 1, current_timestamp),
    (2, 'Temporary', 1, 1, current_timestamp, 1, current_timestamp);

-- ticket state types
INSERT INTO ticket_state_type (id, name, comments, create_by, create_time, change_by, change_time) VALUES
    (1, 'new', 'All new state types (default: viewable).', 1, current_timestamp, 1, current_timestamp),
    (2, 'open', 'All open state types (default: viewable).', 1, current_timestamp, 1, current_timestamp),
    (3, 'closed', 'All closed state types (default: not viewable).', 1, current_timestamp, 1, current_timestamp),
    (4, 'pending reminder', 'All ''pending reminder'' state types (default: viewable).', 1, current_timestamp, 1, current_timestamp),
    (5, 'pending auto', 'All ''pending auto *'' state types (default: viewable).', 1, current_timestamp, 1, current_timestamp),
    (6, 'removed', 'All ''removed'' state types (default: not viewable).', 1, current_timestamp, 1, current_timestamp),
    (7, 'merged', 'State type for merged tickets (default: not viewable).', 1, current_timestamp, 1, current_timestamp);

-- ticket states
INSERT INTO ticket_state (id, name, comments, type_id, valid_id, color, create_by, create_time, change_by, change_time) VALUES
    (1, 'new', 'New ticket created by customer.', 1, 1, '#50B5FFFF', 1, current_timestamp, 1, current_timestamp),
    (2, 'closed successful', 'Ticket is closed successful.', 3, 1, '#3DD598FF', 1, current_timestamp, 1, current_timestamp),
    (3, 'closed unsuccessful', 'Ticket is closed unsuccessful.', 3, 1, '#FC5A5AFF', 1, current_timestamp, 1, current_timestamp),
    (4, 'open', 'Open tickets.', 2, 1, '#FFC542FF', 1, current_timestamp, 1, current_timestamp),
    (5, 'removed', 'Customer removed ticket.', 6, 1, '#8D8D9BFF', 1, current_timestamp, 1, current_timestamp),
    (6, 'pending reminder', 'Ticket is pending for agent reminder.', 4, 1, '#FF8A25FF', 1, current_timestamp, 1, current_timestamp),
    (7, 'pending auto close+', 'Ticket is pending for automatic close.', 5, 1, '#FF8A25FF', 1, current_timestamp, 1, current_timestamp),
    (8, 'pending auto close-', 'Ticket is pending for automatic close.', 5, 1, '#FF8A25FF', 1, current_timestamp, 1, current_timestamp),
    (9, 'merged', 'State for merged tickets.', 7, 1, '#FF8A25FF', 1, current_timestamp, 1, current_timestamp);

-- salutation
INSERT INTO salutation (id, name, text, content_type, comments, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'system standard salutation (en)', 'Dear <OTRS_CUSTOMER_REALNAME>,

Thank you for your request.

', 'text/plain; charset=utf-8', 'Standard Salutation.', 1, 1, current_timestamp, 1, current_timestamp);

-- signature
INSERT INTO signature (id, name, text, content_type, comments, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'system standard signature (en)', '
Your Ticket-Team

 <OTRS_Agent_UserFirstname> <OTRS_Agent_UserLastname>

--
 Super Support - Waterford Business Park
 5201 Blue Lagoon Drive - 8th Floor & 9th Floor - Miami, 33126 USA
 Email: hot@example.com - Web: http://www.example.com/
--', 'text/plain; charset=utf-8', 'Standard Signature.', 1, 1, current_timestamp, 1, current_timestamp);

-- system address
INSERT INTO system_address (id, value0, value1, comments, valid_id, queue_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'jotrs@localhost', 'Jotrs System', 'Standard Address.', 1, 1, 1, current_timestamp, 1, current_timestamp);

-- follow-up options
INSERT INTO follow_up_possible (id, name, comments, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'possible', 'Follow-ups for closed tickets are possible. Ticket will be reopened.', 1, 1, current_timestamp, 1, current_timestamp),
    (2, 'reject', 'Follow-ups for closed tickets are not possible. No new ticket will be created.', 1, 1, current_timestamp, 1, current_timestamp),
    (3, 'new ticket', 'Follow-ups for closed tickets are not possible. A new ticket will be created.', 1, 1, current_timestamp, 1, current_timestamp);

-- queues
INSERT INTO queue (id, name, group_id, system_address_id, salutation_id, signature_id, follow_up_id, follow_up_lock, unlock_timeout, comments, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'Postmaster', 1, 1, 1, 1, 1, 0, 0, 'Postmaster queue.', 1, 1, current_timestamp, 1, current_timestamp),
    (2, 'Raw', 1, 1, 1, 1, 1, 0, 0, 'All default incoming tickets.', 1, 1, current_timestamp, 1, current_timestamp),
    (3, 'Junk', 1, 1, 1, 1, 1, 0, 0, 'All junk tickets.', 1, 1, current_timestamp, 1, current_timestamp),
    (4, 'Misc', 1, 1, 1, 1, 1, 0, 0, 'All misc tickets.', 1, 1, current_timestamp, 1, current_timestamp);

-- standard templates
INSERT INTO standard_template (id, name, text, content_type, template_type, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'empty answer', '', 'text/plain; charset=utf-8', 'Answer', 1, 1, current_timestamp, 1, current_timestamp),
    (2, 'test answer', 'Some test answer to show how a standard template can be used.', 'text/plain; charset=utf-8', 'Answer', 1, 1, current_timestamp, 1, current_timestamp);

-- the empty answer is available in every queue
INSERT INTO queue_standard_template (queue_id, standard_template_id, create_by, create_time, change_by, change_time) VALUES
    (1, 1, 1, current_timestamp, 1, current_timestamp),
    (2, 1, 1, current_timestamp, 1, current_timestamp),
    (3, 1, 1, current_timestamp, 1, current_timestamp),
    (4, 1, 1, current_timestamp, 1, current_timestamp);

-- auto response types
INSERT INTO auto_response_type (id, name, comments, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'auto reply', 'Automatic reply which will be sent out after a new ticket has been created.', 1, 1, current_timestamp, 1, current_timestamp),
    (2, 'auto reject', 'Automatic reject which will be sent out after a follow-up has been rejected (in case queue follow-up option is "reject").', 1, 1, current_timestamp, 1, current_timestamp),
    (3, 'auto follow up', 'Automatic confirmation which is sent out after a follow-up has been received for a ticket (in case queue follow-up option is "possible").', 1, 1, current_timestamp, 1, current_timestamp),
    (4, 'auto reply/new ticket', 'Automatic response which will be sent out after a follow-up has been rejected and a new ticket has been created (in case queue follow-up option is "new ticket").', 1, 1, current_timestamp, 1, current_timestamp),
    (5, 'auto remove', 'Auto remove will be sent out after a customer removed the request.', 1, 1, current_timestamp, 1, current_timestamp);

-- default auto responses (not assigned to any queue, as in OTRS)
INSERT INTO auto_response (id, type_id, system_address_id, name, text0, text1, content_type, comments, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 1, 1, 'default reply (after new ticket has been created)', 'This is a demo text which is send to every inquiry.
It could contain something like:

Thanks for your email. A new ticket has been created.

You wrote:
<OTRS_CUSTOMER_EMAIL[6]>

Your email will be answered by a human ASAP

Have fun with Jotrs! :-)

Your Jotrs Team
', 'RE: <OTRS_CUSTOMER_SUBJECT[24]>', 'text/plain', '', 1, 1, current_timestamp, 1, current_timestamp),
    (2, 2, 1, 'default reject (after follow-up and rejected of a closed ticket)', 'Your previous ticket is closed.

-- Your follow-up has been rejected. --

Please create a new ticket.

Your Jotrs Team
', 'Your email has been rejected! (RE: <OTRS_CUSTOMER_SUBJECT[24]>)', 'text/plain', '', 1, 1, current_timestamp, 1, current_timestamp),
    (3, 3, 1, 'default follow-up (after a ticket follow-up has been added)', 'Thanks for your follow-up email

You wrote:
<OTRS_CUSTOMER_EMAIL[6]>

Your email will be answered by a human ASAP.

Have fun with Jotrs!

Your Jotrs Team
', 'RE: <OTRS_CUSTOMER_SUBJECT[24]>', 'text/plain', '', 1, 1, current_timestamp, 1, current_timestamp),
    (4, 4, 1, 'default reject/new ticket created (after closed follow-up with new ticket creation)', 'Your previous ticket is closed.

-- A new ticket has been created for you. --

You wrote:
<OTRS_CUSTOMER_EMAIL[6]>

Your email will be answered by a human ASAP.

Have fun with Jotrs!

Your Jotrs Team
', 'New ticket has been created! (RE: <OTRS_CUSTOMER_SUBJECT[24]>)', 'text/plain', '', 1, 1, current_timestamp, 1, current_timestamp);

-- ticket types
INSERT INTO ticket_type (id, name, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'Unclassified', 1, 1, current_timestamp, 1, current_timestamp);

-- ticket priorities
INSERT INTO ticket_priority (id, name, valid_id, color, create_by, create_time, change_by, change_time) VALUES
    (1, '1 very low', 1, '#03c4f0ff', 1, current_timestamp, 1, current_timestamp),
    (2, '2 low', 1, '#83bfc8ff', 1, current_timestamp, 1, current_timestamp),
    (3, '3 normal', 1, '#cdcdcdff', 1, current_timestamp, 1, current_timestamp),
    (4, '4 high', 1, '#ffaaaaff', 1, current_timestamp, 1, current_timestamp),
    (5, '5 very high', 1, '#ff505eff', 1, current_timestamp, 1, current_timestamp);

-- lock types
INSERT INTO ticket_lock_type (id, name, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'unlock', 1, 1, current_timestamp, 1, current_timestamp),
    (2, 'lock', 1, 1, current_timestamp, 1, current_timestamp),
    (3, 'tmp_lock', 1, 1, current_timestamp, 1, current_timestamp);

-- ticket history types
INSERT INTO ticket_history_type (id, name, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'NewTicket', 1, 1, current_timestamp, 1, current_timestamp),
    (2, 'FollowUp', 1, 1, current_timestamp, 1, current_timestamp),
    (3, 'SendAutoReject', 1, 1, current_timestamp, 1, current_timestamp),
    (4, 'SendAutoReply', 1, 1, current_timestamp, 1, current_timestamp),
    (5, 'SendAutoFollowUp', 1, 1, current_timestamp, 1, current_timestamp),
    (6, 'Forward', 1, 1, current_timestamp, 1, current_timestamp),
    (7, 'Bounce', 1, 1, current_timestamp, 1, current_timestamp),
    (8, 'SendAnswer', 1, 1, current_timestamp, 1, current_timestamp),
    (9, 'SendAgentNotification', 1, 1, current_timestamp, 1, current_timestamp),
    (10, 'SendCustomerNotification', 1, 1, current_timestamp, 1, current_timestamp),
    (11, 'EmailAgent', 1, 1, current_timestamp, 1, current_timestamp),
    (12, 'EmailCustomer', 1, 1, current_timestamp, 1, current_timestamp),
    (13, 'PhoneCallAgent', 1, 1, current_timestamp, 1, current_timestamp),
    (14, 'PhoneCallCustomer', 1, 1, current_timestamp, 1, current_timestamp),
    (15, 'AddNote', 1, 1, current_timestamp, 1, current_timestamp),
    (16, 'Move', 1, 1, current_timestamp, 1, current_timestamp),
    (17, 'Lock', 1, 1, current_timestamp, 1, current_timestamp),
    (18, 'Unlock', 1, 1, current_timestamp, 1, current_timestamp),
    (19, 'Remove', 1, 1, current_timestamp, 1, current_timestamp),
    (20, 'TimeAccounting', 1, 1, current_timestamp, 1, current_timestamp),
    (21, 'CustomerUpdate', 1, 1, current_timestamp, 1, current_timestamp),
    (22, 'PriorityUpdate', 1, 1, current_timestamp, 1, current_timestamp),
    (23, 'OwnerUpdate', 1, 1, current_timestamp, 1, current_timestamp),
    (24, 'LoopProtection', 1, 1, current_timestamp, 1, current_timestamp),
    (25, 'Misc', 1, 1, current_timestamp, 1, current_timestamp),
    (26, 'SetPendingTime', 1, 1, current_timestamp, 1, current_timestamp),
    (27, 'StateUpdate', 1, 1, current_timestamp, 1, current_timestamp),
    (28, 'TicketDynamicFieldUpdate', 1, 1, current_timestamp, 1, current_timestamp),
    (29, 'WebRequestCustomer', 1, 1, current_timestamp, 1, current_timestamp),
    (30, 'TicketLinkAdd', 1, 1, current_timestamp, 1, current_timestamp),
    (31, 'TicketLinkDelete', 1, 1, current_timestamp, 1, current_timestamp),
    (32, 'SystemRequest', 1, 1, current_timestamp, 1, current_timestamp),
    (33, 'Merged', 1, 1, current_timestamp, 1, current_timestamp),
    (34, 'ResponsibleUpdate', 1, 1, current_timestamp, 1, current_timestamp),
    (35, 'Subscribe', 1, 1, current_timestamp, 1, current_timestamp),
    (36, 'Unsubscribe', 1, 1, current_timestamp, 1, current_timestamp),
    (37, 'TypeUpdate', 1, 1, current_timestamp, 1, current_timestamp),
    (38, 'ServiceUpdate', 1, 1, current_timestamp, 1, current_timestamp),
    (39, 'SLAUpdate', 1, 1, current_timestamp, 1, current_timestamp),
    (40, 'ArchiveFlagUpdate', 1, 1, current_timestamp, 1, current_timestamp),
    (41, 'EscalationSolutionTimeStop', 1, 1, current_timestamp, 1, current_timestamp),
    (42, 'EscalationResponseTimeStart', 1, 1, current_timestamp, 1, current_timestamp),
    (43, 'EscalationUpdateTimeStart', 1, 1, current_timestamp, 1, current_timestamp),
    (44, 'EscalationSolutionTimeStart', 1, 1, current_timestamp, 1, current_timestamp),
    (45, 'EscalationResponseTimeNotifyBefore', 1, 1, current_timestamp, 1, current_timestamp),
    (46, 'EscalationUpdateTimeNotifyBefore', 1, 1, current_timestamp, 1, current_timestamp),
    (47, 'EscalationSolutionTimeNotifyBefore', 1, 1, current_timestamp, 1, current_timestamp),
    (48, 'EscalationResponseTimeStop', 1, 1, current_timestamp, 1, current_timestamp),
    (49, 'EscalationUpdateTimeStop', 1, 1, current_timestamp, 1, current_timestamp),
    (50, 'TitleUpdate', 1, 1, current_timestamp, 1, current_timestamp),
    (51, 'EmailResend', 1, 1, current_timestamp, 1, current_timestamp),
    (52, 'Bulk', 1, 1, current_timestamp, 1, current_timestamp);

-- article sender types
INSERT INTO article_sender_type (id, name, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'agent', 1, 1, current_timestamp, 1, current_timestamp),
    (2, 'system', 1, 1, current_timestamp, 1, current_timestamp),
    (3, 'customer', 1, 1, current_timestamp, 1, current_timestamp);

-- communication channels
INSERT INTO communication_channel (id, name, module, package_name, channel_data, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 'Email', 'Kernel::System::CommunicationChannel::Email', 'Framework', '---
ArticleDataArticleIDField: article_id
ArticleDataTables:
- article_data_mime
- article_data_mime_plain
- article_data_mime_attachment
- article_data_mime_send_error
', 1, 1, current_timestamp, 1, current_timestamp),
    (2, 'Phone', 'Kernel::System::CommunicationChannel::Phone', 'Framework', '---
ArticleDataArticleIDField: article_id
ArticleDataTables:
- article_data_mime
- article_data_mime_plain
- article_data_mime_attachment
- article_data_mime_send_error
', 1, 1, current_timestamp, 1, current_timestamp),
    (3, 'Internal', 'Kernel::System::CommunicationChannel::Internal', 'Framework', '---
ArticleDataArticleIDField: article_id
ArticleDataTables:
- article_data_mime
- article_data_mime_plain
- article_data_mime_attachment
- article_data_mime_send_error
', 1, 1, current_timestamp, 1, current_timestamp),
    (4, 'Chat', 'Kernel::System::CommunicationChannel::Chat', 'Framework', '---
ArticleDataArticleIDField: article_id
ArticleDataTables:
- article_data_otrs_chat
', 1, 1, current_timestamp, 1, current_timestamp),
    (5, 'Web', 'Kernel::System::CommunicationChannel::Web', 'Framework', '---
ArticleDataArticleIDField: article_id
ArticleDataTables:
- article_data_mime
- article_data_mime_plain
- article_data_mime_attachment
- article_data_mime_send_error
', 1, 1, current_timestamp, 1, current_timestamp);

-- notification events
INSERT INTO notification_event (id, name, valid_id, comments, create_by, create_time, change_by, change_time) VALUES
    (1, 'Ticket create notification', 1, '', 1, current_timestamp, 1, current_timestamp),
    (2, 'Ticket follow-up notification (unlocked)', 1, '', 1, current_timestamp, 1, current_timestamp),
    (3, 'Ticket follow-up notification (locked)', 1, '', 1, current_timestamp, 1, current_timestamp),
    (4, 'Ticket lock timeout notification', 1, '', 1, current_timestamp, 1, current_timestamp),
    (5, 'Ticket owner update notification', 1, '', 1, current_timestamp, 1, current_timestamp),
    (6, 'Ticket responsible update notification', 1, '', 1, current_timestamp, 1, current_timestamp),
    (7, 'Ticket new note notification', 1, '', 1, current_timestamp, 1, current_timestamp),
    (8, 'Ticket queue update notification', 1, '', 1, current_timestamp, 1, current_timestamp),
    (9, 'Ticket pending reminder notification (locked)', 1, '', 1, current_timestamp, 1, current_timestamp),
    (10, 'Ticket pending reminder notification (unlocked)', 1, '', 1, current_timestamp, 1, current_timestamp),
    (11, 'Ticket escalation notification', 1, '', 1, current_timestamp, 1, current_timestamp),
    (12, 'Ticket escalation warning notification', 1, '', 1, current_timestamp, 1, current_timestamp),
    (13, 'Ticket service update notification', 1, '', 1, current_timestamp, 1, current_timestamp),
    (14, 'Appointment reminder notification', 1, '', 1, current_timestamp, 1, current_timestamp),
    (15, 'Ticket email delivery failure notification', 1, '', 1, current_timestamp, 1, current_timestamp),
    (16, 'Mention notification', 1, '', 1, current_timestamp, 1, current_timestamp);

-- notification event settings
INSERT INTO notification_event_item (notification_id, event_key, event_value) VALUES
    (1, 'VisibleForAgent', '1'),
    (1, 'VisibleForAgentTooltip', 'You will receive a notification each time a new ticket is created in one of your "My Queues" or "My Services".'),
    (1, 'Events', 'NotificationNewTicket'),
    (1, 'Recipients', 'AgentMyQueues'),
    (1, 'Recipients', 'AgentMyServices'),
    (1, 'SendOnOutOfOffice', '1'),
    (1, 'Transports', 'Email'),
    (1, 'AgentEnabledByDefault', 'Email'),
    (2, 'VisibleForAgent', '1'),
    (2, 'VisibleForAgentTooltip', 'You will receive a notification if a customer sends a follow-up to an unlocked ticket which is in your "My Queues" or "My Services".'),
    (2, 'Events', 'NotificationFollowUp'),
    (2, 'Recipients', 'AgentOwner'),
    (2, 'Recipients', 'AgentWatcher'),
    (2, 'Recipients', 'AgentMyQueues'),
    (2, 'Recipients', 'AgentMyServices'),
    (2, 'SendOnOutOfOffice', '1'),
    (2, 'LockID', '1'),
    (2, 'Transports', 'Email'),
    (2, 'AgentEnabledByDefault', 'Email'),
    (3, 'VisibleForAgent', '1'),
    (3, 'VisibleForAgentTooltip', 'You will receive a notification if a customer sends a follow-up to a locked ticket of which you are the ticket owner or responsible.'),
    (3, 'Events', 'NotificationFollowUp'),
    (3, 'Recipients', 'AgentOwner'),
    (3, 'Recipients', 'AgentResponsible'),
    (3, 'Recipients', 'AgentWatcher'),
    (3, 'SendOnOutOfOffice', '1'),
    (3, 'LockID', '2'),
    (3, 'LockID', '3'),
    (3, 'Transports', 'Email'),
    (3, 'AgentEnabledByDefault', 'Email'),
    (4, 'VisibleForAgent', '1'),
    (4, 'VisibleForAgentTooltip', 'You will receive a notification as soon as a ticket owned by you is automatically unlocked.'),
    (4, 'Events', 'NotificationLockTimeout'),
    (4, 'Recipients', 'AgentOwner'),
    (4, 'SendOnOutOfOffice', '1'),
    (4, 'Transports', 'Email'),
    (4, 'AgentEnabledByDefault', 'Email'),
    (5, 'Events', 'NotificationOwnerUpdate'),
    (5, 'Recipients', 'AgentOwner'),
    (5, 'SendOnOutOfOffice', '1'),
    (5, 'Transports', 'Email'),
    (6, 'Events', 'NotificationResponsibleUpdate'),
    (6, 'Recipients', 'AgentResponsible'),
    (6, 'SendOnOutOfOffice', '1'),
    (6, 'Transports', 'Email'),
    (7, 'Events', 'NotificationAddNote'),
    (7, 'Recipients', 'AgentOwner'),
    (7, 'Recipients', 'AgentResponsible'),
    (7, 'Recipients', 'AgentWatcher'),
    (7, 'SendOnOutOfOffice', '1'),
    (7, 'Transports', 'Email'),
    (8, 'VisibleForAgent', '1'),
    (8, 'VisibleForAgentTooltip', 'You will receive a notification if a ticket is moved into one of your "My Queues".'),
    (8, 'Events', 'NotificationMove'),
    (8, 'Recipients', 'AgentMyQueues'),
    (8, 'SendOnOutOfOffice', '1'),
    (8, 'Transports', 'Email'),
    (8, 'AgentEnabledByDefault', 'Email'),
    (9, 'Events', 'NotificationPendingReminder'),
    (9, 'Recipients', 'AgentOwner'),
    (9, 'Recipients', 'AgentResponsible'),
    (9, 'SendOnOutOfOffice', '1'),
    (9, 'OncePerDay', '1'),
    (9, 'LockID', '2'),
    (9, 'LockID', '3'),
    (9, 'Transports', 'Email'),
    (10, 'Events', 'NotificationPendingReminder'),
    (10, 'Recipients', 'AgentOwner'),
    (10, 'Recipients', 'AgentResponsible'),
    (10, 'Recipients', 'AgentMyQueues'),
    (10, 'SendOnOutOfOffice', '1'),
    (10, 'OncePerDay', '1'),
    (10, 'LockID', '1'),
    (10, 'Transports', 'Email'),
    (11, 'Events', 'NotificationEscalation'),
    (11, 'Recipients', 'AgentMyQueues'),
    (11, 'Recipients', 'AgentWritePermissions'),
    (11, 'SendOnOutOfOffice', '1'),
    (11, 'OncePerDay', '1'),
    (11, 'Transports', 'Email'),
    (12, 'Events', 'NotificationEscalationNotifyBefore'),
    (12, 'Recipients', 'AgentMyQueues'),
    (12, 'Recipients', 'AgentWritePermissions'),
    (12, 'SendOnOutOfOffice', '1'),
    (12, 'OncePerDay', '1'),
    (12, 'Transports', 'Email'),
    (13, 'VisibleForAgent', '1'),
    (13, 'VisibleForAgentTooltip', 'You will receive a notification if a ticket''s service is changed to one of your "My Services".'),
    (13, 'Events', 'NotificationServiceUpdate'),
    (13, 'Recipients', 'AgentMyServices'),
    (13, 'SendOnOutOfOffice', '1'),
    (13, 'Transports', 'Email'),
    (13, 'AgentEnabledByDefault', 'Email'),
    (14, 'VisibleForAgent', '1'),
    (14, 'VisibleForAgentTooltip', 'You will receive a notification each time a reminder time is reached for one of your appointments.'),
    (14, 'Events', 'AppointmentNotification'),
    (14, 'Recipients', 'AppointmentAgentReadPermissions'),
    (14, 'SendOnOutOfOffice', '1'),
    (14, 'Transports', 'Email'),
    (14, 'AgentEnabledByDefault', 'Email'),
    (14, 'NotificationType', 'Appointment'),
    (15, 'AgentEnabledByDefault', 'Email'),
    (15, 'ArticleAttachmentInclude', '0'),
    (15, 'ArticleCommunicationChannelID', '1'),
    (15, 'Events', 'ArticleEmailSendingError'),
    (15, 'LanguageID', 'en'),
    (15, 'RecipientGroups', '2'),
    (15, 'Recipients', 'AgentResponsible'),
    (15, 'Recipients', 'AgentOwner'),
    (15, 'Transports', 'Email'),
    (15, 'VisibleForAgent', '0'),
    (16, 'AgentEnabledByDefault', 'Email'),
    (16, 'ArticleAttachmentInclude', '0'),
    (16, 'Events', 'UserMention'),
    (16, 'LanguageID', 'en'),
    (16, 'Transports', 'Email'),
    (16, 'VisibleForAgent', '1');

-- notification texts (English only)
INSERT INTO notification_event_message (id, notification_id, content_type, language, subject, text) VALUES
    (1, 1, 'text/plain', 'en', 'Ticket Created: <OTRS_TICKET_Title>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

ticket [<OTRS_CONFIG_Ticket::Hook><OTRS_CONFIG_Ticket::HookDivider><OTRS_TICKET_TicketNumber>] has been created in queue <OTRS_TICKET_Queue>.

<OTRS_CUSTOMER_REALNAME> wrote:
<OTRS_CUSTOMER_BODY[30]>

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>

-- <OTRS_CONFIG_NotificationSenderName>'),
    (2, 2, 'text/plain', 'en', 'Unlocked Ticket Follow-Up: <OTRS_CUSTOMER_SUBJECT[24]>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

the unlocked ticket [<OTRS_CONFIG_Ticket::Hook><OTRS_CONFIG_Ticket::HookDivider><OTRS_TICKET_TicketNumber>] received a follow-up.

<OTRS_CUSTOMER_REALNAME> wrote:
<OTRS_CUSTOMER_BODY[30]>

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>

-- <OTRS_CONFIG_NotificationSenderName>'),
    (3, 3, 'text/plain', 'en', 'Locked Ticket Follow-Up: <OTRS_CUSTOMER_SUBJECT[24]>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

the locked ticket [<OTRS_CONFIG_Ticket::Hook><OTRS_CONFIG_Ticket::HookDivider><OTRS_TICKET_TicketNumber>] received a follow-up.

<OTRS_CUSTOMER_REALNAME> wrote:
<OTRS_CUSTOMER_BODY[30]>

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>

-- <OTRS_CONFIG_NotificationSenderName>'),
    (4, 4, 'text/plain', 'en', 'Ticket Lock Timeout: <OTRS_TICKET_Title>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

ticket [<OTRS_CONFIG_Ticket::Hook><OTRS_CONFIG_Ticket::HookDivider><OTRS_TICKET_TicketNumber>] has reached its lock timeout period and is now unlocked.

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>

-- <OTRS_CONFIG_NotificationSenderName>'),
    (5, 5, 'text/plain', 'en', 'Ticket Owner Update to <OTRS_OWNER_UserFullname>: <OTRS_TICKET_Title>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

the owner of ticket [<OTRS_CONFIG_Ticket::Hook><OTRS_CONFIG_Ticket::HookDivider><OTRS_TICKET_TicketNumber>] has been updated to <OTRS_TICKET_OWNER_UserFullname> by <OTRS_CURRENT_UserFullname>.

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>

-- <OTRS_CONFIG_NotificationSenderName>'),
    (6, 6, 'text/plain', 'en', 'Ticket Responsible Update to <OTRS_RESPONSIBLE_UserFullname>: <OTRS_TICKET_Title>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

the responsible agent of ticket [<OTRS_CONFIG_Ticket::Hook><OTRS_CONFIG_Ticket::HookDivider><OTRS_TICKET_TicketNumber>] has been updated to <OTRS_TICKET_RESPONSIBLE_UserFullname> by <OTRS_CURRENT_UserFullname>.

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>

-- <OTRS_CONFIG_NotificationSenderName>'),
    (7, 7, 'text/plain', 'en', 'Ticket Note: <OTRS_AGENT_SUBJECT[24]>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

<OTRS_CURRENT_UserFullname> wrote:
<OTRS_AGENT_BODY[30]>

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>

-- <OTRS_CONFIG_NotificationSenderName>'),
    (8, 8, 'text/plain', 'en', 'Ticket Queue Update to <OTRS_TICKET_Queue>: <OTRS_TICKET_Title>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

ticket [<OTRS_CONFIG_Ticket::Hook><OTRS_CONFIG_Ticket::HookDivider><OTRS_TICKET_TicketNumber>] has been updated to queue <OTRS_TICKET_Queue>.

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>

-- <OTRS_CONFIG_NotificationSenderName>'),
    (9, 9, 'text/plain', 'en', 'Locked Ticket Pending Reminder Time Reached: <OTRS_TICKET_Title>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

the pending reminder time of the locked ticket [<OTRS_CONFIG_Ticket::Hook><OTRS_CONFIG_Ticket::HookDivider><OTRS_TICKET_TicketNumber>] has been reached.

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>

-- <OTRS_CONFIG_NotificationSenderName>'),
    (10, 10, 'text/plain', 'en', 'Unlocked Ticket Pending Reminder Time Reached: <OTRS_TICKET_Title>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

the pending reminder time of the unlocked ticket [<OTRS_CONFIG_Ticket::Hook><OTRS_CONFIG_Ticket::HookDivider><OTRS_TICKET_TicketNumber>] has been reached.

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>

-- <OTRS_CONFIG_NotificationSenderName>'),
    (11, 11, 'text/plain', 'en', 'Ticket Escalation! <OTRS_TICKET_Title>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

ticket [<OTRS_CONFIG_Ticket::Hook><OTRS_CONFIG_Ticket::HookDivider><OTRS_TICKET_TicketNumber>] is escalated!

Escalated at: <OTRS_TICKET_EscalationDestinationDate>
Escalated since: <OTRS_TICKET_EscalationDestinationIn>

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>

-- <OTRS_CONFIG_NotificationSenderName>'),
    (12, 12, 'text/plain', 'en', 'Ticket Escalation Warning! <OTRS_TICKET_Title>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

ticket [<OTRS_CONFIG_Ticket::Hook><OTRS_CONFIG_Ticket::HookDivider><OTRS_TICKET_TicketNumber>] will escalate!

Escalation at: <OTRS_TICKET_EscalationDestinationDate>
Escalation in: <OTRS_TICKET_EscalationDestinationIn>

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>


-- <OTRS_CONFIG_NotificationSenderName>'),
    (13, 13, 'text/plain', 'en', 'Ticket Service Update to <OTRS_TICKET_Service>: <OTRS_TICKET_Title>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

the service of ticket [<OTRS_CONFIG_Ticket::Hook><OTRS_CONFIG_Ticket::HookDivider><OTRS_TICKET_TicketNumber>] has been updated to <OTRS_TICKET_Service>.

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>

-- <OTRS_CONFIG_NotificationSenderName>'),
    (14, 14, 'text/html', 'en', 'Reminder: <OTRS_APPOINTMENT_TITLE>', '<p>Hi &lt;OTRS_NOTIFICATION_RECIPIENT_UserFirstname&gt;,</p>
<p></p>
<p>appointment &quot;&lt;OTRS_APPOINTMENT_TITLE&gt;&quot; has reached its notification time.</p>
<p></p>
<p>Description: &lt;OTRS_APPOINTMENT_DESCRIPTION&gt;</p>
<p>Location: &lt;OTRS_APPOINTMENT_LOCATION&gt;</p>
<p>Calendar: <span style="color: &lt;OTRS_CALENDAR_COLOR&gt;;">■</span> &lt;OTRS_CALENDAR_CALENDARNAME&gt;</p>
<p>Start date: &lt;OTRS_APPOINTMENT_STARTTIME&gt;</p>
<p>End date: &lt;OTRS_APPOINTMENT_ENDTIME&gt;</p>
<p>All-day: &lt;OTRS_APPOINTMENT_ALLDAY&gt;</p>
<p>Repeat: &lt;OTRS_APPOINTMENT_RECURRING&gt;</p>
<p></p>
<p><a href="&lt;OTRS_CONFIG_HttpType&gt;://&lt;OTRS_CONFIG_FQDN&gt;/&lt;OTRS_CONFIG_ScriptAlias&gt;index.pl?Action=AgentAppointmentCalendarOverview;AppointmentID=&lt;OTRS_APPOINTMENT_APPOINTMENTID&gt;" title="&lt;OTRS_CONFIG_HttpType&gt;://&lt;OTRS_CONFIG_FQDN&gt;/&lt;OTRS_CONFIG_ScriptAlias&gt;index.pl?Action=AgentAppointmentCalendarOverview;AppointmentID=&lt;OTRS_APPOINTMENT_APPOINTMENTID&gt;">&lt;OTRS_CONFIG_HttpType&gt;://&lt;OTRS_CONFIG_FQDN&gt;/&lt;OTRS_CONFIG_ScriptAlias&gt;index.pl?Action=AgentAppointmentCalendarOverview;AppointmentID=&lt;OTRS_APPOINTMENT_APPOINTMENTID&gt;</a></p>
<p></p>
<p>-- &lt;OTRS_CONFIG_NotificationSenderName&gt;</p>'),
    (15, 15, 'text/plain', 'en', 'Email Delivery Failure', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

Please note, that the delivery of an email article of [<OTRS_CONFIG_Ticket::Hook><OTRS_CONFIG_Ticket::HookDivider><OTRS_TICKET_TicketNumber>] has failed. Please check the email address of your recipient for mistakes and try again. You can manually resend the article from the ticket if required.

Error Message:
<OTRS_AGENT_TransmissionStatusMessage>

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>;ArticleID=<OTRS_TICKET_LAST_ARTICLE_ID>

-- <OTRS_CONFIG_NotificationSenderName>'),
    (16, 16, 'text/plain', 'en', 'Mention in ticket: <OTRS_TICKET_Title>', 'Hi <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>,

you have been mentioned in ticket <OTRS_TICKET_NUMBER>.
<OTRS_AGENT_BODY[5]>

<OTRS_CONFIG_HttpType>://<OTRS_CONFIG_FQDN>/<OTRS_CONFIG_ScriptAlias>index.pl?Action=AgentTicketZoom;TicketID=<OTRS_TICKET_TicketID>

-- <OTRS_CONFIG_NotificationSenderName>');

-- internal process fields and ticket calendar fields
INSERT INTO dynamic_field (id, internal_field, name, label, field_order, field_type, object_type, config, valid_id, create_by, create_time, change_by, change_time) VALUES
    (1, 1, 'ProcessManagementProcessID', 'Process', 1, 'ProcessID', 'Ticket', '---
DefaultValue: ''''
', 1, 1, current_timestamp, 1, current_timestamp),
    (2, 1, 'ProcessManagementActivityID', 'Activity', 1, 'ActivityID', 'Ticket', '---
DefaultValue: ''''
', 1, 1, current_timestamp, 1, current_timestamp),
    (3, 1, 'ProcessManagementAttachment', 'Attachment', 1, 'TextArea', 'Ticket', '---
DefaultValue: ''''
', 1, 1, current_timestamp, 1, current_timestamp),
    (4, 0, 'TicketCalendarStartTime', 'Ticket Calendar StartTime', 1, 'DateTime', 'Ticket', '---
DefaultValue: 0,
YearsInFuture: 0,
YearsInPast: 0,
YearsPeriod: 0,
', 1, 1, current_timestamp, 1, current_timestamp),
    (5, 0, 'TicketCalendarEndTime', 'Ticket Calendar EndTime', 1, 'DateTime', 'Ticket', '---
DefaultValue: 0,
YearsInFuture: 0,
YearsInPast: 0,
YearsPeriod: 0,
', 1, 1, current_timestamp, 1, current_timestamp);

-- AUTO_INCREMENT continues after the highest explicit id by itself.
