package org.jotrs.article.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code jotrs.article.*}: where attachments are stored and how large they may be.
 *
 * @param storage the backend new attachments are written to; both are always read (OTRS's
 *     ArticleStorageDB / ArticleStorageFS)
 * @param storagePath the root of the file-system backend (OTRS {@code ArticleDataDir});
 *     {@code ${jotrs.data-dir}/article} by default (set in application.yml)
 * @param maxAttachmentSize the largest single attachment accepted
 */
@ConfigurationProperties("jotrs.article")
record ArticleProperties(
        @DefaultValue("database") Storage storage,
        @DefaultValue("./data/article") Path storagePath,
        @DefaultValue("20MB") DataSize maxAttachmentSize) {

    enum Storage {
        DATABASE, FILESYSTEM
    }
}
