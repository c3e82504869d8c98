-- Personal API tokens for /api/v1: only the SHA-256 of the token is stored (tokens are 256-bit
-- random, so no salt or slow hash is needed), with a short prefix to recognise it in lists.
-- A revoked token keeps its row, so a client using it is told it was revoked.
CREATE TABLE jotrs_api_token (
    id BIGINT NOT NULL AUTO_INCREMENT,
    user_id INTEGER NOT NULL,
    name VARCHAR(100) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    token_prefix VARCHAR(16) NOT NULL,
    scope VARCHAR(10) NOT NULL,
    expires_at DATETIME,
    last_used DATETIME,
    revoked_at DATETIME,
    revoked_by INTEGER,
    create_time DATETIME NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE UNIQUE INDEX jotrs_api_token_hash ON jotrs_api_token (token_hash);
CREATE INDEX jotrs_api_token_user ON jotrs_api_token (user_id);
