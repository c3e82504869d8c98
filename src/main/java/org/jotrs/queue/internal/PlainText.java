package org.jotrs.queue.internal;

/** How OTRS stores plain-text salutations, signatures and templates. */
final class PlainText {

    /** The content type OTRS writes for plain text. */
    static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    private PlainText() {
    }
}
