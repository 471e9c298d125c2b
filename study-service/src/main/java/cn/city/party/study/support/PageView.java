package cn.city.party.study.support;

import org.springframework.data.domain.Page;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as the API returns it. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return new PageView<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }
}
