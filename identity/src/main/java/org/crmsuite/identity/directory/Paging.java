package org.crmsuite.identity.directory;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** {@code page}, {@code size} and {@code sort} query parameters as the HTTP conventions define them. */
final class Paging {

    /** ARCHITECTURE.md, "HTTP conventions": lists are paged with a size of at most 200. */
    static final int MAX_SIZE = 200;
    static final String DEFAULT_SIZE = "20";

    private Paging() {
    }

    /** {@code sort} is {@code field} or {@code field,asc|desc}; the controller has checked the field. */
    static Pageable of(int page, int size, String sort) {
        String[] parts = sort.split(",");
        Sort.Direction direction = parts.length > 1 && parts[1].equalsIgnoreCase("desc") ? Sort.Direction.DESC
                : Sort.Direction.ASC;
        return PageRequest.of(page, size, Sort.by(direction, parts[0]).and(Sort.by("_id")));
    }
}
