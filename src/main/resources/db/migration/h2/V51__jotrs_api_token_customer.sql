-- Customer users' personal API tokens (issue 16): a token belongs to an agent (user_id) or to a
-- customer user (customer_login, customer_user.login), never both.
ALTER TABLE jotrs_api_token ALTER COLUMN user_id SET NULL;
ALTER TABLE jotrs_api_token ADD COLUMN customer_login VARCHAR(200);
CREATE INDEX jotrs_api_token_customer ON jotrs_api_token (customer_login);
