package org.jotrs.platform;

/**
 * Which OTRS generation a database has. The only difference Jotrs must bridge is the name of
 * the group table: OTRS 6 / Znuny 6.5 call it {@code groups}, Znuny 7 {@code permission_groups}
 * (MySQL 8 reserved the old name). A fresh Jotrs database uses the Znuny 7 shape.
 */
public enum SchemaFlavor {
    OTRS6("groups"),
    ZNUNY7("permission_groups");

    private final String groupTable;

    SchemaFlavor(String groupTable) {
        this.groupTable = groupTable;
    }

    public String groupTable() {
        return groupTable;
    }
}
