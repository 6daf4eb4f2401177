package io.distributedjob.alert;

import java.util.Map;

/**
 * What is delivered: a one-line title, a readable text, and the same facts as named values for generic webhooks.
 *
 * @param event   the alert kind, or {@code TEST} for a test alert
 * @param details facts in a stable order (task id, fire id, error ...), sent as JSON fields by WEBHOOK channels
 */
record AlertMessage(String event, String title, String text, Map<String, Object> details) {
}
