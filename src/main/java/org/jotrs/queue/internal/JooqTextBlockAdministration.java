package org.jotrs.queue.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.AdminRows.shortId;
import static org.jotrs.platform.db.schema.Tables.SALUTATION;
import static org.jotrs.platform.db.schema.Tables.SIGNATURE;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.UpdatableRecord;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.platform.AdminRows;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.queue.QueueAdministration.Row;
import org.jotrs.queue.TextBlock;
import org.jotrs.queue.TextBlockAdministration;
import org.jotrs.queue.TextBlockKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Salutations and signatures: two OTRS tables of the same shape, names unique ignoring case, plain text. */
@Service
class JooqTextBlockAdministration implements TextBlockAdministration {

    private static final int MAX_TEXT_BLOCK = 3000;

    private final DSLContext db;
    private final AccessService access;
    private final AdminRows rows;

    JooqTextBlockAdministration(DSLContext db, AccessService access, AdminRows rows) {
        this.db = db;
        this.access = access;
        this.rows = rows;
    }

    private record TextTable<R extends UpdatableRecord<R>>(Table<R> table, Field<Short> id, Field<String> name,
            Field<String> text, Field<String> contentType, Field<String> comments, Field<Short> validId) {
    }

    private static TextTable<?> table(TextBlockKind kind) {
        return switch (kind) {
            case SALUTATION -> new TextTable<>(SALUTATION, SALUTATION.ID, SALUTATION.NAME, SALUTATION.TEXT,
                    SALUTATION.CONTENT_TYPE, SALUTATION.COMMENTS, SALUTATION.VALID_ID);
            case SIGNATURE -> new TextTable<>(SIGNATURE, SIGNATURE.ID, SIGNATURE.NAME, SIGNATURE.TEXT,
                    SIGNATURE.CONTENT_TYPE, SIGNATURE.COMMENTS, SIGNATURE.VALID_ID);
        };
    }

    @Override
    @Transactional(readOnly = true)
    public List<Row> textBlocks(int actorId, TextBlockKind kind) {
        access.requireAdmin(actorId);
        TextTable<?> t = table(kind);
        return db.select(t.id(), t.name(), t.comments(), t.validId()).from(t.table()).orderBy(t.name())
                .fetch(r -> new Row(r.value1(), r.value2(), Arrays.asList(r.value3()), r.value4()));
    }

    @Override
    @Transactional(readOnly = true)
    public TextBlock textBlock(int actorId, TextBlockKind kind, int id) {
        access.requireAdmin(actorId);
        TextTable<?> t = table(kind);
        return block(t, row(kind, t, id));
    }

    @Override
    @Transactional
    public int createTextBlock(int actorId, TextBlockKind kind, TextBlock block) {
        access.requireAdmin(actorId);
        return create(actorId, kind, table(kind), block);
    }

    private <R extends UpdatableRecord<R>> int create(int actorId, TextBlockKind kind, TextTable<R> t, TextBlock block) {
        TextBlock clean = validate(kind, t, block, null);
        R row = db.newRecord(t.table());
        apply(t, row, clean);
        rows.created(actorId, row).store();
        rows.audit(actorId, kind.key(), kind.key() + " " + clean.name(), "create", changes(null, clean));
        return row.get(t.id());
    }

    @Override
    @Transactional
    public void updateTextBlock(int actorId, TextBlockKind kind, int id, TextBlock block) {
        access.requireAdmin(actorId);
        update(actorId, kind, table(kind), id, block);
    }

    private <R extends UpdatableRecord<R>> void update(int actorId, TextBlockKind kind, TextTable<R> t, int id,
            TextBlock block) {
        R row = row(kind, t, id);
        TextBlock before = block(t, row);
        TextBlock clean = validate(kind, t, block, id);
        apply(t, row, clean);
        rows.changed(actorId, row).update();
        rows.audit(actorId, kind.key(), kind.key() + " " + before.name(), "update", changes(before, clean));
    }

    private <R extends UpdatableRecord<R>> R row(TextBlockKind kind, TextTable<R> t, int id) {
        R row = db.selectFrom(t.table()).where(t.id().eq(shortId(id))).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found." + kind.key(), String.valueOf(id));
        }
        return row;
    }

    private static TextBlock block(TextTable<?> t, UpdatableRecord<?> row) {
        return new TextBlock(row.get(t.name()), row.get(t.text()), row.get(t.comments()), row.get(t.validId()));
    }

    private static void apply(TextTable<?> t, UpdatableRecord<?> row, TextBlock clean) {
        row.set(t.name(), clean.name());
        row.set(t.text(), clean.text());
        row.set(t.contentType(), PlainText.CONTENT_TYPE);
        row.set(t.comments(), clean.comment());
        row.set(t.validId(), (short) clean.validId());
    }

    private TextBlock validate(TextBlockKind kind, TextTable<?> t, TextBlock in, Integer existingId) {
        var errors = new InvalidInput.Collector();
        String name = errors.required("name", in.name(), t.name(), t("validation.enter-name"));
        if (name != null && !errors.has("name")) {
            Condition same = DSL.lower(t.name()).eq(name.toLowerCase(Locale.ROOT));
            if (existingId != null) {
                same = same.and(t.id().ne(shortId(existingId)));
            }
            if (db.fetchExists(t.table(), same)) {
                errors.add("name", t("validation." + kind.key() + ".name-taken", name));
            }
        }
        String text = in.text() == null ? "" : in.text().replace("\r\n", "\n");
        if (text.isBlank()) {
            errors.add("text", t("validation.enter-text"));
        } else if (text.length() > MAX_TEXT_BLOCK) {
            errors.add("text", t("validation.at-most-characters", String.valueOf(MAX_TEXT_BLOCK)));
        }
        String comment = errors.optional("comment", in.comment(), t.comments());
        AdminRows.validity(errors, in.validId());
        errors.throwIfAny();
        return new TextBlock(name, text, comment, in.validId());
    }

    private static List<Change> changes(TextBlock b, TextBlock a) {
        boolean c = b == null;
        return Arrays.asList(
                Change.of("name", c ? null : b.name(), a.name()),
                Change.of("text", c ? null : b.text(), a.text()),
                Change.of("comment", c ? null : b.comment(), a.comment()),
                AdminRows.validityChange(c ? null : b.validId(), a.validId()));
    }
}
