package io.distributedjob.execution;

import java.util.List;

import io.distributedjob.record.ExecutionAttempt;

/** What a fire leaves beside its outcome: its trace (null when not sampled) and the calls it made. */
public record FireTrail(String traceId, List<ExecutionAttempt> attempts) {

    /** The trail of a fire that made no call and was not traced. */
    public static final FireTrail NONE = new FireTrail(null, List.of());
}
