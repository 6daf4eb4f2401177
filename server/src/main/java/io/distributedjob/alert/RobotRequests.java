package io.distributedjob.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The HTTP request each HTTP channel type expects: its JSON body, its URL and its signature. */
final class RobotRequests {

    static final String SIGNATURE_HEADER = "X-DJ-Signature";
    static final String TIMESTAMP_HEADER = "X-DJ-Timestamp";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RobotRequests() {
    }

    record Request(String url, Map<String, String> headers, String body) {
    }

    static Request of(AlertChannel channel, AlertMessage message, Instant now) {
        String secret = channel.secret();
        return switch (channel.type()) {
            case WEBHOOK -> webhook(channel.url(), secret, message, now);
            case SLACK -> plain(channel.url(), JSON.createObjectNode().put("text", message.text()));
            case WECOM -> plain(channel.url(), text("msgtype", message.text()));
            case DINGTALK -> dingTalk(channel.url(), secret, message, now);
            case FEISHU -> feishu(channel.url(), secret, message, now);
            case EMAIL -> throw new IllegalArgumentException("e-mail channels are not sent over HTTP");
        };
    }

    private static Request webhook(String url, String secret, AlertMessage message, Instant now) {
        ObjectNode body = JSON.createObjectNode().put("event", message.event()).put("title", message.title())
                .put("text", message.text());
        message.details().forEach((name, value) -> body.set(name, JSON.valueToTree(value)));
        String text = JSON.writeValueAsString(body);
        Map<String, String> headers = new LinkedHashMap<>();
        if (secret != null) {
            long seconds = now.getEpochSecond();
            headers.put(TIMESTAMP_HEADER, Long.toString(seconds));
            headers.put(SIGNATURE_HEADER, Signatures.webhook(secret, seconds, text));
        }
        return new Request(url, headers, text);
    }

    private static Request dingTalk(String url, String secret, AlertMessage message, Instant now) {
        String signed = url;
        if (secret != null) {
            long millis = now.toEpochMilli();
            signed = url + (url.contains("?") ? "&" : "?") + "timestamp=" + millis + "&sign="
                    + URLEncoder.encode(Signatures.dingTalk(secret, millis), StandardCharsets.UTF_8);
        }
        return plain(signed, text("msgtype", message.text()));
    }

    private static Request feishu(String url, String secret, AlertMessage message, Instant now) {
        ObjectNode body = JSON.createObjectNode();
        if (secret != null) {
            long seconds = now.getEpochSecond();
            body.put("timestamp", Long.toString(seconds)).put("sign", Signatures.feishu(secret, seconds));
        }
        body.put("msg_type", "text").putObject("content").put("text", message.text());
        return plain(url, body);
    }

    /** The {@code {"msgtype":"text","text":{"content":...}}} body that DingTalk and WeCom share. */
    private static ObjectNode text(String typeField, String content) {
        ObjectNode body = JSON.createObjectNode().put(typeField, "text");
        body.putObject("text").put("content", content);
        return body;
    }

    private static Request plain(String url, ObjectNode body) {
        return new Request(url, Map.of(), JSON.writeValueAsString(body));
    }
}
