package io.distributedjob.kernel;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code data: {list, total, page, size}}. */
public record PageResult<T>(List<T> list, long total, int page, int size) {

    public static <T> PageResult<T> of(List<T> list, long total, PageQuery query) {
        return new PageResult<>(list, total, query.page(), query.size());
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(list.stream().map(mapper).toList(), total, page, size);
    }
}
