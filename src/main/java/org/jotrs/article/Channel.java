package org.jotrs.article;

/** How an article came in or went out; the names of OTRS's {@code communication_channel} rows. */
public enum Channel {
    EMAIL("Email"), PHONE("Phone"), INTERNAL("Internal");

    private final String otrsName;

    Channel(String otrsName) {
        this.otrsName = otrsName;
    }

    public String otrsName() {
        return otrsName;
    }
}
