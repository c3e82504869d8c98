package org.jotrs.platform;

/**
 * Something addressed by id or name that does not exist (a ticket, an article, a customer user,
 * a queue, an agent, ...), or that the agent may not know exists: shown as 404, the same answer
 * for both, so a missing right never confirms that a ticket or queue exists. The one not-found
 * family; every module's "no such" exception extends it and {@code org.jotrs.web.ErrorReplies}
 * maps it.
 */
public class NoSuchEntry extends RuntimeException {

    /**
     * @param key the bundle key of the whole sentence ({@code not-found.webhook}: "There is no
     *     webhook {0}."), put in the language of the request being handled
     * @param args its arguments, as text (a number would get the language's digit grouping)
     */
    public NoSuchEntry(String key, String... args) {
        super(Messages.t(key, (Object[]) args));
    }
}
