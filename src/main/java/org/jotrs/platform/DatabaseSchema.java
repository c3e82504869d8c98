package org.jotrs.platform;

import static org.jotrs.platform.db.schema.Tables.PERMISSION_GROUPS;

import org.jotrs.platform.db.schema.tables.PermissionGroups;

/**
 * The database Jotrs runs on, as found at start-up after migrations ran.
 *
 * @param kind the database family
 * @param flavor the OTRS generation of the schema
 * @param origin whether this start created the schema, adopted an existing OTRS database, or
 *     found a Jotrs schema already in place
 * @param adoptedFromOtrs whether OTRS or Znuny created this database and Jotrs adopted it (on this
 *     or an earlier start): an OTRS may still run on it side by side, so Jotrs writes nothing
 *     such an OTRS could not read unless an administrator says it can
 */
public record DatabaseSchema(DatabaseKind kind, SchemaFlavor flavor, Origin origin, boolean adoptedFromOtrs) {

    public enum Origin {
        /** This start created the OTRS schema and its initial data. */
        INSTALLED,
        /** This start found an OTRS/Znuny database without Jotrs and added only Jotrs tables. */
        ADOPTED,
        /** Jotrs had run on this database before. */
        EXISTING
    }

    /**
     * The agent group table under the name this database uses; queries must go through this
     * instead of the generated constant so they work on OTRS 6 databases too.
     */
    public PermissionGroups permissionGroups() {
        return flavor == SchemaFlavor.ZNUNY7 ? PERMISSION_GROUPS : PERMISSION_GROUPS.rename(flavor.groupTable());
    }
}
