package org.jotrs.article;

import java.util.Map;

import org.jotrs.platform.InvalidInput;

/** An article that cannot be stored as given; nothing was written. Field names map to messages. */
public class InvalidArticle extends InvalidInput {

    public InvalidArticle(Map<String, String> errors) {
        super(errors);
    }
}
