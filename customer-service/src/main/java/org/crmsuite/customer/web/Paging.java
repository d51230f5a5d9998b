package org.crmsuite.customer.web;

import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * {@code page}, {@code size} (≤ 200) and {@code sort=field[,asc|desc]} as the HTTP conventions define them. Only the
 * listed sort fields are accepted (each maps to a stored field that an index covers); anything else is a 400 naming
 * {@code sort}, so a client can never sort on an arbitrary or operator-like field.
 */
public final class Paging {

    public static final int MAX_SIZE = 200;

    private Paging() {
    }

    public static Pageable of(int page, int size, String sort, Map<String, String> sortable, String defaultSort) {
        String requested = sort == null || sort.isBlank() ? defaultSort : sort;
        String[] parts = requested.split(",");
        String field = sortable.get(parts[0].trim());
        if (field == null || parts.length > 2) {
            throw Invalid.field("sort", "must be one of " + sortable.keySet() + ", optionally followed by ,asc or ,desc");
        }
        Sort.Direction direction = Sort.Direction.ASC;
        if (parts.length == 2) {
            String dir = parts[1].trim().toLowerCase(java.util.Locale.ROOT);
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw Invalid.field("sort", "direction must be asc or desc");
            }
            direction = dir.equals("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
        }
        return PageRequest.of(page, size, Sort.by(direction, field).and(Sort.by(direction, "_id")));
    }
}
