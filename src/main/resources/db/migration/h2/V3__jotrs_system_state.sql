-- Jotrs's own tables start here; every one is prefixed jotrs_ and no OTRS table is altered.
-- jotrs_system_state: installation-wide facts Jotrs must remember across restarts and nodes.
CREATE TABLE jotrs_system_state (
    name VARCHAR(100) NOT NULL,
    state_value VARCHAR(250) NOT NULL,
    change_time TIMESTAMP(0) NOT NULL,
    PRIMARY KEY (name)
);

-- A fresh install leaves root@localhost with an empty (never verifying) password; the first start
-- generates one and shows it once. An adopted OTRS database keeps its own root password.
INSERT INTO jotrs_system_state (name, state_value, change_time)
SELECT 'admin-password', 'pending', CURRENT_TIMESTAMP FROM users WHERE login = 'root@localhost' AND pw = '';
