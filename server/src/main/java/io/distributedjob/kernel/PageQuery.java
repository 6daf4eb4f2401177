package io.distributedjob.kernel;

/**
 * Paging parameters of a list request: {@code page} counts from 1, {@code size} is capped so one request
 * cannot ask for the whole table, and the rows skipped before the page must fit the databases' int offset.
 */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;

    public PageQuery {
        if (page < 1) {
            throw ApiException.invalid("page must be at least 1");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.invalid("size must be between 1 and " + MAX_SIZE);
        }
        if ((long) (page - 1) * size > Integer.MAX_VALUE) {
            throw ApiException.invalid("page must be at most " + (Integer.MAX_VALUE / size + 1) + " with size " + size);
        }
    }

    public static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return (page - 1) * size;
    }
}
