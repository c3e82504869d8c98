package org.jotrs.api.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_USER;
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
 * expired token, or one whose agent or customer user was made invalid, is refused on the next request of every
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
                        USERS.VALID_ID, JOTRS_API_TOKEN.CUSTOMER_LOGIN, CUSTOMER_USER.LOGIN, CUSTOMER_USER.VALID_ID)
                .from(JOTRS_API_TOKEN)
                .leftJoin(USERS).on(USERS.ID.eq(JOTRS_API_TOKEN.USER_ID))
                .leftJoin(CUSTOMER_USER).on(CUSTOMER_USER.LOGIN.eq(JOTRS_API_TOKEN.CUSTOMER_LOGIN))
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
        boolean customer = row.get(JOTRS_API_TOKEN.CUSTOMER_LOGIN) != null;
        if (customer ? !Short.valueOf((short) 1).equals(row.get(CUSTOMER_USER.VALID_ID))
                : row.get(USERS.VALID_ID) == null || row.get(USERS.VALID_ID) != 1) {
            return new Refused(customer ? t("api.error.invalid-customer-user") : t("api.error.invalid-agent"));
        }
        long tokenId = row.get(JOTRS_API_TOKEN.ID);
        LocalDateTime lastUsed = row.get(JOTRS_API_TOKEN.LAST_USED);
        if (lastUsed == null || lastUsed.isBefore(now.minusMinutes(1))) {
            db.update(JOTRS_API_TOKEN).set(JOTRS_API_TOKEN.LAST_USED, now.withNano(0))
                    .where(JOTRS_API_TOKEN.ID.eq(tokenId)).execute();
        }
        ApiScope scope = ApiScope.of(row.get(JOTRS_API_TOKEN.SCOPE));
        if (customer) {
            String login = row.get(CUSTOMER_USER.LOGIN);
            return new Accepted(new ApiCaller(0, login, tokenId, scope, login));
        }
        return new Accepted(new ApiCaller(row.get(JOTRS_API_TOKEN.USER_ID), row.get(USERS.LOGIN), tokenId, scope, null));
    }
}
