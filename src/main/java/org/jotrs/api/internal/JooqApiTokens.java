package org.jotrs.api.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.JOTRS_API_TOKEN;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jotrs.access.AccessService;
import org.jotrs.api.ApiScope;
import org.jotrs.api.ApiToken;
import org.jotrs.api.ApiTokens;
import org.jotrs.api.IssuedApiToken;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jotrs.platform.SecretTokens;

/**
 * Tokens in {@code jotrs_api_token} (an agent's, {@code user_id}, or a customer user's,
 * {@code customer_login}); the secret is 32 random bytes, stored as its SHA-256 only.
 */
@Service
class JooqApiTokens implements ApiTokens {

    /** Tokens are recognisable in logs, configuration files and secret scanners by this prefix. */
    static final String TOKEN_PREFIX = "jotrs_";

    /** How many characters of a token lists show (the prefix and six random characters). */
    static final int SHOWN = 12;

    private static final int PAGE_SIZE = 50;

    /** Changes customer users make themselves are recorded as by the system user, as OTRS does. */
    private static final int SYSTEM = 1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final AccessService access;
    private final AuditLog audit;
    private final Clock clock;

    JooqApiTokens(DSLContext db, AccessService access, AuditLog audit, Clock clock) {
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IssuedApiToken create(int actorId, String name, String scope, LocalDate expiresOn) {
        return issue(actorId, actorId, null, name, scope, expiresOn);
    }

    @Override
    @Transactional
    public IssuedApiToken createForCustomer(String customerLogin, String name, String scope, LocalDate expiresOn) {
        return issue(SYSTEM, null, customerLogin, name, scope, expiresOn);
    }

    /** A new token of the agent {@code userId} or of the customer user {@code customerLogin}. */
    private IssuedApiToken issue(int auditActor, Integer userId, String customerLogin, String name, String scope,
            LocalDate expiresOn) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String cleanName = errors.required("name", name, MAX_NAME, t("api.error.token-name"));
        ApiScope chosen = ApiScope.of(InvalidInput.clean(scope));
        if (chosen == null) {
            errors.add("scope", t("api.error.token-scope"));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (expiresOn != null && expiresOn.isBefore(now.toLocalDate())) {
            errors.add("expiresOn", t("api.error.token-expired-date", expiresOn.toString()));
        }
        errors.throwIfAny();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        LocalDateTime expiresAt = expiresOn == null ? null : expiresOn.atTime(LocalTime.MAX).withNano(0);
        long id = db.insertInto(JOTRS_API_TOKEN)
                .set(JOTRS_API_TOKEN.USER_ID, userId)
                .set(JOTRS_API_TOKEN.CUSTOMER_LOGIN, customerLogin)
                .set(JOTRS_API_TOKEN.NAME, cleanName)
                .set(JOTRS_API_TOKEN.TOKEN_HASH, SecretTokens.sha256Hex(secret))
                .set(JOTRS_API_TOKEN.TOKEN_PREFIX, secret.substring(0, SHOWN))
                .set(JOTRS_API_TOKEN.SCOPE, chosen.key())
                .set(JOTRS_API_TOKEN.EXPIRES_AT, expiresAt)
                .set(JOTRS_API_TOKEN.CREATE_TIME, now.withNano(0))
                .returning(JOTRS_API_TOKEN.ID).fetchSingle().getId();
        audit.record(auditActor, "api-token", "token " + secret.substring(0, SHOWN) + "…"
                        + (customerLogin == null ? "" : " of customer user " + customerLogin), "create",
                List.of(AuditLog.Change.of("name", null, cleanName), AuditLog.Change.of("scope", null, chosen.key()),
                        AuditLog.Change.of("expires", null, expiresOn == null ? "never" : expiresOn.toString())));
        return new IssuedApiToken(token(id), secret);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApiToken> customerTokens(String customerLogin) {
        return select().where(JOTRS_API_TOKEN.CUSTOMER_LOGIN.eq(customerLogin)).orderBy(JOTRS_API_TOKEN.ID.desc())
                .fetch(JooqApiTokens::token);
    }

    @Override
    @Transactional
    public void revokeCustomerToken(String customerLogin, long tokenId) {
        ApiToken token = select().where(JOTRS_API_TOKEN.ID.eq(tokenId)).fetchOptional(JooqApiTokens::token)
                .filter(found -> found.customer() && found.customerLogin().equals(customerLogin))
                .orElseThrow(() -> new NoSuchEntry("not-found.api-token", String.valueOf(tokenId)));
        markRevoked(SYSTEM, null, token);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApiToken> mine(int actorId) {
        return select().where(JOTRS_API_TOKEN.USER_ID.eq(actorId)).orderBy(JOTRS_API_TOKEN.ID.desc())
                .fetch(JooqApiTokens::token);
    }

    @Override
    @Transactional
    public void revoke(int actorId, long tokenId) {
        ApiToken token = select().where(JOTRS_API_TOKEN.ID.eq(tokenId)).fetchOptional(JooqApiTokens::token)
                .filter(found -> !found.customer() && found.agentId() == actorId || access.isAdmin(actorId))
                .orElseThrow(() -> new NoSuchEntry("not-found.api-token", String.valueOf(tokenId)));
        markRevoked(actorId, actorId, token);
    }

    /** Revokes the token unless it is revoked already; {@code revokedBy} null for its customer user. */
    private void markRevoked(int auditActor, Integer revokedBy, ApiToken token) {
        if (token.revokedAt() != null) {
            return;
        }
        db.update(JOTRS_API_TOKEN).set(JOTRS_API_TOKEN.REVOKED_AT, LocalDateTime.now(clock).withNano(0))
                .set(JOTRS_API_TOKEN.REVOKED_BY, revokedBy)
                .where(JOTRS_API_TOKEN.ID.eq(token.id())).and(JOTRS_API_TOKEN.REVOKED_AT.isNull()).execute();
        audit.record(auditActor, "api-token", "token " + token.prefix() + "… of "
                        + (token.customer() ? "customer user " + token.customerLogin() : token.agentLogin()), "revoke",
                List.of(AuditLog.Change.of("name", token.name(), token.name() + " (revoked)")));
    }

    @Override
    @Transactional
    public void revokeAny(int actorId, long tokenId) {
        access.requireAdmin(actorId);
        revoke(actorId, tokenId);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ApiToken> all(int actorId, int page) {
        access.requireAdmin(actorId);
        int total = db.fetchCount(JOTRS_API_TOKEN);
        int current = Page.clamp(page, total, PAGE_SIZE);
        return new Page<>(select().orderBy(JOTRS_API_TOKEN.ID.desc()).limit(PAGE_SIZE).offset(current * PAGE_SIZE)
                .fetch(JooqApiTokens::token), current, PAGE_SIZE, total);
    }

    private ApiToken token(long id) {
        return select().where(JOTRS_API_TOKEN.ID.eq(id)).fetchSingle(JooqApiTokens::token);
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return db.select(JOTRS_API_TOKEN.fields()).select(USERS.LOGIN).from(JOTRS_API_TOKEN).leftJoin(USERS)
                .on(USERS.ID.eq(JOTRS_API_TOKEN.USER_ID));
    }

    private static ApiToken token(Record row) {
        Integer agentId = row.get(JOTRS_API_TOKEN.USER_ID);
        return new ApiToken(row.get(JOTRS_API_TOKEN.ID), agentId == null ? 0 : agentId, row.get(USERS.LOGIN),
                row.get(JOTRS_API_TOKEN.NAME), row.get(JOTRS_API_TOKEN.TOKEN_PREFIX),
                ApiScope.of(row.get(JOTRS_API_TOKEN.SCOPE)), row.get(JOTRS_API_TOKEN.CREATE_TIME),
                row.get(JOTRS_API_TOKEN.EXPIRES_AT), row.get(JOTRS_API_TOKEN.LAST_USED),
                row.get(JOTRS_API_TOKEN.REVOKED_AT), row.get(JOTRS_API_TOKEN.CUSTOMER_LOGIN));
    }

}
