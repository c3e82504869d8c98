package org.jotrs.search;

/** The orders a result can be sorted by. */
public enum SearchSort {
    RELEVANCE, NUMBER, TITLE, CREATED, CHANGED, PRIORITY, PENDING
}
