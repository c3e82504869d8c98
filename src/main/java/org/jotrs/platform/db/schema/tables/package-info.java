/**
 * Generated jOOQ tables.
 * Regenerate with {@code ./mvnw -Pjooq-codegen process-test-classes}; do not edit.
 */
@org.springframework.modulith.NamedInterface("schema-tables")
package org.jotrs.platform.db.schema.tables;
