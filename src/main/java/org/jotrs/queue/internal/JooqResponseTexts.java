package org.jotrs.queue.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.QUEUE_STANDARD_TEMPLATE;
import static org.jotrs.platform.db.schema.Tables.SALUTATION;
import static org.jotrs.platform.db.schema.Tables.SIGNATURE;
import static org.jotrs.platform.db.schema.Tables.STANDARD_TEMPLATE;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jotrs.platform.Validity;
import org.jotrs.queue.PlaceholderValues;
import org.jotrs.queue.ResponseTexts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JooqResponseTexts implements ResponseTexts {

    private final DSLContext db;

    JooqResponseTexts(DSLContext db) {
        this.db = db;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TemplateChoice> templates(int queueId, String templateType) {
        return db.select(STANDARD_TEMPLATE.ID, STANDARD_TEMPLATE.NAME, STANDARD_TEMPLATE.TEMPLATE_TYPE)
                .from(STANDARD_TEMPLATE)
                .join(QUEUE_STANDARD_TEMPLATE).on(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID.eq(STANDARD_TEMPLATE.ID))
                .where(QUEUE_STANDARD_TEMPLATE.QUEUE_ID.eq(queueId))
                .and(STANDARD_TEMPLATE.TEMPLATE_TYPE.eq(templateType))
                .and(STANDARD_TEMPLATE.VALID_ID.eq(Validity.VALID.id()))
                .orderBy(STANDARD_TEMPLATE.NAME)
                .fetch(r -> new TemplateChoice(r.value1(), r.value2(), r.value3()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> renderTemplate(int queueId, int templateId, PlaceholderValues values) {
        return db.select(STANDARD_TEMPLATE.TEXT)
                .from(STANDARD_TEMPLATE)
                .join(QUEUE_STANDARD_TEMPLATE).on(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID.eq(STANDARD_TEMPLATE.ID))
                .where(QUEUE_STANDARD_TEMPLATE.QUEUE_ID.eq(queueId))
                .and(STANDARD_TEMPLATE.ID.eq(templateId))
                .and(STANDARD_TEMPLATE.VALID_ID.eq(Validity.VALID.id()))
                .limit(1)
                .fetchOptional(STANDARD_TEMPLATE.TEXT)
                .map(text -> Placeholders.fill(text, values));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> salutation(int queueId, PlaceholderValues values) {
        return db.select(SALUTATION.TEXT).from(QUEUE)
                .join(SALUTATION).on(SALUTATION.ID.eq(QUEUE.SALUTATION_ID))
                .where(QUEUE.ID.eq(queueId)).and(SALUTATION.VALID_ID.eq(Validity.VALID.id()))
                .fetchOptional(SALUTATION.TEXT)
                .map(text -> Placeholders.fill(text, values));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> signature(int queueId, PlaceholderValues values) {
        return db.select(SIGNATURE.TEXT).from(QUEUE)
                .join(SIGNATURE).on(SIGNATURE.ID.eq(QUEUE.SIGNATURE_ID))
                .where(QUEUE.ID.eq(queueId)).and(SIGNATURE.VALID_ID.eq(Validity.VALID.id()))
                .fetchOptional(SIGNATURE.TEXT)
                .map(text -> Placeholders.fill(text, values));
    }
}
