package org.jotrs.platform.internal;

import static org.jotrs.platform.db.schema.Tables.SYSCONFIG_DEFAULT;
import static org.jotrs.platform.db.schema.Tables.SYSCONFIG_MODIFIED;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.internal.OtrsCacheCheck.SysconfigValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On a database adopted from OTRS, warns at start-up (one log line per problem, with the setting
 * to change) when an OTRS sharing it would serve stale tickets from its disk cache; see
 * {@link OtrsCacheCheck}. Never stops the start: Jotrs itself is not affected.
 */
@Component
class OtrsCacheStartupCheck {

    private static final Logger log = LoggerFactory.getLogger(OtrsCacheStartupCheck.class);
    static final String SETTING = "Cache::InBackend";

    private final DSLContext db;
    private final DatabaseSchema schema;
    private final OtrsProperties otrs;

    OtrsCacheStartupCheck(DSLContext db, DatabaseSchema schema, OtrsProperties otrs) {
        this.db = db;
        this.schema = schema;
        this.otrs = otrs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        if (!schema.adoptedFromOtrs()) {
            return;
        }
        List<String> warnings = OtrsCacheCheck.warnings(inBackend(),
                Optional.ofNullable(otrs.home()).filter(home -> !home.toString().isBlank()));
        warnings.forEach(warning -> log.warn("OTRS side by side: {}", warning));
        if (warnings.isEmpty()) {
            log.info("OTRS reads tickets and articles through its cache ({} = 0): fit to share the database", SETTING);
        }
    }

    /** The setting as OTRS's system configuration has it: an administrator's valid value first, else the default. */
    SysconfigValue inBackend() {
        try {
            Optional<String> modified = db.select(SYSCONFIG_MODIFIED.EFFECTIVE_VALUE).from(SYSCONFIG_MODIFIED)
                    .where(SYSCONFIG_MODIFIED.NAME.eq(SETTING))
                    .and(SYSCONFIG_MODIFIED.IS_VALID.eq((short) 1))
                    .and(SYSCONFIG_MODIFIED.USER_ID.isNull())
                    .orderBy(SYSCONFIG_MODIFIED.ID.desc())
                    .limit(1)
                    .fetchOptional(SYSCONFIG_MODIFIED.EFFECTIVE_VALUE);
            if (modified.isPresent()) {
                return new OtrsCacheCheck.Found(modified.get());
            }
            return db.select(SYSCONFIG_DEFAULT.EFFECTIVE_VALUE, SYSCONFIG_DEFAULT.IS_VALID).from(SYSCONFIG_DEFAULT)
                    .where(SYSCONFIG_DEFAULT.NAME.eq(SETTING))
                    .fetchOptional()
                    .filter(row -> row.value2() != null && row.value2() == 1)
                    .<SysconfigValue>map(row -> new OtrsCacheCheck.Found(row.value1()))
                    .orElse(new OtrsCacheCheck.Absent());
        } catch (DataAccessException e) {
            return new OtrsCacheCheck.Unreadable(e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
