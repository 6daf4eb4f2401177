package io.distributedjob.alert;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

import io.distributedjob.config.AlertSettings;
import io.distributedjob.targets.TargetPolicy;
import io.distributedjob.targets.TargetRefusedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts alerts to webhooks and chat robots. Only the configured URL is ever called: redirects are not followed
 * (a 3xx is a failed delivery), and one deadline covers connecting and the answer. The host must pass the target
 * policy of tasks ({@code job.targets}), so a channel cannot reach what a task may not.
 */
@Component
class HttpDelivery {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ANSWER_SHOWN = 200;

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final TargetPolicy targets;

    HttpDelivery(AlertSettings settings, Clock clock, TargetPolicy targets) {
        this.targets = targets;
        this.timeout = Duration.ofMillis(settings.httpTimeoutMs());
        this.clock = clock;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    void deliver(AlertChannel channel, AlertMessage message) throws DeliveryException, InterruptedException {
        RobotRequests.Request request = RobotRequests.of(channel, message, clock.instant());
        admit(URI.create(request.url()).getHost());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(builder::header);
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new DeliveryException("could not reach the channel: " + e.getClass().getSimpleName());
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryException("the channel answered HTTP " + response.statusCode()
                    + (response.statusCode() / 100 == 3 ? " (redirects are not followed)" : ""));
        }
        refusal(channel.type(), response.body());
    }

    private void admit(String host) throws DeliveryException {
        try {
            targets.resolve(host);
        } catch (TargetRefusedException e) {
            throw new DeliveryException("refused by the target policy: " + e.getMessage());
        } catch (UnknownHostException e) {
            throw new DeliveryException("unknown host " + host);
        }
    }

    /** Robots answer 200 also when they refuse (a bad signature, a wrong token): their body says so. */
    private static void refusal(ChannelType type, String body) throws DeliveryException {
        String codeField = switch (type) {
            case DINGTALK, WECOM -> "errcode";
            case FEISHU -> "code";
            default -> null;
        };
        if (codeField == null) {
            return;
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new DeliveryException("the robot's answer is not JSON: " + shorten(body));
        }
        JsonNode code = answer.get(codeField);
        if (code != null && code.asInt(-1) != 0) {
            JsonNode why = answer.has("errmsg") ? answer.get("errmsg") : answer.get("msg");
            throw new DeliveryException("the robot refused the alert: " + codeField + " " + code.asString()
                    + (why == null ? "" : " " + shorten(why.asString())));
        }
    }

    private static String shorten(String text) {
        return text == null || text.length() <= ANSWER_SHOWN ? text : text.substring(0, ANSWER_SHOWN) + "…";
    }
}
