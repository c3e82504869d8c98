package org.jotrs.article;

import java.util.Map;
import java.util.stream.Collectors;

/** An article that cannot be stored as given; nothing was written. Field names map to messages. */
public class InvalidArticle extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidArticle(Map<String, String> errors) {
        super(errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
