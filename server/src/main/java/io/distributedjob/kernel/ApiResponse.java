package io.distributedjob.kernel;

/** The envelope of every REST answer: {@code code} 0 and {@code message} "success" when all went well. */
public record ApiResponse<T>(int code, String message, T data) {

    public static final String SUCCESS = "success";

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(0, SUCCESS, data);
    }

    public static ApiResponse<Void> ok() {
        return new ApiResponse<>(0, SUCCESS, null);
    }

    public static ApiResponse<Void> error(ErrorCode error, String message) {
        return new ApiResponse<>(error.code(), message, null);
    }
}
