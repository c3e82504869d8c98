package org.jotrs.queue.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record5;
import org.jotrs.queue.Queue;
import org.jotrs.queue.QueueService;
import org.springframework.stereotype.Service;

@Service
class JdbcQueueService implements QueueService {

    private static final short VALID = 1;

    private final DSLContext db;

    JdbcQueueService(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<Queue> find(int queueId) {
        return db.select(QUEUE.ID, QUEUE.NAME, QUEUE.GROUP_ID, QUEUE.VALID_ID, QUEUE.FOLLOW_UP_ID)
                .from(QUEUE)
                .where(QUEUE.ID.eq(queueId))
                .fetchOptional(JdbcQueueService::toQueue);
    }

    @Override
    public List<Queue> validQueues() {
        return db.select(QUEUE.ID, QUEUE.NAME, QUEUE.GROUP_ID, QUEUE.VALID_ID, QUEUE.FOLLOW_UP_ID)
                .from(QUEUE)
                .where(QUEUE.VALID_ID.eq(VALID))
                .orderBy(QUEUE.NAME)
                .fetch(JdbcQueueService::toQueue);
    }

    private static Queue toQueue(Record5<Integer, String, Integer, Short, Short> row) {
        return new Queue(row.value1(), row.value2(), row.value3(), row.value4() == VALID, row.value5());
    }
}
