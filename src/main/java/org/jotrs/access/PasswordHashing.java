package org.jotrs.access;

/**
 * Password hashes in the forms OTRS and Znuny read, for every table that stores them
 * ({@code users.pw}, {@code customer_user.pw}). New hashes are OTRS's {@code BCRYPT:cost:salt:hash},
 * so an OTRS installation sharing the database keeps accepting the passwords Jotrs sets.
 */
public interface PasswordHashing {

    /**
     * A new hash of the password for a {@code pw} column.
     *
     * @param rawPassword the password as typed, not empty
     */
    String hash(String rawPassword);

    /** Whether the password matches a stored value in any OTRS hash format. */
    boolean verify(String rawPassword, String storedHash);

    /**
     * Whether a stored hash that just verified should be replaced by a new {@link #hash}: it is in
     * a weak OTRS format and the runtime setting {@code access.password.upgrade-to-bcrypt} allows
     * upgrades on this database (the rule agents' sign-ins follow).
     */
    boolean shouldUpgrade(String storedHash);
}
