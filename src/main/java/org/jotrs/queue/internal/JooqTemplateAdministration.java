package org.jotrs.queue.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.QUEUE_STANDARD_TEMPLATE;
import static org.jotrs.platform.db.schema.Tables.STANDARD_TEMPLATE;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.platform.AdminRows;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.db.schema.tables.records.StandardTemplateRecord;
import org.jotrs.queue.QueueAdministration.Row;
import org.jotrs.queue.TemplateAdministration;
import org.jotrs.queue.TemplateSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Templates (names unique ignoring case, plain text) and the queues each is offered in. */
@Service
class JooqTemplateAdministration implements TemplateAdministration {

    // standard_template.text is a 16 MB column; a canned answer this long is a mistake, not a template
    private static final int MAX_TEMPLATE = 100_000;

    private final DSLContext db;
    private final AccessService access;
    private final AdminRows rows;

    JooqTemplateAdministration(DSLContext db, AccessService access, AdminRows rows) {
        this.db = db;
        this.access = access;
        this.rows = rows;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Row> templates(int actorId) {
        access.requireAdmin(actorId);
        return db.select(STANDARD_TEMPLATE.ID, STANDARD_TEMPLATE.NAME, STANDARD_TEMPLATE.TEMPLATE_TYPE,
                        STANDARD_TEMPLATE.COMMENTS, STANDARD_TEMPLATE.VALID_ID)
                .from(STANDARD_TEMPLATE).orderBy(STANDARD_TEMPLATE.NAME)
                .fetch(r -> new Row(r.value1(), r.value2(), Arrays.asList(r.value3(), r.value4()), r.value5()));
    }

    @Override
    @Transactional(readOnly = true)
    public TemplateSettings template(int actorId, int templateId) {
        access.requireAdmin(actorId);
        return settings(templateRow(templateId));
    }

    @Override
    @Transactional
    public int createTemplate(int actorId, TemplateSettings settings) {
        access.requireAdmin(actorId);
        TemplateSettings clean = validate(settings, null);
        StandardTemplateRecord row = db.newRecord(STANDARD_TEMPLATE);
        apply(row, clean);
        rows.created(actorId, row).store();
        rows.audit(actorId, "template", "template " + clean.name(), "create", changes(null, clean));
        return row.getId();
    }

    @Override
    @Transactional
    public void updateTemplate(int actorId, int templateId, TemplateSettings settings) {
        access.requireAdmin(actorId);
        StandardTemplateRecord row = templateRow(templateId);
        TemplateSettings before = settings(row);
        TemplateSettings clean = validate(settings, row);
        apply(row, clean);
        rows.changed(actorId, row).update();
        rows.audit(actorId, "template", "template " + before.name(), "update", changes(before, clean));
    }

    private StandardTemplateRecord templateRow(int id) {
        StandardTemplateRecord row = db.selectFrom(STANDARD_TEMPLATE).where(STANDARD_TEMPLATE.ID.eq(id)).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.template", String.valueOf(id));
        }
        return row;
    }

    private TemplateSettings validate(TemplateSettings in, StandardTemplateRecord existing) {
        var errors = new InvalidInput.Collector();
        String name = errors.required("name", in.name(), STANDARD_TEMPLATE.NAME, t("validation.enter-name"));
        if (name != null && !errors.has("name")) {
            Condition same = DSL.lower(STANDARD_TEMPLATE.NAME).eq(name.toLowerCase(Locale.ROOT));
            if (existing != null) {
                same = same.and(STANDARD_TEMPLATE.ID.ne(existing.getId()));
            }
            if (db.fetchExists(STANDARD_TEMPLATE, same)) {
                errors.add("name", t("validation.template.name-taken", name));
            }
        }
        // OTRS ships "empty answer" with an empty text, so an empty template is allowed
        String text = in.text() == null ? "" : in.text().replace("\r\n", "\n");
        if (text.length() > MAX_TEMPLATE) {
            errors.add("text", t("validation.at-most-characters", String.valueOf(MAX_TEMPLATE)));
        }
        if (!TEMPLATE_TYPES.contains(in.templateType())) {
            errors.add("templateType", t("validation.choose-one-of", String.join(", ", TEMPLATE_TYPES)));
        }
        String comment = errors.optional("comment", in.comment(), STANDARD_TEMPLATE.COMMENTS);
        AdminRows.validity(errors, in.validId());
        errors.throwIfAny();
        return new TemplateSettings(name, text, in.templateType(), comment, in.validId());
    }

    private static void apply(StandardTemplateRecord row, TemplateSettings s) {
        row.setName(s.name());
        row.setText(s.text());
        row.setTemplateType(s.templateType());
        row.setContentType(PlainText.CONTENT_TYPE);
        row.setComments(s.comment());
        row.setValidId((short) s.validId());
    }

    private static TemplateSettings settings(StandardTemplateRecord r) {
        return new TemplateSettings(r.getName(), r.getText() == null ? "" : r.getText(), r.getTemplateType(),
                r.getComments(), r.getValidId());
    }

    private static List<Change> changes(TemplateSettings b, TemplateSettings a) {
        boolean c = b == null;
        return Arrays.asList(
                Change.of("name", c ? null : b.name(), a.name()),
                Change.of("templateType", c ? null : b.templateType(), a.templateType()),
                Change.of("text", c ? null : b.text(), a.text()),
                Change.of("comment", c ? null : b.comment(), a.comment()),
                AdminRows.validityChange(c ? null : b.validId(), a.validId()));
    }

