package org.jotrs.article;

import java.time.LocalDateTime;

/** An article as agents read it. */
public record ArticleView(long id, SenderType sender, String channel, boolean visibleForCustomer, String from,
        String to, String subject, String contentType, String body, LocalDateTime created) {
}
