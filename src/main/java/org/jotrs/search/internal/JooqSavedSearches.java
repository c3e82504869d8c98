package org.jotrs.search.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.JOTRS_SAVED_SEARCH;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.search.SavedSearches;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saved searches in {@code jotrs_saved_search}; visibility read per call, like every permission. */
@Service
class JooqSavedSearches implements SavedSearches {

    static final int MAX_NAME = 100;
    static final int MAX_PARAMETERS = 4000;
    /** An agent's list of views stays short enough to count them all on every page. */
    static final int MAX_PER_AGENT = 50;

    private final DSLContext db;
    private final AccessService access;
    private final Clock clock;

    JooqSavedSearches(DSLContext db, AccessService access, Clock clock) {
        this.db = db;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public List<SavedSearch> visibleTo(int agentId) {
        Set<Integer> readable = access.groupsWith(agentId, Permission.RO);
        var visible = JOTRS_SAVED_SEARCH.USER_ID.eq(agentId);
        if (!readable.isEmpty()) {
            visible = visible.or(JOTRS_SAVED_SEARCH.SHARED_GROUP_ID.in(readable));
        }
        return db.selectFrom(JOTRS_SAVED_SEARCH).where(visible)
                .orderBy(JOTRS_SAVED_SEARCH.NAME, JOTRS_SAVED_SEARCH.ID)
                .limit(MAX_PER_AGENT * 2)
                .fetch(JooqSavedSearches::toSavedSearch);
    }

    @Override
    @Transactional
    public SavedSearch save(int agentId, String name, String parameters, Integer sharedGroupId) {
        String cleanName = name == null ? "" : name.strip();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        if (cleanName.isEmpty()) {
            errors.add("name", t("search.error.name-missing"));
        } else if (cleanName.length() > MAX_NAME) {
            errors.add("name", t("validation.at-most-characters", String.valueOf(MAX_NAME)));
        }
        String params = parameters == null ? "" : parameters;
        if (params.length() > MAX_PARAMETERS) {
            errors.add("name", t("search.error.too-long-to-save", String.valueOf(MAX_PARAMETERS)));
        }
        if (sharedGroupId != null && !access.permissionsOn(agentId, sharedGroupId).contains(Permission.RW)) {
            errors.add("group", t("search.error.share-needs-rw"));
        }
        errors.throwIfAny();
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        Record existing = db.select(JOTRS_SAVED_SEARCH.ID).from(JOTRS_SAVED_SEARCH)
                .where(JOTRS_SAVED_SEARCH.USER_ID.eq(agentId), JOTRS_SAVED_SEARCH.NAME.eq(cleanName))
                .forUpdate().fetchOne();
        if (existing != null) {
            long id = existing.get(JOTRS_SAVED_SEARCH.ID);
            db.update(JOTRS_SAVED_SEARCH).set(JOTRS_SAVED_SEARCH.PARAMETERS, params)
                    .set(JOTRS_SAVED_SEARCH.SHARED_GROUP_ID, sharedGroupId)
                    .set(JOTRS_SAVED_SEARCH.CHANGE_TIME, now)
                    .where(JOTRS_SAVED_SEARCH.ID.eq(id)).execute();
            return new SavedSearch(id, agentId, cleanName, params, sharedGroupId);
        }
        int own = db.fetchCount(JOTRS_SAVED_SEARCH, JOTRS_SAVED_SEARCH.USER_ID.eq(agentId));
        if (own >= MAX_PER_AGENT) {
            throw InvalidInput.of("name", t("search.error.too-many-saved", String.valueOf(MAX_PER_AGENT)));
        }
        long id = db.insertInto(JOTRS_SAVED_SEARCH)
                .set(JOTRS_SAVED_SEARCH.USER_ID, agentId)
                .set(JOTRS_SAVED_SEARCH.NAME, cleanName)
                .set(JOTRS_SAVED_SEARCH.PARAMETERS, params)
                .set(JOTRS_SAVED_SEARCH.SHARED_GROUP_ID, sharedGroupId)
                .set(JOTRS_SAVED_SEARCH.CREATE_TIME, now)
                .set(JOTRS_SAVED_SEARCH.CHANGE_TIME, now)
                .returningResult(JOTRS_SAVED_SEARCH.ID)
                .fetchOne(JOTRS_SAVED_SEARCH.ID);
        return new SavedSearch(id, agentId, cleanName, params, sharedGroupId);
    }

    @Override
    @Transactional
    public void delete(int agentId, long savedSearchId) {
        int deleted = db.deleteFrom(JOTRS_SAVED_SEARCH)
                .where(JOTRS_SAVED_SEARCH.ID.eq(savedSearchId), JOTRS_SAVED_SEARCH.USER_ID.eq(agentId))
                .execute();
        if (deleted == 0) {
            throw new NoSuchEntry("not-found.saved-search", String.valueOf(savedSearchId));
        }
    }

    private static SavedSearch toSavedSearch(Record r) {
        return new SavedSearch(r.get(JOTRS_SAVED_SEARCH.ID), r.get(JOTRS_SAVED_SEARCH.USER_ID),
                r.get(JOTRS_SAVED_SEARCH.NAME), r.get(JOTRS_SAVED_SEARCH.PARAMETERS),
                r.get(JOTRS_SAVED_SEARCH.SHARED_GROUP_ID));
    }
}
