package io.distributedjob.alert;

import java.util.List;

/**
 * One rule of a task or a department.
 *
 * @param threshold       failures in a row ({@link AlertKind#CONSECUTIVE_FAILURES}) or grace seconds
 *                        ({@link AlertKind#MISSED_FIRE}); 0 for the other kinds
 * @param throttleSeconds at most one alert of this rule per task within each window of this length
 */
record AlertRule(long id, AlertKind kind, int threshold, int throttleSeconds, List<Long> channelIds) {
}
