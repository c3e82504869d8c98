-- Saved searches: an agent's named search (the search page's parameters: query, filters, sort),
-- shown in the navigation as a personal view; optionally shared with the agents who may read a group.
CREATE TABLE jotrs_saved_search (
    id BIGINT NOT NULL AUTO_INCREMENT,
    user_id INTEGER NOT NULL,
    name VARCHAR(100) NOT NULL,
    parameters VARCHAR(4000) NOT NULL,
    shared_group_id INTEGER,
    create_time DATETIME NOT NULL,
    change_time DATETIME NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX jotrs_saved_search_user ON jotrs_saved_search (user_id);
CREATE INDEX jotrs_saved_search_group ON jotrs_saved_search (shared_group_id);
