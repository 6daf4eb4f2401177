package io.distributedjob.support;

import tools.jackson.databind.JsonNode;

/** An answer of the REST API: HTTP status, the parsed envelope (null when the body is not JSON) and raw body. */
public record ApiResult(int status, JsonNode body, String raw) {

    public int code() {
        return body == null ? -1 : body.get("code").asInt();
    }

    public String message() {
        return body == null ? null : body.get("message").asString();
    }

    public JsonNode data() {
        return body == null ? null : body.get("data");
    }

    @Override
    public String toString() {
        return status + " " + raw;
    }
}
