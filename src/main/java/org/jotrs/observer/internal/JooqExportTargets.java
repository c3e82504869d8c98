package org.jotrs.observer.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EXPORT_TARGET;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_SITE;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.observer.ExportTargets;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.SecretBox;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverExportTargetRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Export targets in {@code jotrs_observer_export_target}, their credentials sealed by {@link SecretBox}. */
@Service
class JooqExportTargets implements ExportTargets {

    private static final Pattern JIRA_PROJECT = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,49}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final DSLContext db;
    private final AccessService access;
    private final AuditLog audit;
    private final SecretBox secrets;
    private final Clock clock;

    JooqExportTargets(DSLContext db, AccessService access, AuditLog audit, SecretBox secrets, Clock clock) {
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Target> targets(int actorId, long siteId) {
        access.requireAdmin(actorId);
        var t = JOTRS_OBSERVER_EXPORT_TARGET;
        return db.selectFrom(t).where(t.SITE_ID.eq(siteId)).orderBy(t.KIND).fetch(JooqExportTargets::target);
    }

    @Override
    @Transactional
    public void save(int actorId, long siteId, Kind kind, Settings settings) {
        access.requireAdmin(actorId);
        String siteName = db.select(JOTRS_OBSERVER_SITE.NAME).from(JOTRS_OBSERVER_SITE).where(JOTRS_OBSERVER_SITE.ID.eq(siteId))
                .forUpdate().fetchOne(JOTRS_OBSERVER_SITE.NAME);
        if (siteName == null) {
            throw new NoSuchEntry("not-found.observed-site", String.valueOf(siteId));
        }
        var t = JOTRS_OBSERVER_EXPORT_TARGET;
        JotrsObserverExportTargetRecord row = db.selectFrom(t).where(t.SITE_ID.eq(siteId)).and(t.KIND.eq(kind.key())).fetchOne();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String baseUrl = "";
        String email = "";
        String issueType = "";
        String project;
        if (kind == Kind.JIRA) {
            baseUrl = errors.required("baseUrl", settings.baseUrl(), t.BASE_URL, t("validation.observer.jira-url-missing"));
            if (baseUrl != null && !errors.has("baseUrl") && !httpUrl(baseUrl)) {
                errors.add("baseUrl", t("validation.observer.jira-url-syntax"));
            }
            email = errors.required("userEmail", settings.userEmail(), t.USER_EMAIL, t("validation.observer.jira-email-missing"));
            if (email != null && !errors.has("userEmail") && !EMAIL.matcher(email).matches()) {
                errors.add("userEmail", t("validation.not-a-mail-address", email));
            }
            project = errors.required("project", settings.project(), t.PROJECT, t("validation.observer.jira-project-missing"));
            if (project != null && !errors.has("project") && !JIRA_PROJECT.matcher(project).matches()) {
                errors.add("project", t("validation.observer.jira-project-syntax"));
            }
            issueType = errors.required("issueType", settings.issueType(), t.ISSUE_TYPE, t("validation.observer.jira-issue-type"));
        } else {
            project = errors.required("project", settings.project(), t.PROJECT, t("validation.observer.linear-team"));
        }
        String secret = InvalidInput.clean(settings.secret());
        if (secret == null && row == null) {
            errors.add("secret", kind == Kind.JIRA ? t("validation.observer.jira-token") : t("validation.observer.linear-key"));
        } else if (secret != null && secret.length() > 500) {
            errors.add("secret", t("validation.at-most-characters", "500"));
        } else if (secret != null && !secrets.available()) {
            errors.add("secret", t("validation.observer.no-secret-key"));
        }
        errors.throwIfAny();
        LocalDateTime now = LocalDateTime.now(clock);
        Target before = row == null ? null : target(row);
        if (row == null) {
            row = db.newRecord(t);
            row.setSiteId(siteId);
            row.setKind(kind.key());
            row.setCreateTime(now);
        }
        row.setBaseUrl(baseUrl);
        row.setUserEmail(email);
        row.setProject(project);
        row.setIssueType(issueType);
        if (secret != null) {
            row.setSecret(secrets.seal(secret));
            row.setSecretHint(hint(secret));
        }
        row.setChangeTime(now);
        row.store();
        List<AuditLog.Change> changes = new ArrayList<>();
        changes.add(AuditLog.Change.of("base url", before == null ? null : before.baseUrl(), baseUrl));
        changes.add(AuditLog.Change.of("user email", before == null ? null : before.userEmail(), email));
        changes.add(AuditLog.Change.of("project", before == null ? null : before.project(), project));
        changes.add(AuditLog.Change.of("issue type", before == null ? null : before.issueType(), issueType));
        if (secret != null) {
            changes.add(AuditLog.Change.secret("credential"));
        }
        audit.record(actorId, "observed-site", "site " + siteName, (before == null ? "add " : "change ") + kind.key() + " export",
                changes.stream().filter(Objects::nonNull).toList());
    }

    @Override
    @Transactional
    public void remove(int actorId, long siteId, Kind kind) {
        access.requireAdmin(actorId);
        var t = JOTRS_OBSERVER_EXPORT_TARGET;
        String siteName = db.select(JOTRS_OBSERVER_SITE.NAME).from(JOTRS_OBSERVER_SITE).where(JOTRS_OBSERVER_SITE.ID.eq(siteId))
                .fetchOne(JOTRS_OBSERVER_SITE.NAME);
        if (siteName == null) {
            throw new NoSuchEntry("not-found.observed-site", String.valueOf(siteId));
        }
        if (db.deleteFrom(t).where(t.SITE_ID.eq(siteId)).and(t.KIND.eq(kind.key())).execute() > 0) {
            audit.record(actorId, "observed-site", "site " + siteName, "remove " + kind.key() + " export", List.of());
        }
    }

    /** The last four characters: enough to recognise a credential, too few to use it. */
    static String hint(String secret) {
        return secret.length() <= 8 ? "" : secret.substring(secret.length() - 4);
    }

    static Target target(JotrsObserverExportTargetRecord r) {
        return new Target(r.getId(), r.getSiteId(), Kind.of(r.getKind()), r.getBaseUrl(), r.getUserEmail(), r.getProject(),
                r.getIssueType(), r.getSecretHint());
    }

    private static boolean httpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
