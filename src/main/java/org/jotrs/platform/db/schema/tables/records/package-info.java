/**
 * Generated jOOQ records.
 * Regenerate with {@code ./mvnw -Pjooq-codegen process-test-classes}; do not edit.
 */
@org.springframework.modulith.NamedInterface("schema-records")
package org.jotrs.platform.db.schema.tables.records;
