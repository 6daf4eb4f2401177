package io.distributedjob.mcp;

/**
 * What a tool hands back: a value shown to the assistant as JSON, and the id of the object it concerned, for
 * the audit trail (null when it concerned no single object).
 */
record ToolAnswer(Object value, Long targetId) {

    static ToolAnswer of(Object value) {
        return new ToolAnswer(value, null);
    }

    static ToolAnswer about(long targetId, Object value) {
        return new ToolAnswer(value, targetId);
    }
}
