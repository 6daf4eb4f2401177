package io.distributedjob.execution;

/**
 * What a task executor reports about one fire.
 *
 * @param statusCode   HTTP status or gRPC code of the call that decided the outcome; null when nothing answered
 * @param response     the answer, already cut to the configured size
 * @param retryTimes   retries made after the first call
 * @param usedFallback whether the fallback target was called
 */
public record ExecutionOutcome(boolean success, Integer statusCode, String response, String error, int retryTimes,
                               boolean usedFallback) {

    public static ExecutionOutcome failure(String error) {
        return new ExecutionOutcome(false, null, null, error, 0, false);
    }
}