    // ---- template <-> queue

    @Override
    @Transactional(readOnly = true)
    public Set<Integer> queuesOfTemplate(int actorId, int templateId) {
        access.requireAdmin(actorId);
        templateRow(templateId);
        return new HashSet<>(db.select(QUEUE_STANDARD_TEMPLATE.QUEUE_ID).from(QUEUE_STANDARD_TEMPLATE)
                .where(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID.eq(templateId)).fetch(QUEUE_STANDARD_TEMPLATE.QUEUE_ID));
    }

    @Override
    @Transactional
    public void setQueuesOfTemplate(int actorId, int templateId, Set<Integer> queueIds) {
        access.requireAdmin(actorId);
        String template = templateRow(templateId).getName();
        Map<Integer, String> queues = names(QUEUE, QUEUE.ID, QUEUE.NAME);
        requireKnown(queueIds, queues, "queues", "queue");
        Set<Integer> before = queuesOfTemplate(actorId, templateId);
        replaceAssignments(actorId, QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID.eq(templateId), before, queueIds,
                queueId -> new int[] {queueId, templateId});
        rows.audit(actorId, "template-queues", "template " + template, "update",
                assignmentChanges(before, queueIds, queues, "queue"));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Integer> templatesOfQueue(int actorId, int queueId) {
        access.requireAdmin(actorId);
        queueName(queueId);
        return new HashSet<>(db.select(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID).from(QUEUE_STANDARD_TEMPLATE)
                .where(QUEUE_STANDARD_TEMPLATE.QUEUE_ID.eq(queueId)).fetch(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID));
    }

    @Override
    @Transactional
    public void setTemplatesOfQueue(int actorId, int queueId, Set<Integer> templateIds) {
        access.requireAdmin(actorId);
        String queue = queueName(queueId);
        Map<Integer, String> templates = names(STANDARD_TEMPLATE, STANDARD_TEMPLATE.ID, STANDARD_TEMPLATE.NAME);
        requireKnown(templateIds, templates, "templates", "template");
        Set<Integer> before = templatesOfQueue(actorId, queueId);
        replaceAssignments(actorId, QUEUE_STANDARD_TEMPLATE.QUEUE_ID.eq(queueId), before, templateIds,
                templateId -> new int[] {queueId, templateId});
        rows.audit(actorId, "template-queues", "queue " + queue, "update",
                assignmentChanges(before, templateIds, templates, "template"));
    }

    private String queueName(int queueId) {
        return db.select(QUEUE.NAME).from(QUEUE).where(QUEUE.ID.eq(queueId)).fetchOptional(QUEUE.NAME)
                .orElseThrow(() -> new NoSuchEntry("not-found.queue", String.valueOf(queueId)));
    }

    private Map<Integer, String> names(Table<?> table, Field<Integer> id, Field<String> name) {
        Map<Integer, String> names = new HashMap<>();
        db.select(id, name).from(table).fetch().forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }

    private static void requireKnown(Set<Integer> ids, Map<Integer, String> known, String field, String what) {
        for (Integer id : ids) {
            if (!known.containsKey(id)) {
                throw InvalidInput.of(field, t("validation.no-such-" + what + "-id", String.valueOf(id)));
            }
        }
    }

    /** Deletes the rows no longer wanted and inserts the new ones; rows kept keep their create time. */
    private void replaceAssignments(int actorId, Condition owner, Set<Integer> before, Set<Integer> after,
            IntFunction<int[]> queueAndTemplate) {
        LocalDateTime now = rows.now();
        for (int removed : before) {
            if (!after.contains(removed)) {
                int[] key = queueAndTemplate.apply(removed);
                db.deleteFrom(QUEUE_STANDARD_TEMPLATE).where(owner)
                        .and(QUEUE_STANDARD_TEMPLATE.QUEUE_ID.eq(key[0]))
                        .and(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID.eq(key[1])).execute();
            }
        }
        for (int added : after) {
            if (!before.contains(added)) {
                int[] key = queueAndTemplate.apply(added);
                db.insertInto(QUEUE_STANDARD_TEMPLATE)
                        .set(QUEUE_STANDARD_TEMPLATE.QUEUE_ID, key[0])
                        .set(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID, key[1])
                        .set(QUEUE_STANDARD_TEMPLATE.CREATE_TIME, now).set(QUEUE_STANDARD_TEMPLATE.CREATE_BY, actorId)
                        .set(QUEUE_STANDARD_TEMPLATE.CHANGE_TIME, now).set(QUEUE_STANDARD_TEMPLATE.CHANGE_BY, actorId)
                        .execute();
            }
        }
    }

    private static List<Change> assignmentChanges(Set<Integer> before, Set<Integer> after, Map<Integer, String> names,
            String what) {
        List<Change> changes = new ArrayList<>();
        for (int id : new TreeSet<>(after)) {
            if (!before.contains(id)) {
                changes.add(new Change(what + " " + names.get(id), null, "assigned"));
            }
        }
        for (int id : new TreeSet<>(before)) {
            if (!after.contains(id)) {
                changes.add(new Change(what + " " + names.get(id), "assigned", null));
            }
        }
        return changes;
    }
}
