package io.distributedjob.live;

/**
 * A cancel that took effect: the fire's call was interrupted and its worker freed; its record, written with the
 * next batch, says {@code cancelled by <cancelledBy>}.
 */
record CancelledExecution(String fireId, long taskId, String instance, String cancelledBy) {
}
