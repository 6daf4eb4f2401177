package io.distributedjob.task;

import io.distributedjob.cron.Schedules;

/**
 * The largest values a task's fields take: the one place the validator, the cron preview, the list filter and
 * the copy-naming of imports read them from. Text limits fit the task table's columns.
 */
final class TaskLimits {

    static final int NAME_MAX = 255;
    static final int DESCRIPTION_MAX = 2000;
    static final int CRON_MAX = Schedules.MAX_LENGTH;
    /** Zone ids are far shorter; this only bounds what is read before the zone is looked up. */
    static final int TIMEZONE_MAX = 64;
    static final int URL_MAX = 2048;
    /** The methods allowed are far shorter; this only bounds what is read before it is matched. */
    static final int HTTP_METHOD_MAX = 16;
    static final int HEADERS_MAX = 16_384;
    /** A header name, as the HTTP client accepts it. */
    static final int HEADER_NAME_MAX = 256;
    static final int BODY_MAX = 1_048_576;
    static final int GRPC_SERVICE_MAX = 512;
    static final int GRPC_METHOD_MAX = 255;
    /** Policy names are far shorter; this only bounds what is read before it is matched. */
    static final int ENUM_NAME_MAX = 32;
    static final int TIMEOUT_MAX = 86_400;
    static final int RETRY_COUNT_MAX = 100;
    static final int RETRY_INTERVAL_MAX = 86_400;

    private TaskLimits() {
    }
}
