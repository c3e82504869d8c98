package org.jotrs.access.internal;

import org.jotrs.access.PasswordHashing;
import org.springframework.stereotype.Component;

/** The module's public face of {@link OtrsPasswordHashes}, for modules that store passwords of their own (customers). */
@Component
class OtrsPasswordHashing implements PasswordHashing {

    private final OtrsPasswordHashes hashes;

    private final PasswordUpgrades upgrades;

    OtrsPasswordHashing(OtrsPasswordHashes hashes, PasswordUpgrades upgrades) {
        this.hashes = hashes;
        this.upgrades = upgrades;
    }

    @Override
    public boolean shouldUpgrade(String storedHash) {
        return hashes.needsRehash(storedHash) && upgrades.enabled();
    }

    @Override
    public String hash(String rawPassword) {
        return hashes.hash(rawPassword);
    }

    @Override
    public boolean verify(String rawPassword, String storedHash) {
        return hashes.verify(rawPassword, storedHash);
    }
}
