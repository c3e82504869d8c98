package org.jotrs.webhook.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.JOTRS_WEBHOOK;

import java.util.List;

import org.jooq.DSLContext;
import org.jotrs.platform.AdminAttention;
import org.springframework.stereotype.Component;

/** Tells administrators on the admin index which webhooks Jotrs switched off after repeated failures. */
@Component
class SwitchedOffWebhooks implements AdminAttention {

    private final DSLContext db;

    SwitchedOffWebhooks(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<Notice> notices() {
        return db.select(JOTRS_WEBHOOK.ID, JOTRS_WEBHOOK.NAME, JOTRS_WEBHOOK.DISABLED_REASON).from(JOTRS_WEBHOOK)
                .where(JOTRS_WEBHOOK.VALID_ID.ne((short) 1)).and(JOTRS_WEBHOOK.DISABLED_REASON.isNotNull())
                .orderBy(JOTRS_WEBHOOK.NAME)
                .fetch(r -> new Notice(t("webhook.admin.switched-off", r.value2(), r.value3()), "/admin/webhooks/" + r.value1()));
    }
}
