package org.jotrs.search.internal;

/** The fields of a ticket's document in the index. One document per ticket, with all its articles. */
final class TicketFields {

    /** Bump when the documents change shape: an index of another version is rebuilt at start. */
    static final String SCHEMA_VERSION = "3";

    static final String ID = "id";
    static final String NUMBER = "tn";
    /** Every start of the ticket number from {@link TicketDocuments#NUMBER_PREFIX_MIN} characters: a typed number is one term. */
    static final String NUMBER_PREFIX = "tn_prefix";
    static final String TITLE = "title";
    static final String TITLE_SORT = "title_sort";
    static final String TEXT = "text";
    /** The starts (2 to {@link Analysis#PREFIX_MAX} characters) of every word of the text: a typed prefix is one term. */
    static final String TEXT_PREFIX = "text_prefix";
    static final String TITLE_PREFIX = "title_prefix";
    static final String SNIPPET_SOURCE = "body";
    static final String FROM = "from";
    static final String TO = "to";
    static final String CC = "cc";
    static final String SUBJECT = "subject";
    static final String QUEUE = "queue";
    static final String STATE = "state";
    static final String PRIORITY = "priority";
    static final String TYPE = "type";
    static final String OWNER = "owner";
    static final String RESPONSIBLE = "responsible";
    static final String LOCK = "lock";
    static final String CUSTOMER_USER = "customer_user";
    static final String CUSTOMER_ID = "customer_id";
    static final String CREATED = "created";
    static final String CHANGED = "changed";
    static final String PENDING = "pending";
    static final String ESCALATION = "escalation";
    static final String GENERATION = "gen";

    private TicketFields() {
    }
}
