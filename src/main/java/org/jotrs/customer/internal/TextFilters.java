package org.jotrs.customer.internal;

import java.util.Locale;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jotrs.platform.InvalidInput;

/** The admin lists' text filters: case-insensitive "contains" and "starts with" over text columns. */
final class TextFilters {

    private TextFilters() {
    }

    /** Rows where any of the fields contains the text ignoring case; every row for a blank text. */
    @SafeVarargs
    static Condition containsAny(String text, Field<String>... fields) {
        String needle = InvalidInput.clean(text);
        if (needle == null) {
            return DSL.noCondition();
        }
        String pattern = "%" + escapeLike(needle.toLowerCase(Locale.ROOT)) + "%";
        Condition any = DSL.falseCondition();
        for (Field<String> field : fields) {
            any = any.or(DSL.lower(field).like(pattern, '!'));
        }
        return any;
    }

    /** The text with LIKE's wildcards escaped by {@code !}. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
