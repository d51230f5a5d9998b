package org.crmsuite.customer.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** A page of a list, in the same shape as the other services' lists. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return new PageView<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }

    public static <T> PageView<T> ofList(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new PageView<>(List.copyOf(all.subList(from, to)), page, size, all.size(),
                (int) Math.ceil(all.size() / (double) size));
    }
}
