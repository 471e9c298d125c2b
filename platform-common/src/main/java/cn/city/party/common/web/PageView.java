package cn.city.party.common.web;

import org.springframework.data.domain.Page;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint answers it: the rows, the page asked for (from 0), and the totals. */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return of(page.map(view));
    }
}
