package org.jotrs.api.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.JOTRS_API_TOKEN;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.Clock;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jotrs.api.ApiScope;
import org.springframework.stereotype.Component;
import org.jotrs.platform.SecretTokens;

/**
 * Checks a bearer token on every request: one indexed read by the token's hash, so a revoked or
 * expired token, or one whose agent was made invalid, is refused on the next request of every
 * node. The last-used time is written at most once a minute per token.
 */
@Component
class BearerTokens {

    /** The answer to a token: the caller, or why it is refused. */
    sealed interface Check permits Accepted, Refused {
    }

    record Accepted(ApiCaller caller) implements Check {
    }

    record Refused(String reason) implements Check {
    }

    private final DSLContext db;
    private final Clock clock;

    BearerTokens(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Check check(String secret) {
        if (secret.length() > 200 || !secret.startsWith(JooqApiTokens.TOKEN_PREFIX)) {
            return new Refused(t("api.error.not-a-token", JooqApiTokens.TOKEN_PREFIX));
        }
        Record row = db.select(JOTRS_API_TOKEN.ID, JOTRS_API_TOKEN.USER_ID, JOTRS_API_TOKEN.SCOPE,
                        JOTRS_API_TOKEN.EXPIRES_AT, JOTRS_API_TOKEN.REVOKED_AT, JOTRS_API_TOKEN.LAST_USED, USERS.LOGIN,
                        USERS.VALID_ID)
                .from(JOTRS_API_TOKEN).join(USERS).on(USERS.ID.eq(JOTRS_API_TOKEN.USER_ID))
                .where(JOTRS_API_TOKEN.TOKEN_HASH.eq(SecretTokens.sha256Hex(secret))).fetchOne();
        if (row == null) {
            return new Refused(t("api.error.unknown-token"));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (row.get(JOTRS_API_TOKEN.REVOKED_AT) != null) {
            return new Refused(t("api.error.revoked-token", String.valueOf(row.get(JOTRS_API_TOKEN.REVOKED_AT))));
        }
        LocalDateTime expires = row.get(JOTRS_API_TOKEN.EXPIRES_AT);
        if (expires != null && !expires.isAfter(now)) {
            return new Refused(t("api.error.expired-token", expires.toLocalDate().toString()));
        }
        if (row.get(USERS.VALID_ID) != 1) {
            return new Refused(t("api.error.invalid-agent"));
        }
        long tokenId = row.get(JOTRS_API_TOKEN.ID);
        LocalDateTime lastUsed = row.get(JOTRS_API_TOKEN.LAST_USED);
        if (lastUsed == null || lastUsed.isBefore(now.minusMinutes(1))) {
            db.update(JOTRS_API_TOKEN).set(JOTRS_API_TOKEN.LAST_USED, now.withNano(0))
                    .where(JOTRS_API_TOKEN.ID.eq(tokenId)).execute();
        }
        return new Accepted(new ApiCaller(row.get(JOTRS_API_TOKEN.USER_ID), row.get(USERS.LOGIN), tokenId,
                ApiScope.of(row.get(JOTRS_API_TOKEN.SCOPE))));
    }
}
