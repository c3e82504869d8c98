-- Runtime settings (platform.Settings): the values administrators changed while Jotrs runs.
-- A row exists once a setting was changed; a NULL value means "back to the default from
-- application.yml". version counts changes, so two administrators cannot overwrite each other
-- unseen. OTRS keeps its own system configuration in sysconfig_*; this table is additive.
CREATE TABLE jotrs_setting (
    setting_key VARCHAR(200) NOT NULL,
    setting_value VARCHAR(3800) NULL,
    version BIGINT NOT NULL,
    change_time TIMESTAMP(0) NOT NULL,
    change_by INTEGER NOT NULL,
    PRIMARY KEY (setting_key)
);
