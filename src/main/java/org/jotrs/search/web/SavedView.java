package org.jotrs.search.web;

import org.jotrs.search.SavedSearches.SavedSearch;

/** A view in the navigation: a saved search with how many tickets it finds now (null when it cannot run). */
public record SavedView(SavedSearch search, Long count) {
}
