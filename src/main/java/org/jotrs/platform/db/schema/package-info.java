/**
 * The database schema as jOOQ classes, generated from the migrations by JooqCodegen.
 * Regenerate with {@code ./mvnw -Pjooq-codegen process-test-classes}; do not edit.
 */
@org.springframework.modulith.NamedInterface("schema")
package org.jotrs.platform.db.schema;
