package org.jotrs.article;

/** Who wrote an article; the names of OTRS's {@code article_sender_type} rows. */
public enum SenderType {
    AGENT("agent"), SYSTEM("system"), CUSTOMER("customer");

    private final String otrsName;

    SenderType(String otrsName) {
        this.otrsName = otrsName;
    }

    public String otrsName() {
        return otrsName;
    }
}
