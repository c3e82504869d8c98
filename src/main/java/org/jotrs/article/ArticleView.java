package org.jotrs.article;

import java.time.LocalDateTime;
import java.util.List;

/**
 * An article as agents read it.
 *
 * @param body the plain-text body (for HTML articles, the text OTRS made from the HTML)
 * @param html whether the article has an HTML version of its body (shown in a sandboxed frame)
 * @param cc the Cc addresses of a mail article, or null
 * @param bcc the Bcc addresses of a mail an agent sent, or null (OTRS keeps them; agents may see them)
 * @param attachments the files attached to it, without the body parts
 */
public record ArticleView(long id, SenderType sender, String channel, boolean visibleForCustomer, String from,
        String to, String cc, String bcc, String subject, String contentType, String body, LocalDateTime created, boolean html,
        List<AttachmentInfo> attachments) {
}
