package io.distributedjob.cron;

/** A cron expression, macro or time zone that cannot be scheduled; the message says why, for the caller. */
public class InvalidScheduleException extends IllegalArgumentException {

    public InvalidScheduleException(String message) {
        super(message);
    }
}
