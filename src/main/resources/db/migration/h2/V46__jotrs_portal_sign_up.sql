-- Self-registration: the name a customer signs up with waits beside the mailed token until the
-- address is confirmed; only then is the customer_user row written. Empty for password resets.
ALTER TABLE jotrs_portal_token ADD COLUMN first_name VARCHAR(100);
ALTER TABLE jotrs_portal_token ADD COLUMN last_name VARCHAR(100);
