package io.distributedjob.kernel;

import java.util.Map;

/**
 * What an error says in a form a client can translate: a stable key (such as {@code validation.maxLength}) and
 * the values its text needs (the field, a limit). Sent as the {@code data} of the error envelope beside the
 * English {@code message}.
 */
public record MessageKey(String messageKey, Map<String, Object> params) {
}
