package org.jotrs.api;

/** What a token may do: read only (GET and HEAD), or everything its agent may do. */
public enum ApiScope {
    READ("read"), WRITE("write");

    private final String key;

    ApiScope(String key) {
        this.key = key;
    }

    /** The stored and displayed name: {@code read} or {@code write}. */
    public String key() {
        return key;
    }

    /** The scope named {@code key}, or null. */
    public static ApiScope of(String key) {
        for (ApiScope scope : values()) {
            if (scope.key.equals(key)) {
                return scope;
            }
        }
        return null;
    }
}
