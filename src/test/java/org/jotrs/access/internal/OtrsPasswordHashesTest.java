package org.jotrs.access.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vectors were produced with the Perl modules OTRS itself uses (Perl 5.36, Debian 12): Digest::SHA 6.02,
 * Crypt::PasswdMD5 1.42 (unix_md5_crypt, apache_md5_crypt), Crypt::Eksblowfish 0.009
 * (bcrypt_hash({key_nul => 1, cost, salt}) + en_base64) and Perl's crypt() on libxcrypt 4.4.33, always on the
 * UTF-8 octets of the password as OTRS's EncodeOutput hands them over.
 */
class OtrsPasswordHashesTest {

    private static final String UMLAUTS = "p\u00e4ssw\u00f6rd"; // pässwörd, 10 UTF-8 octets

    private final OtrsPasswordHashes hashes = new OtrsPasswordHashes();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sha256 (OTRS default sha2)       | secret                         | 2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b
            sha256 non-ASCII                 | p\u00e4ssw\u00f6rd             | 46970bef70aced8123f0d5d094717e2a5cd412041e03b26376049fe65b2834a4
            sha512                           | secret                         | bd2b1aaf7ef4f09be9f52ce2d8d599674d81aa9d6a4421696dc4d93dd0619d682ce56b4d64a9ef097761ced99e0f67265b5f76085e5b0ee7ca4696b2ad6fe2b2
            sha512 non-ASCII                 | p\u00e4ssw\u00f6rd             | 72c7fe1bd33b785746a9c94f9b80d2591cd38f3c13c8aa43f7537f32a2a8c5f9b5d1cee16b69f0212e0e39a94d83f57bcf3a26bae776007cebb01f0d6311273e
            sha1                             | secret                         | e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4
            sha1 non-ASCII                   | p\u00e4ssw\u00f6rd             | f517ddf1d32a112ff1ad55c66d1b12cb38e7e8f7
            unix_md5_crypt                   | secret                         | $1$abcdefgh$cHJi5PXp/ki/ktXzqlk6I1
            unix_md5_crypt non-ASCII         | p\u00e4ssw\u00f6rd             | $1$abcdefgh$xYuxUFvxUOR4Pd6a7EeUS0
            unix_md5_crypt login salt        | secret                         | $1$max@exam$hPclhtTN3wPdWHlMCCQu//
            unix_md5_crypt non-ASCII salt    | p\u00e4ssw\u00f6rd             | $1$j\u00fcrgen$U3gMEcwr9.yVv0DZK50/7.
            apache_md5_crypt                 | secret                         | $apr1$abcdefgh$h9FWgUz3n9YxylKLlR5SQ/
            apache_md5_crypt non-ASCII       | p\u00e4ssw\u00f6rd             | $apr1$abcdefgh$030j6I3f1zNCF9tihqdd11
            apache_md5_crypt login salt      | secret                         | $apr1$max@exam$F3HbJ1F4zjtvK26NtG4Ms1
            apache_md5_crypt non-ASCII salt  | secret                         | $apr1$j\u00fcrgen$Cz3aGWVcOXiKKgqoESYdx.
            crypt                            | secret                         | abNANd1rDfiNc
            crypt non-ASCII                  | p\u00e4ssw\u00f6rd             | abzp3RXJm5gNA
            crypt login salt                 | secret                         | roO14RlBGPIzs
            crypt uses 8 octets              | secretpassword                 | abSsy3GvmHpeQ
            crypt uses 8 octets (prefix)     | secretpa                       | abSsy3GvmHpeQ
            bigcrypt (crypt with long login) | p\u00e4ssw\u00f6rd             | rotLPKdTMuxosS/bPAeMh47o
            bigcrypt 4 blocks                | correct horse battery staple   | mabYsnkWFBU3cSORKehXqS8wHTeC4.ozkZc4LguAvO/VVk
            bcrypt cost 4                    | secret                         | BCRYPT:4:mHLOx7psWjMe5Pj7:LzMKpYSFJy3.3f58d3mykP/ikY6Y5KC
            bcrypt cost 12                   | secret                         | BCRYPT:12:mHLOx7psWjMe5Pj7:duNJwXCWwIrUXDbDguw2KfTsL44X3QC
            bcrypt non-ASCII cost 4          | p\u00e4ssw\u00f6rd             | BCRYPT:4:mHLOx7psWjMe5Pj7:TKB/NGvqQA5yca5EDXFoDd/jMZTYuyy
            bcrypt non-ASCII cost 12         | p\u00e4ssw\u00f6rd             | BCRYPT:12:mHLOx7psWjMe5Pj7:ukvPMNXqj/Rndh9Af2Mlwo7oIEEOWBq
            """)
    void verifiesPerlVectorsAndRejectsWrongPasswords(String format, String password, String stored) {
        assertThat(hashes.verify(password, stored)).as(format).isTrue();
        // changed at the front: DES crypt only reads 8 octets
        assertThat(hashes.verify("X" + password, stored)).as(format + " with a wrong password").isFalse();
        assertThat(hashes.verify("Secret", stored)).as(format + " with a wrong password").isFalse();
        assertThat(hashes.needsRehash(stored)).as(format).isEqualTo(!stored.startsWith("BCRYPT:12:"));
    }

    @Test
    void usesUtf8OctetsNotLatin1() {
        // the same password hashed as ISO-8859-1 octets by a non-OTRS tool must not match
        assertThat(hashes.verify("p\u00c3\u00a4ssw\u00c3\u00b6rd",
                "46970bef70aced8123f0d5d094717e2a5cd412041e03b26376049fe65b2834a4")).isFalse();
        assertThat(hashes.verify(UMLAUTS, "46970bef70aced8123f0d5d094717e2a5cd412041e03b26376049fe65b2834a4")).isTrue();
    }

    @Test
    void bcryptCutsAtSeventyTwoOctetsIncludingTheNul() {
        String a71 = "a".repeat(71);
        String a72 = "a".repeat(72);
        String a80 = "a".repeat(80);
        String h71 = "BCRYPT:4:mHLOx7psWjMe5Pj7:Of/DlFsA67GU6JVnn.6dP.P7GcC4b/O";
        String h72 = "BCRYPT:4:mHLOx7psWjMe5Pj7:9mk3Q3nFR37xtW6LsVzbVtksHnu7RUC"; // Perl gives the same for a80

        assertThat(hashes.verify(a71, h71)).isTrue();
        assertThat(hashes.verify(a72, h71)).isFalse();
        assertThat(hashes.verify(a72, h72)).isTrue();
        assertThat(hashes.verify(a80, h72)).isTrue();
        assertThat(hashes.verify(a71, h72)).isFalse();
    }

    @Test
    void bigcryptStopsAfterSixteenBlocks() {
        String stored = "maBzbdHgrB3IM9V0GSjk232AmpkARMXYAOcQ8EAXUhKZms2lGNyoDrfGkzswgFNsXj/ALLFN/NFCwA6qu8kZA93DCoeZuJTQ"
                + "KH1rQf1ZqUntelOUvvUmgRu0qJkWJB6hHEFEGsshZ2H7ODuPc9X2jGYVqC82rfnJfexHVD2G/lUXXqFo6o";

        assertThat(hashes.verify("x".repeat(128), stored)).isTrue();
        assertThat(hashes.verify("x".repeat(132), stored)).isTrue(); // Perl/libxcrypt: same value
        assertThat(hashes.verify("x".repeat(127), stored)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            md5 hex: OTRS has no such format    | 5ebe2294ecd0e0f08eab7690d2a6ee69
            upper-case sha256 hex: OTRS compares lower-case | 2BB80D537B1DA3E38BD30361AA855686BDE0EACD7162FEF6A25FE97BF527A25B
            standard $2a$ bcrypt: OTRS treats $..$..$ as md5-crypt | $2a$04$ZSfKR1e1aFLVYizjLT/oLuLzMKpYSFJy3.3f58d3mykP/ikY6Y5KC
            plain text: only with CryptType plain | secret
            libxcrypt failure token              | *0
            BCRYPT with a short salt             | BCRYPT:4:mHLOx7psWjMe5Pj:LzMKpYSFJy3.3f58d3mykP/ikY6Y5KC
            """)
    void formatsOtrsNeverAccepts(String why, String stored) {
        assertThat(hashes.verify("secret", stored)).as(why).isFalse();
        assertThat(hashes.needsRehash(stored)).as(why).isTrue();
    }

    @Test
    void plainTextOnlyThroughVerifyPlain() {
        assertThat(hashes.verifyPlain("secret", "secret")).isTrue();
        assertThat(hashes.verifyPlain(UMLAUTS, UMLAUTS)).isTrue();
        assertThat(hashes.verifyPlain("secret", "Secret")).isFalse();
        assertThat(hashes.verifyPlain("", "")).isFalse();
        assertThat(hashes.verifyPlain("secret", null)).isFalse();
    }

    @Test
    void emptyPasswordsAndEmptyStoredValuesNeverVerify() {
        // sha256("") and sha256("0"): OTRS refuses Perl-false passwords before comparing
        assertThat(hashes.verify("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")).isFalse();
        assertThat(hashes.verify("0", "5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9")).isFalse();
        assertThat(hashes.verify(null, "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b")).isFalse();
        assertThat(hashes.verify("secret", "")).isFalse();
        assertThat(hashes.verify("secret", null)).isFalse();
        assertThat(hashes.verify("", "")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "p\u00e4ssw\u00f6rd", "a long passphrase that goes well beyond the seventy-two octets bcrypt reads"})
    void hashWritesOtrsBcryptThatVerifies(String password) {
        String stored = hashes.hash(password);

        assertThat(stored).matches("BCRYPT:12:[0-9A-Za-z]{16}:[./A-Za-z0-9]{31}");
        assertThat(hashes.verify(password, stored)).isTrue();
        assertThat(hashes.verify(password + "!", stored)).isEqualTo(password.getBytes(UTF_8).length >= 72);
        assertThat(hashes.verify("wrong", stored)).isFalse();
        assertThat(hashes.needsRehash(stored)).isFalse();
        assertThat(hashes.hash(password)).isNotEqualTo(stored);
    }

    @Test
    void hashRefusesEmptyPasswords() {
        assertThatThrownBy(() -> hashes.hash("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hashes.hash(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            null, true
            secret, true
            BCRYPT:9:mHLOx7psWjMe5Pj7:LzMKpYSFJy3.3f58d3mykP/ikY6Y5KC, true
            BCRYPT:11:mHLOx7psWjMe5Pj7:LzMKpYSFJy3.3f58d3mykP/ikY6Y5KC, true
            BCRYPT:12:mHLOx7psWjMe5Pj7:LzMKpYSFJy3.3f58d3mykP/ikY6Y5KC, false
            BCRYPT:013:mHLOx7psWjMe5Pj7:LzMKpYSFJy3.3f58d3mykP/ikY6Y5KC, false
            BCRYPT:31:mHLOx7psWjMe5Pj7:LzMKpYSFJy3.3f58d3mykP/ikY6Y5KC, false
            BCRYPT:32:mHLOx7psWjMe5Pj7:LzMKpYSFJy3.3f58d3mykP/ikY6Y5KC, true
            """)
    void needsRehashOnlySparesStrongOtrsBcrypt(String stored, boolean expected) {
        assertThat(hashes.needsRehash(stored)).isEqualTo(expected);
    }
}
