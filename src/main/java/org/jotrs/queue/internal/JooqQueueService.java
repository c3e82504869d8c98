package org.jotrs.queue.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.SYSTEM_ADDRESS;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record5;
import org.jotrs.queue.Queue;
import org.jotrs.queue.QueueService;
import org.springframework.stereotype.Service;

@Service
class JooqQueueService implements QueueService {

    private static final short VALID = 1;

    private final DSLContext db;

    JooqQueueService(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<Queue> find(int queueId) {
        return db.select(QUEUE.ID, QUEUE.NAME, QUEUE.GROUP_ID, QUEUE.VALID_ID, QUEUE.FOLLOW_UP_ID)
                .from(QUEUE)
                .where(QUEUE.ID.eq(queueId))
                .fetchOptional(JooqQueueService::toQueue);
    }

    @Override
    public List<Queue> validQueues() {
        return db.select(QUEUE.ID, QUEUE.NAME, QUEUE.GROUP_ID, QUEUE.VALID_ID, QUEUE.FOLLOW_UP_ID)
                .from(QUEUE)
                .where(QUEUE.VALID_ID.eq(VALID))
                .orderBy(QUEUE.NAME)
                .fetch(JooqQueueService::toQueue);
    }

    private static Queue toQueue(Record5<Integer, String, Integer, Short, Short> row) {
        return new Queue(row.value1(), row.value2(), row.value3(), row.value4() == VALID, row.value5());
    }

    @Override
    public Optional<String> senderOf(int queueId) {
        return db.select(SYSTEM_ADDRESS.VALUE0, SYSTEM_ADDRESS.VALUE1).from(QUEUE)
                .join(SYSTEM_ADDRESS).on(SYSTEM_ADDRESS.ID.eq(QUEUE.SYSTEM_ADDRESS_ID))
                .where(QUEUE.ID.eq(queueId)).and(SYSTEM_ADDRESS.VALID_ID.eq((short) 1))
                .fetchOptional(r -> r.value2() == null || r.value2().isBlank() ? r.value1()
                        : "\"" + r.value2().replace("\"", "") + "\" <" + r.value1() + ">");
    }

    @Override
    public Optional<Integer> queueForAddress(String mailAddress) {
        if (mailAddress == null || mailAddress.isBlank()) {
            return Optional.empty();
        }
        return db.select(SYSTEM_ADDRESS.QUEUE_ID).from(SYSTEM_ADDRESS)
                .where(org.jooq.impl.DSL.lower(SYSTEM_ADDRESS.VALUE0).eq(mailAddress.strip().toLowerCase(java.util.Locale.ROOT)))
                .and(SYSTEM_ADDRESS.VALID_ID.eq((short) 1))
                .orderBy(SYSTEM_ADDRESS.ID).limit(1)
                .fetchOptional(SYSTEM_ADDRESS.QUEUE_ID);
    }

    @Override
    public Optional<Integer> queueIdByName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return db.select(QUEUE.ID).from(QUEUE).where(QUEUE.NAME.eq(name.strip())).and(QUEUE.VALID_ID.eq((short) 1))
                .fetchOptional(QUEUE.ID);
    }
}
