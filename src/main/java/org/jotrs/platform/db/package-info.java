/**
 * The database schema as jOOQ classes, generated from the migrations into {@code .schema}
 * (regenerate: {@code ./mvnw -Pjooq-codegen process-test-classes}). Every module queries through
 * them; by the house rules a module writes only its own tables.
 */
@org.springframework.modulith.NamedInterface(name = "schema", propagate = true)
package org.jotrs.platform.db;
