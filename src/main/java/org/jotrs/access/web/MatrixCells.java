package org.jotrs.access.web;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jotrs.access.AccessChangeRefused;
import org.jotrs.access.Permission;

/**
 * The checked boxes of a matrix form: each box posts {@code grant=<row id>:<permission key>},
 * each membership box {@code member=<id>}. Unchecked boxes post nothing, which is what makes a
 * save replace the whole side.
 */
final class MatrixCells {

    private MatrixCells() {
    }

    static Map<Integer, Set<Permission>> grants(List<String> cells) {
        Map<Integer, Set<Permission>> grants = new HashMap<>();
        if (cells == null) {
            return grants;
        }
        for (String cell : cells) {
            String[] parts = cell.split(":", 2);
            Permission permission = parts.length == 2 ? Permission.fromKey(parts[1]).orElse(null) : null;
            if (permission == null || !parts[0].matches("\\d{1,9}")) {
                throw AccessChangeRefused.invalid(Map.of("permissions", "'" + cell + "' is not a permission box."));
            }
            grants.computeIfAbsent(Integer.parseInt(parts[0]), id -> EnumSet.noneOf(Permission.class)).add(permission);
        }
        return grants;
    }

    static Set<Integer> ids(List<String> values) {
        Set<Integer> ids = new HashSet<>();
        if (values == null) {
            return ids;
        }
        for (String value : values) {
            if (!value.matches("\\d{1,9}")) {
                throw AccessChangeRefused.invalid(Map.of("permissions", "'" + value + "' is not an id."));
            }
            ids.add(Integer.parseInt(value));
        }
        return ids;
    }
}
