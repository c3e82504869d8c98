package org.jotrs.search.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jotrs.search.*}: this node's search index.
 *
 * @param indexPath the index folder on local disk; one per node, never shared
 * @param commitInterval how often the index is made durable with its feed position (a crash
 *     re-applies the changes since, from the feed)
 * @param queryTimeout a query still running after this returns what it found so far
 * @param rebuildBatch tickets read from the database per step of a rebuild
 */
@ConfigurationProperties("jotrs.search")
record SearchProperties(
        @DefaultValue("./data/search-index") Path indexPath,
        @DefaultValue("5s") Duration commitInterval,
        @DefaultValue("2s") Duration queryTimeout,
        @DefaultValue("1000") int rebuildBatch) {

    SearchProperties {
        if (rebuildBatch < 1) {
            throw new IllegalArgumentException("jotrs.search.rebuild-batch must be at least 1");
        }
    }
}
