/**
 * Search: the full-text index of tickets and articles (Apache Lucene on this node's disk, fed from
 * the change feed), queries with filters, and agents' saved searches ({@code jotrs_saved_search}).
 * The root package is the module's API; {@code internal} holds the implementation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.jotrs.search;
