package org.crmsuite.visit.web;

import java.util.List;

/** One page of a list (ARCHITECTURE.md: lists are paged, max size 200). */
public record PageView<T>(List<T> items, int page, int size, long totalItems) {

    public static final int MAX_SIZE = 200;

    public static int size(Integer requested) {
        if (requested == null) {
            return 50;
        }
        if (requested < 1 || requested > MAX_SIZE) {
            throw Invalid.field("size", "must be between 1 and " + MAX_SIZE);
        }
        return requested;
    }

    public static int page(Integer requested) {
        if (requested == null) {
            return 0;
        }
        if (requested < 0) {
            throw Invalid.field("page", "must be 0 or more");
        }
        return requested;
    }
}
