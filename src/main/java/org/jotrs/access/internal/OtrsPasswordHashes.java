package org.jotrs.access.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.UnixCrypt;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Password hashes in the forms OTRS 6 / Znuny keep in {@code users.pw} and {@code customer_user.pw}.
 *
 * <p>Verification follows {@code Kernel::System::Auth::DB::Auth} and {@code Kernel::System::CustomerAuth::DB::Auth}
 * with the default {@code AuthModule::DB::CryptType} (anything but {@code plain}): the stored value's shape picks the
 * algorithm, in OTRS's order. New hashes use OTRS's own bcrypt form from {@code Kernel::System::User::SetPassword}, so
 * an OTRS installation sharing the database keeps accepting them. Passwords are hashed as UTF-8 octets, as OTRS does
 * after {@code EncodeOutput}. Instances are thread-safe.
 */
public final class OtrsPasswordHashes {

    /** Cost of new hashes: OTRS's default {@code AuthModule::DB::bcryptCost}. */
    public static final int BCRYPT_COST = 12;

    // Perl's "." and "$" only know "\n" as a line end; UNIX_LINES gives Java the same view.
    private static final Pattern THIRTEEN_CHARS = Pattern.compile("^.{13}$", Pattern.UNIX_LINES);
    private static final Pattern MODULAR_CRYPT_SALT = Pattern.compile("^\\$\\d\\$");
    private static final Pattern DOLLAR_FORM = Pattern.compile("\\A\\$.+?\\$.+?\\$.*\\z", Pattern.DOTALL);
    private static final Pattern DOLLAR_FORM_SALT = Pattern.compile("^(\\$.+?\\$)(.+?)\\$.*$", Pattern.UNIX_LINES);
    private static final Pattern UP_TO_LAST_DOLLAR = Pattern.compile("^(.*)\\$.*$", Pattern.UNIX_LINES);
    private static final Pattern SHA256_HEX = Pattern.compile("\\A[0-9a-f]{64}\\z", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHA512_HEX = Pattern.compile("\\A[0-9a-f]{128}\\z", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHA1_HEX = Pattern.compile("\\A[0-9a-f]{40}\\z", Pattern.CASE_INSENSITIVE);
    private static final Pattern BCRYPT_FIELDS =
            Pattern.compile("^BCRYPT:(\\d+):(.{16}):(.*)$", Pattern.MULTILINE | Pattern.DOTALL | Pattern.UNIX_LINES);
    private static final Pattern BIGCRYPT = Pattern.compile("[./0-9A-Za-z]{13}(?:[./0-9A-Za-z]{11}){1,15}");

    private static final String CRYPT_ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    // Kernel::System::Main::GenerateRandomString's default dictionary, which SetPassword uses for the bcrypt salt.
    private static final String SALT_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String APR1_MAGIC = "$apr1$";
    private static final String MD5_MAGIC = "$1$";

    private final SecureRandom random = new SecureRandom();

    /**
     * Checks a password against a stored OTRS hash the way OTRS's database auth does with its default configuration.
     *
     * <p>Formats, in OTRS's order: a 13-character value is DES {@code crypt}; otherwise {@code $magic$salt$...} is
     * md5-crypt ({@code $apr1$} Apache's variant, every other magic unix md5-crypt), 64/128 hex digits are SHA-256/512,
     * {@code BCRYPT:cost:salt:hash} is OTRS's bcrypt, 40 hex digits are SHA-1. Anything else OTRS hands to
     * {@code crypt(password, login)}, which can only reproduce libxcrypt's long "bigcrypt" DES form; other values
     * (including plain text) never verify. Use {@link #verifyPlain} for installations running
     * {@code CryptType => 'plain'}.
     *
     * @param rawPassword the password as typed; empty (and Perl-false {@code "0"}) never verifies, as in OTRS
     * @param storedHash the value of the {@code pw} column
     * @return whether the password matches
     */
    public boolean verify(String rawPassword, String storedHash) {
        if (perlFalse(rawPassword) || perlFalse(storedHash)) {
            return false;
        }
        byte[] password = rawPassword.getBytes(UTF_8);
        byte[] expected;
        if (THIRTEEN_CHARS.matcher(storedHash).find()) {
            expected = descrypt(password, storedHash);
        } else if (DOLLAR_FORM.matcher(storedHash).matches()) {
            expected = md5Crypt(password, storedHash);
        } else if (SHA256_HEX.matcher(storedHash).matches()) {
            // OTRS detects hex case-insensitively but compares to its lower-case digest: upper-case hex never matches
            expected = ascii(DigestUtils.sha256Hex(password));
        } else if (SHA512_HEX.matcher(storedHash).matches()) {
            expected = ascii(DigestUtils.sha512Hex(password));
        } else if (storedHash.startsWith("BCRYPT:")) {
            expected = otrsBcrypt(password, storedHash);
        } else if (SHA1_HEX.matcher(storedHash).matches()) {
            expected = ascii(DigestUtils.sha1Hex(password));
        } else {
            expected = bigcrypt(password, storedHash);
        }
        return expected != null && MessageDigest.isEqual(expected, storedHash.getBytes(UTF_8));
    }

    /**
     * Checks a password stored as plain text, as OTRS does only when {@code AuthModule::DB::CryptType} (or
     * {@code Customer::AuthModule::DB::CryptType}) is {@code plain}; then every stored value is compared literally.
     *
     * @param rawPassword the password as typed; empty (and {@code "0"}) never verifies
     * @param storedPassword the value of the {@code pw} column
     * @return whether both are equal
     */
    public boolean verifyPlain(String rawPassword, String storedPassword) {
        return !perlFalse(rawPassword) && !perlFalse(storedPassword)
                && MessageDigest.isEqual(rawPassword.getBytes(UTF_8), storedPassword.getBytes(UTF_8));
    }

    /**
     * Hashes a password in the form OTRS's {@code SetPassword} writes with {@code CryptType => 'bcrypt'}:
     * {@code BCRYPT:12:<16 alphanumerics>:<31 characters bcrypt base64>}, readable by OTRS and Znuny.
     *
     * @param rawPassword the new password, not empty; only its first 71 UTF-8 bytes count (bcrypt's 72 with OTRS's NUL)
     * @return the value for the {@code pw} column
     */
    public String hash(String rawPassword) {
        if (rawPassword == null || rawPassword.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        var salt = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            salt.append(SALT_ALPHABET.charAt(random.nextInt(SALT_ALPHABET.length())));
        }
        byte[] raw = bcryptHash(rawPassword.getBytes(UTF_8), salt.toString().getBytes(US_ASCII), BCRYPT_COST);
        return "BCRYPT:" + BCRYPT_COST + ":" + salt + ":" + enBase64(raw);
    }

    /**
     * Tells whether a stored value should be replaced by {@link #hash} after the next successful login: true for every
     * format except OTRS bcrypt with a cost of at least {@link #BCRYPT_COST}.
     *
     * @param storedHash the value of the {@code pw} column, may be null
     * @return whether to re-hash
     */
    public boolean needsRehash(String storedHash) {
        if (storedHash == null || !storedHash.startsWith("BCRYPT:")) {
            return true;
        }
        Matcher m = BCRYPT_FIELDS.matcher(storedHash);
        if (!m.find()) {
            return true;
        }
        int cost = bcryptCost(m.group(1));
        return cost < BCRYPT_COST || cost > 31;
    }

    // OTRS tests "if ( !$Pw )" and "($GetPw)": Perl treats "" and "0" as false.
    private static boolean perlFalse(String s) {
        return s == null || s.isEmpty() || s.equals("0");
    }

    // 13 characters: OTRS calls crypt() with the first two as salt, unless the value starts like a modular hash ($1$),
    // in which case crypt() yields a longer string that cannot match.
    private static byte[] descrypt(byte[] password, String stored) {
        if (MODULAR_CRYPT_SALT.matcher(stored).find()) {
            return null;
        }
        String salt = stored.substring(0, 2);
        return validDesSalt(salt) ? ascii(UnixCrypt.crypt(cString(password), salt)) : null;
    }

    // OTRS's "No-13-chars-long crypt pw (e.g. in Fedora28)" branch: crypt($Pw, $Login). libxcrypt switches to bigcrypt
    // when the setting (here the login) is longer than 13 characters, so SetPassword with CryptType 'crypt' stores
    // 13 + 11n characters for passwords over 8 bytes. The login's first two characters are the stored salt, so the
    // stored value itself reproduces the computation. libxcrypt's "*0" failure token is never accepted.
    private static byte[] bigcrypt(byte[] password, String stored) {
        if (!BIGCRYPT.matcher(stored).matches()) {
            return null;
        }
        byte[] key = cString(password);
        var out = new StringBuilder(stored.substring(0, 2));
        String salt = out.toString();
        for (int block = 0; block < 16; block++) {
            int from = block * 8;
            String hash = UnixCrypt.crypt(Arrays.copyOfRange(key, from, Math.min(key.length, from + 8)), salt)
                    .substring(2);
            out.append(hash);
            if (key.length <= from + 8) {
                break;
            }
            salt = hash.substring(0, 2);
        }
        return ascii(out.toString());
    }

    // Auth::DB: magic and salt come from the stored value; only "$apr1$" selects apache_md5_crypt, every other magic
    // (even $2y$, $5$, $6$) goes to unix_md5_crypt and so never matches. Crypt::PasswdMD5 then drops a leading magic,
    // cuts at the last "$" and keeps 8 octets of the UTF-8 salt. Salts are not restricted to crypt's alphabet: OTRS
    // uses the login (e.g. "max@exam" from max@example.com) as salt.
    private static byte[] md5Crypt(byte[] password, String stored) {
        Matcher m = DOLLAR_FORM_SALT.matcher(stored);
        if (!m.find()) {
            return null;
        }
        String magic = APR1_MAGIC.equals(m.group(1)) ? APR1_MAGIC : MD5_MAGIC;
        String salt = m.group(2) + stored.substring(m.end());
        if (salt.startsWith(magic)) {
            salt = salt.substring(magic.length());
        }
        Matcher last = UP_TO_LAST_DOLLAR.matcher(salt);
        if (last.find()) {
            salt = last.group(1) + salt.substring(last.end());
        }
        byte[] saltBytes = salt.getBytes(UTF_8);
        return md5Crypt(password, Arrays.copyOf(saltBytes, Math.min(8, saltBytes.length)), ascii(magic));
    }

    private static byte[] md5Crypt(byte[] pw, byte[] salt, byte[] magic) {
        MessageDigest ctx = DigestUtils.getMd5Digest();
        ctx.update(pw);
        ctx.update(magic);
        ctx.update(salt);
        MessageDigest alt = DigestUtils.getMd5Digest();
        alt.update(pw);
        alt.update(salt);
        alt.update(pw);
        byte[] fin = alt.digest();
        for (int left = pw.length; left > 0; left -= 16) {
            ctx.update(fin, 0, Math.min(left, 16));
        }
        for (int i = pw.length; i != 0; i >>>= 1) {
            ctx.update((i & 1) != 0 ? (byte) 0 : pw[0]);
        }
        fin = ctx.digest();
        for (int i = 0; i < 1000; i++) {
            MessageDigest round = DigestUtils.getMd5Digest();
            round.update((i & 1) != 0 ? pw : fin);
            if (i % 3 != 0) {
                round.update(salt);
            }
            if (i % 7 != 0) {
                round.update(pw);
            }
            round.update((i & 1) != 0 ? fin : pw);
            fin = round.digest();
        }
        var out = new StringBuilder(22);
        int[][] groups = {{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}};
        for (int[] g : groups) {
            to64(out, (fin[g[0]] & 0xff) << 16 | (fin[g[1]] & 0xff) << 8 | fin[g[2]] & 0xff, 4);
        }
        to64(out, fin[11] & 0xff, 2);
        var result = new ByteArrayOutputStream();
        result.writeBytes(magic);
        result.writeBytes(salt);
        result.write('$');
        result.writeBytes(ascii(out.toString()));
        return result.toByteArray();
    }

    // OTRS rebuilds "BCRYPT:$Cost:$Salt:" from the captured fields and compares the whole string.
    private static byte[] otrsBcrypt(byte[] password, String stored) {
        Matcher m = BCRYPT_FIELDS.matcher(stored);
        if (!m.find()) {
            return null; // OTRS dies inside bcrypt_hash without cost and salt
        }
        int cost = bcryptCost(m.group(1));
        String salt = m.group(2);
        // Crypt::Eksblowfish also takes costs 0-3, which BouncyCastle refuses; OTRS itself never writes less than 9.
        // The salt is used as 16 octets; characters above U+00FF make Perl croak.
        if (cost < 4 || cost > 31 || salt.chars().anyMatch(c -> c > 0xff)) {
            return null;
        }
        String hash = enBase64(bcryptHash(password, salt.getBytes(ISO_8859_1), cost));
        return ("BCRYPT:" + m.group(1) + ":" + salt + ":" + hash).getBytes(UTF_8);
    }

    // Crypt::Eksblowfish::Bcrypt::bcrypt_hash with key_nul => 1: password + NUL, cut to 72 octets, 23-byte result.
    // Spring Security's BCrypt computes exactly that for a $2a$ setting (it appends the NUL itself, and a key of
    // 72 octets + NUL uses the first 72), given OTRS's 16 salt octets in bcrypt's base64; the last 31 characters
    // of its $2a$cc$<22 salt><31 hash> result are the 23-byte hash.
    private static byte[] bcryptHash(byte[] password, byte[] salt, int cost) {
        byte[] key = Arrays.copyOf(password, Math.min(password.length, 72));
        String setting = "$2a$" + (cost < 10 ? "0" : "") + cost + "$" + enBase64(salt);
        String hashed = BCrypt.hashpw(key, setting);
        return deBase64(hashed.substring(hashed.length() - 31));
    }

    private static byte[] deBase64(String bcrypt) {
        var std = new StringBuilder(bcrypt.length());
        for (int i = 0; i < bcrypt.length(); i++) {
            std.append(BASE64_ALPHABET.charAt(BCRYPT_ALPHABET.indexOf(bcrypt.charAt(i))));
        }
        return Arrays.copyOf(Base64.getDecoder().decode(std.toString()), 23);
    }

    // Perl reads "012" as 12; anything longer than two significant digits is out of range anyway (-1).
    private static int bcryptCost(String digits) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        return significant.length() > 2 ? -1 : Integer.parseInt(significant);
    }

    // Crypt::Eksblowfish::Bcrypt::en_base64: standard base64 without padding, transliterated to bcrypt's alphabet.
    private static String enBase64(byte[] octets) {
        String std = Base64.getEncoder().withoutPadding().encodeToString(octets);
        var out = new StringBuilder(std.length());
        for (int i = 0; i < std.length(); i++) {
            out.append(BCRYPT_ALPHABET.charAt(BASE64_ALPHABET.indexOf(std.charAt(i))));
        }
        return out.toString();
    }

    private static void to64(StringBuilder out, int value, int chars) {
        for (int i = 0; i < chars; i++, value >>>= 6) {
            out.append(CRYPT_ALPHABET.charAt(value & 0x3f));
        }
    }

    // libxcrypt rejects DES salts outside the crypt alphabet (returns "*0", which never equals a 13-character value).
    private static boolean validDesSalt(String salt) {
        return CRYPT_ALPHABET.indexOf(salt.charAt(0)) >= 0 && CRYPT_ALPHABET.indexOf(salt.charAt(1)) >= 0;
    }

    // crypt(3) takes a C string: the password ends at the first NUL.
    private static byte[] cString(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return Arrays.copyOf(bytes, i);
            }
        }
        return bytes;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(US_ASCII);
    }
}
