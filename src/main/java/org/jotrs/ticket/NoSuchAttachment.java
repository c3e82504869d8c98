package org.jotrs.ticket;

import org.jotrs.platform.NoSuchEntry;

/** The ticket has no such article, or the article no such attachment or HTML body. */
public class NoSuchAttachment extends NoSuchEntry {

    public NoSuchAttachment(long ticketId, long articleId) {
        super("not-found.attachment", String.valueOf(articleId), String.valueOf(ticketId));
    }
}
