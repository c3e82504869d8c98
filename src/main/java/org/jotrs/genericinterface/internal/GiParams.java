package org.jotrs.genericinterface.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading OTRS request data as Perl does: a value is "given" when it is a non-empty string or a
 * number (leading and trailing blanks removed, as the operations strip them); lists may come as a
 * JSON array or as one value.
 */
final class GiParams {

    private GiParams() {
    }

    /** The value as stripped text, or null when absent, empty or not a scalar. */
    static String text(Map<String, Object> data, String key) {
        if (data == null) {
            return null;
        }
        Object value = data.get(key);
        if (value instanceof String text) {
            String stripped = text.strip();
            return stripped.isEmpty() ? null : stripped;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value instanceof Boolean flag ? (flag ? 1 : 0) : value);
        }
        return null;
    }

    /** Perl truth of a flag: absent, "", "0" and 0 are false. */
    static boolean flag(Map<String, Object> data, String key) {
        String value = text(data, key);
        return value != null && !value.equals("0");
    }

    /** A list of values: a JSON array of scalars, or one scalar. */
    static List<String> list(Map<String, Object> data, String key) {
        Object value = data == null ? null : data.get(key);
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof String || item instanceof Number) {
                    String text = String.valueOf(item).strip();
                    if (!text.isEmpty()) {
                        values.add(text);
                    }
                }
            }
        } else {
            String text = text(data, key);
            if (text != null) {
                values.add(text);
            }
        }
        return values;
    }

    /** A nested hash (JSON object), or null when absent; a value of another shape is null too. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> hash(Map<String, Object> data, String key) {
        Object value = data == null ? null : data.get(key);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** Hashes given as one hash or a list of hashes (OTRS's DynamicField and Attachment); null entries mark a wrong shape. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> hashes(Object value) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            items.add((Map<String, Object>) map);
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                items.add(item instanceof Map<?, ?> map && !map.isEmpty() ? (Map<String, Object>) map : null);
            }
        }
        return items;
    }

    /** Whether the value is a non-empty hash or a non-empty list (Perl's IsHashRefWithData || IsArrayRefWithData). */
    static boolean hashOrListWithData(Object value) {
        return value instanceof Map<?, ?> map && !map.isEmpty() || value instanceof List<?> list && !list.isEmpty();
    }

    /** An id: digits only. */
    static Integer id(String text) {
        if (text == null || !text.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(text);
    }
}
