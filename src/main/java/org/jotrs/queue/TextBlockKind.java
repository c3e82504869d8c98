package org.jotrs.queue;

/** The two kinds of text a queue puts around every answer. */
public enum TextBlockKind {
    SALUTATION("salutation", "Salutation", "Salutations"),
    SIGNATURE("signature", "Signature", "Signatures");

    private final String key;
    private final String title;
    private final String plural;

    TextBlockKind(String key, String title, String plural) {
        this.key = key;
        this.title = title;
        this.plural = plural;
    }

    /** Lower-case name, as in the admin paths ({@code /admin/salutations}) and the audit log. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public String plural() {
        return plural;
    }
}
