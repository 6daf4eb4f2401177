package io.distributedjob.kernel;

/**
 * The {@code page} and {@code size} query parameters of a list endpoint, bound by name; either may be left out.
 * {@link #query()} applies the defaults and limits of {@link PageQuery}.
 */
public record PageParameters(Integer page, Integer size) {

    public PageQuery query() {
        return PageQuery.of(page, size);
    }
}
