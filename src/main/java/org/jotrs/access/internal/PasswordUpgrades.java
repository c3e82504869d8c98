package org.jotrs.access.internal;

import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.Setting;
import org.jotrs.platform.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Whether a weak OTRS password hash is replaced by OTRS's bcrypt form when its agent signs in.
 * OTRS verifies {@code BCRYPT:} hashes only where Perl's Crypt::Eksblowfish is installed; an OTRS
 * without it refuses an agent whose hash Jotrs upgraded. So on a database Jotrs adopted from OTRS
 * (where OTRS may still run side by side) hashes stay as they are unless an administrator says
 * that OTRS can verify bcrypt; on a database Jotrs installed they are upgraded.
 */
@Component
class PasswordUpgrades {

    static final String KEY = "access.password.upgrade-to-bcrypt";
    static final String AUTO = "auto";
    static final String YES = "yes";
    static final String NO = "no";

    private final Settings settings;
    private final DatabaseSchema schema;

    PasswordUpgrades(Settings settings, DatabaseSchema schema) {
        this.settings = settings;
        this.schema = schema;
    }

    @Bean
    static Setting upgradeToBcryptSetting() {
        return new Setting(KEY, "Security", "Upgrade weak password hashes to bcrypt",
                "Rewrites an agent's weak OTRS password hash (sha2, md5, crypt …) as OTRS's BCRYPT form when "
                        + "they sign in. yes: always; no: never; auto: only on a database Jotrs installed, not on "
                        + "one adopted from OTRS. Choose yes on an adopted database only when every OTRS that "
                        + "still uses it has Crypt::Eksblowfish (bin/otrs.CheckModules.pl lists it): without it "
                        + "OTRS refuses the upgraded agents.",
                new Setting.Choice(java.util.List.of(AUTO, YES, NO)));
    }

    /** Whether to upgrade hashes now, as the setting and the database's origin decide. */
    boolean enabled() {
        return switch (settings.text(KEY)) {
            case YES -> true;
            case NO -> false;
            default -> !schema.adoptedFromOtrs();
        };
    }
}
