package org.jotrs.postmaster.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_ACCOUNT_SETTING;
import static org.jotrs.platform.db.schema.Tables.MAIL_ACCOUNT;
import static org.jotrs.platform.db.schema.Tables.POSTMASTER_FILTER;
import static org.jotrs.platform.db.schema.Tables.QUEUE;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.mail.MessagingException;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.mail.OAuth2AccessTokens;
import org.jotrs.platform.AdminRows;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.ColumnLimits;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.db.schema.tables.records.MailAccountRecord;
import org.jotrs.postmaster.ConnectionCheck;
import org.jotrs.postmaster.MailAccountSettings;
import org.jotrs.postmaster.MailAccountSummary;
import org.jotrs.postmaster.PostmasterAdministration;
import org.jotrs.postmaster.PostmasterFilter;
import org.jotrs.platform.SecretBox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JooqPostmasterAdministration implements PostmasterAdministration {

    /** A header name as RFC 5322 allows it (printable ASCII without colon), kept short for OTRS's f_key column. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]{1,200}");

    private final DSLContext db;
    private final AccessService access;
    private final AdminRows admin;
    private final MailAccountRows rows;
    private final MailFetcher fetcher;
    private final SecretBox secrets;

    JooqPostmasterAdministration(DSLContext db, AccessService access, AdminRows admin, MailAccountRows rows,
            MailFetcher fetcher, SecretBox secrets) {
        this.db = db;
        this.access = access;
        this.admin = admin;
        this.rows = rows;
        this.fetcher = fetcher;
        this.secrets = secrets;
    }

    // ---- accounts

    @Override
    @Transactional(readOnly = true)
    public List<MailAccountSummary> accounts(int actorId) {
        access.requireAdmin(actorId);
        return db.select(MAIL_ACCOUNT.ID, MAIL_ACCOUNT.LOGIN, MAIL_ACCOUNT.HOST, MAIL_ACCOUNT.ACCOUNT_TYPE, QUEUE.NAME,
                        MAIL_ACCOUNT.TRUSTED, JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_TOKEN_URL, MAIL_ACCOUNT.VALID_ID,
                        JOTRS_MAIL_ACCOUNT_SETTING.LAST_FETCH_TIME, JOTRS_MAIL_ACCOUNT_SETTING.LAST_FETCH_COUNT,
                        JOTRS_MAIL_ACCOUNT_SETTING.LAST_ERROR)
                .from(MAIL_ACCOUNT)
                .leftJoin(JOTRS_MAIL_ACCOUNT_SETTING).on(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(MAIL_ACCOUNT.ID))
                .leftJoin(QUEUE).on(QUEUE.ID.eq(MAIL_ACCOUNT.QUEUE_ID))
                .orderBy(MAIL_ACCOUNT.HOST, MAIL_ACCOUNT.LOGIN, MAIL_ACCOUNT.ID)
                .fetch(r -> new MailAccountSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6() != null && r.value6() == 1, r.value7() != null && !r.value7().isBlank(), r.value8(),
                        r.value9(), r.value10(), r.value11()));
    }

    @Override
    @Transactional(readOnly = true)
    public MailAccountSettings account(int actorId, int accountId) {
        access.requireAdmin(actorId);
        MailAccountRecord row = accountRow(accountId);
        var setting = db.selectFrom(JOTRS_MAIL_ACCOUNT_SETTING).where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(accountId))
                .fetchOptional();
        return new MailAccountSettings(row.getLogin(), "", row.getHost(), row.getAccountType().toUpperCase(Locale.ROOT),
                row.getQueueId() == null ? 0 : row.getQueueId(), row.getTrusted() != null && row.getTrusted() == 1,
                row.getImapFolder(), setting.map(s -> s.getPort()).orElse(null),
                setting.map(s -> "seen".equals(s.getAfterFetch())).orElse(false),
                setting.map(s -> s.getSslTrust()).orElse(null), setting.map(s -> s.getOauth2TokenUrl()).orElse(null),
                setting.map(s -> s.getOauth2ClientId()).orElse(null), "", "",
                setting.map(s -> s.getOauth2Scope()).orElse(null), row.getComments(), row.getValidId());
    }

    @Override
    @Transactional(readOnly = true)
    public StoredSecrets storedSecrets(int actorId, int accountId) {
        access.requireAdmin(actorId);
        MailAccountRecord row = accountRow(accountId);
        var setting = db.selectFrom(JOTRS_MAIL_ACCOUNT_SETTING).where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(accountId))
                .fetchOptional();
        return new StoredSecrets(row.getPw() != null && !row.getPw().isEmpty(),
                setting.map(s -> s.getOauth2ClientSecret() != null).orElse(false),
                setting.map(s -> s.getOauth2RefreshToken() != null).orElse(false));
    }

    @Override
    @Transactional
    public int createAccount(int actorId, MailAccountSettings settings) {
        access.requireAdmin(actorId);
        MailAccountSettings clean = validate(settings, null);
        MailAccountRecord row = db.newRecord(MAIL_ACCOUNT);
        apply(row, clean, null);
        admin.created(actorId, row).store();
        storeSettings(row.getId(), clean, true);
        admin.audit(actorId, "mail-account", describe(clean), "create", changes(null, clean));
        return row.getId();
    }

    @Override
    @Transactional
    public void updateAccount(int actorId, int accountId, MailAccountSettings settings) {
        access.requireAdmin(actorId);
        MailAccountRecord row = accountRow(accountId);
        MailAccountSettings before = account(actorId, accountId);
        MailAccountSettings clean = validate(settings, row);
        apply(row, clean, row.getPw());
        admin.changed(actorId, row).update();
        storeSettings(accountId, clean, false);
        admin.audit(actorId, "mail-account", describe(before), "update", changes(before, clean));
    }

    @Override
    public ConnectionCheck testAccount(int actorId, int accountId) {
        access.requireAdmin(actorId);
        MailAccount account = rows.find(accountId).orElseThrow(() -> new NoSuchEntry("not-found.mail-account", String.valueOf(accountId)));
        try {
            return new ConnectionCheck(fetcher.test(account), null);
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return new ConnectionCheck(0, t("postmaster.check.sign-in-refused", account.describe(), message(e)));
        } catch (MessagingException e) {
            return new ConnectionCheck(0, t("postmaster.check.failed", account.describe(), message(e)));
        } catch (OAuth2AccessTokens.Refused e) {
            return new ConnectionCheck(0, e.getMessage());
        }
    }

    /** The exception's message and its causes' (an unknown host or refused connection sits in the cause). */
    private static String message(Exception e) {
        StringBuilder text = new StringBuilder(Objects.toString(e.getMessage(), e.getClass().getSimpleName()));
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
            text.append(" (").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
            text.append(')');
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private MailAccountRecord accountRow(int accountId) {
        MailAccountRecord row = db.selectFrom(MAIL_ACCOUNT).where(MAIL_ACCOUNT.ID.eq(accountId)).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.mail-account", String.valueOf(accountId));
        }
        return row;
    }

    private MailAccountSettings validate(MailAccountSettings in, MailAccountRecord existing) {
        var errors = new InvalidInput.Collector();
        String type = InvalidInput.clean(in.type());
        if (type == null || !MailAccountSettings.TYPES.contains(type.toUpperCase(Locale.ROOT))) {
            errors.add("type", t("validation.choose-one-of", String.join(", ", MailAccountSettings.TYPES)));
        } else {
            type = type.toUpperCase(Locale.ROOT);
        }
        String host = errors.required("host", in.host(), MAIL_ACCOUNT.HOST, t("validation.mail-account.enter-host"));
        if (host != null && !errors.has("host") && !host.matches("[A-Za-z0-9.:\\[\\]_-]+")) {
            errors.add("host", t("validation.mail-account.host-syntax"));
        }
        String login = errors.required("login", in.login(), MAIL_ACCOUNT.LOGIN, t("validation.mail-account.enter-login"));
        String tokenUrl = errors.optional("oauth2TokenUrl", in.oauth2TokenUrl(), JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_TOKEN_URL);
        String clientId = errors.optional("oauth2ClientId", in.oauth2ClientId(), JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_CLIENT_ID);
        String clientSecret = errors.optional("oauth2ClientSecret", in.oauth2ClientSecret(), 1500);
        String refreshToken = errors.optional("oauth2RefreshToken", in.oauth2RefreshToken(), 2500);
        String scope = errors.optional("oauth2Scope", in.oauth2Scope(), JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_SCOPE);
        boolean oauth2 = tokenUrl != null;
        if (oauth2) {
            try {
                URI uri = URI.create(tokenUrl);
                if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                    errors.add("oauth2TokenUrl", t("validation.mail-account.token-url"));
                }
            } catch (IllegalArgumentException e) {
                errors.add("oauth2TokenUrl", t("validation.mail-account.token-url"));
            }
            if (clientId == null) {
                errors.add("oauth2ClientId", t("validation.mail-account.enter-client-id"));
            }
            boolean secretStored = existing != null && db.fetchExists(JOTRS_MAIL_ACCOUNT_SETTING,
                    JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(existing.getId())
                            .and(JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_CLIENT_SECRET.isNotNull()));
            if (clientSecret == null && !secretStored) {
                errors.add("oauth2ClientSecret", t("validation.mail-account.enter-client-secret"));
            }
            if ((clientSecret != null || refreshToken != null) && !secrets.available()) {
                errors.add("oauth2ClientSecret", t("validation.mail-account.no-secret-key"));
            }
        }
        // The password column is NOT NULL in OTRS; an OAuth2 account stores an empty one.
        String password = in.password() == null || in.password().isEmpty() ? null : in.password();
        if (password != null && password.length() > ColumnLimits.length(MAIL_ACCOUNT.PW)) {
            errors.add("password", t("validation.at-most-characters", String.valueOf(ColumnLimits.length(MAIL_ACCOUNT.PW))));
        }
        if (!oauth2 && password == null && (existing == null || existing.getPw() == null || existing.getPw().isEmpty())) {
            errors.add("password", t("validation.mail-account.enter-password"));
        }
        if (in.queueId() != 0 && !db.fetchExists(QUEUE, QUEUE.ID.eq(in.queueId()))) {
            errors.add("queueId", t("validation.mail-account.choose-queue"));
        }
        String folder = errors.optional("folder", in.folder(), MAIL_ACCOUNT.IMAP_FOLDER);
        if (in.port() != null && (in.port() < 1 || in.port() > 65535)) {
            errors.add("port", t("validation.mail-account.port"));
        }
        if (in.keepOnServer() && type != null && !type.startsWith("IMAP")) {
            errors.add("keepOnServer", t("validation.mail-account.pop3-keep"));
        }
        String sslTrust = errors.optional("sslTrust", in.sslTrust(), JOTRS_MAIL_ACCOUNT_SETTING.SSL_TRUST);
        String comment = errors.optional("comment", in.comment(), MAIL_ACCOUNT.COMMENTS);
        AdminRows.validity(errors, in.validId());
        errors.throwIfAny();
        return new MailAccountSettings(login, password, host, type, in.queueId(), in.trusted(), folder, in.port(),
                in.keepOnServer(), sslTrust, tokenUrl, clientId, clientSecret, refreshToken, scope, comment, in.validId());
    }

    private static void apply(MailAccountRecord row, MailAccountSettings s, String storedPassword) {
        row.setLogin(s.login());
        row.setPw(s.password() != null ? s.password() : storedPassword != null ? storedPassword : "");
        row.setHost(s.host());
        row.setAccountType(s.type());
        row.setQueueId(s.queueId());
        row.setTrusted((short) (s.trusted() ? 1 : 0));
        row.setImapFolder(s.folder() == null ? "INBOX" : s.folder());
        row.setAuthenticationType(s.oauth2TokenUrl() != null ? "oauth2_token" : "password");
        row.setComments(s.comment());
        row.setValidId((short) s.validId());
    }

    private void storeSettings(int accountId, MailAccountSettings s, boolean created) {
        if (!created) {
            rows.ensureSettings(accountId);
        } else {
            db.insertInto(JOTRS_MAIL_ACCOUNT_SETTING).set(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID, accountId)
                    .set(JOTRS_MAIL_ACCOUNT_SETTING.AFTER_FETCH, "delete").execute();
        }
        var update = db.update(JOTRS_MAIL_ACCOUNT_SETTING)
                .set(JOTRS_MAIL_ACCOUNT_SETTING.PORT, s.port())
                .set(JOTRS_MAIL_ACCOUNT_SETTING.AFTER_FETCH, s.keepOnServer() ? "seen" : "delete")
                .set(JOTRS_MAIL_ACCOUNT_SETTING.SSL_TRUST, s.sslTrust())
                .set(JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_TOKEN_URL, s.oauth2TokenUrl())
                .set(JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_CLIENT_ID, s.oauth2TokenUrl() == null ? null : s.oauth2ClientId())
                .set(JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_SCOPE, s.oauth2TokenUrl() == null ? null : s.oauth2Scope());
        if (s.oauth2TokenUrl() == null) {
            // Leaving OAuth2 forgets its secrets rather than keeping them around unused.
            update = update.set(JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_CLIENT_SECRET, (String) null)
                    .set(JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_REFRESH_TOKEN, (String) null);
        } else {
            if (s.oauth2ClientSecret() != null) {
                update = update.set(JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_CLIENT_SECRET, secrets.seal(s.oauth2ClientSecret()));
            }
            if (s.oauth2RefreshToken() != null) {
                update = update.set(JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_REFRESH_TOKEN, secrets.seal(s.oauth2RefreshToken()));
            }
        }
        update.where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(accountId)).execute();
    }

    private static String describe(MailAccountSettings s) {
        return s.type() + " " + s.login() + "@" + s.host();
    }

    /** What changed, secrets only as "changed". */
    private static List<AuditLog.Change> changes(MailAccountSettings before, MailAccountSettings after) {
        Map<String, String[]> fields = new LinkedHashMap<>();
        fields.put("login", new String[] {before == null ? null : before.login(), after.login()});
        fields.put("host", new String[] {before == null ? null : before.host(), after.host()});
        fields.put("type", new String[] {before == null ? null : before.type(), after.type()});
        fields.put("queue", new String[] {before == null ? null : String.valueOf(before.queueId()), String.valueOf(after.queueId())});
        fields.put("trusted", new String[] {before == null ? null : String.valueOf(before.trusted()), String.valueOf(after.trusted())});
        fields.put("folder", new String[] {before == null ? null : before.folder(), after.folder()});
        fields.put("port", new String[] {before == null ? null : Objects.toString(before.port(), null), Objects.toString(after.port(), null)});
        fields.put("keep-on-server", new String[] {before == null ? null : String.valueOf(before.keepOnServer()), String.valueOf(after.keepOnServer())});
        fields.put("oauth2-token-url", new String[] {before == null ? null : before.oauth2TokenUrl(), after.oauth2TokenUrl()});
        fields.put("valid", new String[] {before == null ? null : String.valueOf(before.validId()), String.valueOf(after.validId())});
        List<AuditLog.Change> changes = new ArrayList<>();
        fields.forEach((name, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                changes.add(new AuditLog.Change(name, values[0], values[1]));
            }
        });
        if (after.password() != null) {
            changes.add(new AuditLog.Change("password", null, "changed"));
        }
        if (after.oauth2ClientSecret() != null || after.oauth2RefreshToken() != null) {
            changes.add(new AuditLog.Change("oauth2-secrets", null, "changed"));
        }
        return changes;
    }

    // ---- filters

    @Override
    @Transactional(readOnly = true)
    public List<PostmasterFilter> filters(int actorId) {
        access.requireAdmin(actorId);
        return PostmasterFilters.read(db, null);
    }

    @Override
    @Transactional(readOnly = true)
    public PostmasterFilter filter(int actorId, String name) {
        access.requireAdmin(actorId);
        return PostmasterFilters.read(db, name).stream().findFirst()
                .orElseThrow(() -> new NoSuchEntry("not-found.postmaster-filter", name));
    }

    @Override
    @Transactional
    public void saveFilter(int actorId, String previousName, PostmasterFilter filter) {
        access.requireAdmin(actorId);
        if (previousName != null && !db.fetchExists(POSTMASTER_FILTER, POSTMASTER_FILTER.F_NAME.eq(previousName))) {
            throw new NoSuchEntry("not-found.postmaster-filter", previousName);
        }
        PostmasterFilter clean = validate(filter, previousName);
        if (previousName != null) {
            db.deleteFrom(POSTMASTER_FILTER).where(POSTMASTER_FILTER.F_NAME.eq(previousName)).execute();
        }
        for (PostmasterFilter.Match match : clean.matches()) {
            db.insertInto(POSTMASTER_FILTER)
                    .set(POSTMASTER_FILTER.F_NAME, clean.name())
                    .set(POSTMASTER_FILTER.F_STOP, (short) (clean.stop() ? 1 : 0))
                    .set(POSTMASTER_FILTER.F_TYPE, "Match")
                    .set(POSTMASTER_FILTER.F_KEY, match.header())
                    .set(POSTMASTER_FILTER.F_VALUE, match.regex())
                    .set(POSTMASTER_FILTER.F_NOT, (short) (match.negated() ? 1 : 0))
                    .execute();
        }
        for (PostmasterFilter.SetHeader set : clean.sets()) {
            db.insertInto(POSTMASTER_FILTER)
                    .set(POSTMASTER_FILTER.F_NAME, clean.name())
                    .set(POSTMASTER_FILTER.F_STOP, (short) (clean.stop() ? 1 : 0))
                    .set(POSTMASTER_FILTER.F_TYPE, "Set")
                    .set(POSTMASTER_FILTER.F_KEY, set.header())
                    .set(POSTMASTER_FILTER.F_VALUE, set.value())
                    .set(POSTMASTER_FILTER.F_NOT, (short) 0)
                    .execute();
        }
        admin.audit(actorId, "postmaster-filter", clean.name(), previousName == null ? "create" : "update",
                List.of(new AuditLog.Change("rules", null, clean.matches().size() + " match, " + clean.sets().size() + " set"
                        + (clean.stop() ? ", stop" : ""))));
    }

    private PostmasterFilter validate(PostmasterFilter in, String previousName) {
        var errors = new InvalidInput.Collector();
        String name = errors.required("name", in.name(), POSTMASTER_FILTER.F_NAME, t("validation.filter.enter-name"));
        if (name != null && !errors.has("name") && !name.equals(previousName)
                && db.fetchExists(POSTMASTER_FILTER, POSTMASTER_FILTER.F_NAME.eq(name))) {
            errors.add("name", t("validation.filter.name-taken", name));
        }
        List<PostmasterFilter.Match> matches = new ArrayList<>();
        for (int i = 0; i < in.matches().size(); i++) {
            PostmasterFilter.Match match = in.matches().get(i);
            String header = InvalidInput.clean(match.header());
            String regex = match.regex() == null || match.regex().isEmpty() ? null : match.regex();
            if (header == null && regex == null) {
                continue;
            }
            if (header == null || !HEADER_NAME.matcher(header).matches()) {
                errors.add("matchHeader" + i, t("validation.filter.match-header"));
            }
            if (regex == null) {
                errors.add("matchValue" + i, t("validation.filter.enter-pattern"));
            } else if (regex.length() > ColumnLimits.length(POSTMASTER_FILTER.F_VALUE)) {
                errors.add("matchValue" + i, t("validation.at-most-characters", String.valueOf(ColumnLimits.length(POSTMASTER_FILTER.F_VALUE))));
            } else {
                try {
                    Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    errors.add("matchValue" + i, t("validation.filter.not-a-pattern", e.getDescription()));
                }
            }
            matches.add(new PostmasterFilter.Match(header, regex, match.negated()));
        }
        if (matches.isEmpty() && !errors.has("matchHeader0")) {
            errors.add("matchHeader0", t("validation.filter.no-match"));
        }
        List<PostmasterFilter.SetHeader> sets = new ArrayList<>();
        for (int i = 0; i < in.sets().size(); i++) {
            PostmasterFilter.SetHeader set = in.sets().get(i);
            String header = InvalidInput.clean(set.header());
            String value = InvalidInput.clean(set.value());
            if (header == null && value == null) {
                continue;
            }
            if (header == null || !header.regionMatches(true, 0, "X-OTRS-", 0, 7) || !HEADER_NAME.matcher(header).matches()) {
                errors.add("setHeader" + i, t("validation.filter.set-header"));
            }
            if (value == null) {
                errors.add("setValue" + i, t("validation.filter.enter-value"));
            } else if (value.length() > ColumnLimits.length(POSTMASTER_FILTER.F_VALUE)) {
                errors.add("setValue" + i, t("validation.at-most-characters", String.valueOf(ColumnLimits.length(POSTMASTER_FILTER.F_VALUE))));
            }
            sets.add(new PostmasterFilter.SetHeader(header, value));
        }
        if (sets.isEmpty() && !errors.has("setHeader0")) {
            errors.add("setHeader0", t("validation.filter.no-set"));
        }
        errors.throwIfAny();
        return new PostmasterFilter(name, in.stop(), matches, sets);
    }

    @Override
    @Transactional
    public void deleteFilter(int actorId, String name) {
        access.requireAdmin(actorId);
        int deleted = db.deleteFrom(POSTMASTER_FILTER).where(POSTMASTER_FILTER.F_NAME.eq(name)).execute();
        if (deleted == 0) {
            throw new NoSuchEntry("not-found.postmaster-filter", name);
        }
        admin.audit(actorId, "postmaster-filter", name, "delete", List.of());
    }
}
