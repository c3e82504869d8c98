-- Cluster-wide rate limits (platform.RateLimits), shared by every node and kept over restarts: one row
-- per limited key, holding when (epoch milliseconds) its allowance is whole again. A request takes one
-- share by a single conditional UPDATE, so two nodes cannot both take the last one. A row whose time
-- has passed means a whole allowance; the cleanup job deletes it. The key is the limit's name and the
-- SHA-256 of what is limited (a login, a mail address, a client address), never the value itself.
CREATE TABLE jotrs_rate_limit (
    limit_key VARCHAR(100) NOT NULL,
    full_at BIGINT NOT NULL,
    PRIMARY KEY (limit_key)
);
CREATE INDEX jotrs_rate_limit_full_at ON jotrs_rate_limit (full_at);
