package io.distributedjob.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.distributedjob.config.AlertSettings;
import io.distributedjob.config.TargetSettings;
import io.distributedjob.targets.TargetPolicy;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every channel type against a real receiver: the body each expects, its signature, and its refusals. */
class ChannelDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00.123Z");
    private static final String SECRET = "SEC-robot-secret-0123456789";

    private final Receiver receiver = new Receiver();
    private GreenMail mailServer;

    @AfterEach
    void stop() {
        receiver.close();
        if (mailServer != null) {
            mailServer.stop();
        }
    }

    @Test
    void aGenericWebhookGetsTheFactsAsJsonSignedOverTimestampAndBody() throws Exception {
        deliver(channel(ChannelType.WEBHOOK, receiver.url("/hook"), SECRET), failure());

        Receiver.Request request = receiver.requests("/hook").getFirst();
        JsonNode body = JSON.readTree(request.body());
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(body.get("event").asString()).isEqualTo("FAILURE");
        assertThat(body.get("taskId").asLong()).isEqualTo(42);
        assertThat(body.get("taskName").asString()).isEqualTo("nightly-report");
        assertThat(body.get("fireId").asString()).isEqualTo("42:2026-03-01T07:59:00Z");
        assertThat(body.get("error").asString()).isEqualTo("HTTP 503 from the target");
        assertThat(body.get("title").asString()).contains("nightly-report", "failed");
        String timestamp = request.header("X-DJ-Timestamp");
        assertThat(timestamp).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(request.header("X-DJ-Signature"))
                .isEqualTo("sha256=" + HexFormat.of().formatHex(hmac(SECRET, timestamp + "." + request.body())));
    }

    @Test
    void aWebhookWithoutSecretIsNotSigned() throws Exception {
        deliver(channel(ChannelType.WEBHOOK, receiver.url("/plain"), null), failure());

        assertThat(receiver.requests("/plain").getFirst().header("X-DJ-Signature")).isNull();
    }

    @Test
    void slackGetsItsTextField() throws Exception {
        deliver(channel(ChannelType.SLACK, receiver.url("/services/T1/B2/xyz"), null), failure());

        JsonNode body = JSON.readTree(receiver.requests("/services/T1/B2/xyz").getFirst().body());
        assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactly("text");
        assertThat(body.get("text").asString()).contains("nightly-report", "HTTP 503 from the target");
    }

    @Test
    void dingTalkGetsATextMessageAndTheTimestampAndSignInItsUrl() throws Exception {
        receiver.answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

        deliver(channel(ChannelType.DINGTALK, receiver.url("/robot/send?access_token=tok123"), SECRET), failure());

        Receiver.Request request = receiver.requests("/robot/send").getFirst();
        Map<String, String> query = query(request.query());
        assertThat(query.get("access_token")).isEqualTo("tok123");
        String timestamp = query.get("timestamp");
        assertThat(timestamp).isEqualTo(Long.toString(NOW.toEpochMilli()));
        assertThat(query.get("sign"))
                .isEqualTo(Base64.getEncoder().encodeToString(hmac(SECRET, timestamp + "\n" + SECRET)));
        assertThat(request.query()).doesNotContain("+").doesNotContain("/");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("msgtype").asString()).isEqualTo("text");
        assertThat(body.get("text").get("content").asString()).contains("nightly-report");
    }

    @Test
    void aRobotThatAnswersWithAnErrorCodeHasNotTakenTheAlert() {
        receiver.answer(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");

        assertThatThrownBy(() -> deliver(channel(ChannelType.DINGTALK, receiver.url("/robot/send?access_token=t"),
                SECRET), failure()))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("310000").hasMessageContaining("sign not match");
    }

    @Test
    void weComGetsATextMessage() throws Exception {
        receiver.answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

        deliver(channel(ChannelType.WECOM, receiver.url("/cgi-bin/webhook/send?key=k1"), null), failure());

        JsonNode body = JSON.readTree(receiver.requests("/cgi-bin/webhook/send").getFirst().body());
        assertThat(body.get("msgtype").asString()).isEqualTo("text");
        assertThat(body.get("text").get("content").asString()).contains("nightly-report", "failed");
    }

    @Test
    void feishuGetsATextMessageSignedWithTimestampAndSecretAsKey() throws Exception {
        receiver.answer(200, "{\"code\":0,\"msg\":\"success\"}");

        deliver(channel(ChannelType.FEISHU, receiver.url("/open-apis/bot/v2/hook/abc"), SECRET), failure());

        JsonNode body = JSON.readTree(receiver.requests("/open-apis/bot/v2/hook/abc").getFirst().body());
        String timestamp = body.get("timestamp").asString();
        assertThat(timestamp).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(body.get("sign").asString())
                .isEqualTo(Base64.getEncoder().encodeToString(hmac(timestamp + "\n" + SECRET, "")));
        assertThat(body.get("msg_type").asString()).isEqualTo("text");
        assertThat(body.get("content").get("text").asString()).contains("nightly-report");
    }

    @Test
    void feishuRefusingTheSignatureIsAFailedDelivery() {
        receiver.answer(200, "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour\"}");

        assertThatThrownBy(() -> deliver(channel(ChannelType.FEISHU, receiver.url("/open-apis/bot/v2/hook/abc"),
                SECRET), failure()))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("19021");
    }

    @Test
    void aRedirectIsNotFollowed() {
        receiver.redirectTo(receiver.url("/elsewhere"));

        assertThatThrownBy(() -> deliver(channel(ChannelType.WEBHOOK, receiver.url("/moved"), null), failure()))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("302");
        assertThat(receiver.requests("/elsewhere")).isEmpty();
    }

    @Test
    void aChannelCannotReachWhatTheTargetPolicyDenies() {
        HttpDelivery guarded = new HttpDelivery(settings(2000, smtp("", 25, AlertSettings.Security.NONE)),
                Clock.fixed(NOW, ZoneOffset.UTC), policy(List.of("127.0.0.1")));

        assertThatThrownBy(() -> guarded.deliver(channel(ChannelType.WEBHOOK, receiver.url("/denied"), null),
                failure().message()))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("target policy");
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeFailsTheDelivery() {
        receiver.answerAfter(5_000);
        HttpDelivery impatient = new HttpDelivery(settings(300, smtp("127.0.0.1", 25, AlertSettings.Security.NONE)),
                Clock.fixed(NOW, ZoneOffset.UTC), policy(List.of()));

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.deliver(channel(ChannelType.WEBHOOK, receiver.url("/slow"), null),
                failure().message()))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("300 ms");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void mailArrivesAtTheSmtpServerFromTheConfiguredSenderWithTheAlertAsSubject() throws Exception {
        startMailServer();
        MailDelivery mail = new MailDelivery(settings(1000, smtp("127.0.0.1", mailServer.getSmtp().getPort(),
                AlertSettings.Security.NONE)));

        mail.deliver(emailChannel("ops@example.com", "oncall@example.com"), failure().message());

        assertThat(mailServer.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage received = mailServer.getReceivedMessages()[0];
        assertThat(received.getSubject()).contains("nightly-report", "failed");
        assertThat(received.getFrom()[0].toString()).isEqualTo("scheduler@example.com");
        assertThat(List.of(mailServer.getReceivedMessages())).extracting(m -> m.getAllRecipients().length)
                .containsOnly(2);
        assertThat(((String) received.getContent())).contains("HTTP 503 from the target");
    }

    @Test
    void aWrongSmtpPasswordIsAFailedDelivery() {
        startMailServer();
        AlertSettings.Smtp wrong = new AlertSettings.Smtp("127.0.0.1", mailServer.getSmtp().getPort(),
                AlertSettings.Security.NONE, "alerts", "not-the-password", "scheduler@example.com", 2000);
        MailDelivery mail = new MailDelivery(settings(1000, wrong));

        assertThatThrownBy(() -> mail.deliver(emailChannel("ops@example.com"), failure().message()))
                .isInstanceOf(DeliveryException.class);
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsRequiredNeverFallsBackToPlainText() {
        startMailServer();
        MailDelivery mail = new MailDelivery(settings(1000, smtp("127.0.0.1", mailServer.getSmtp().getPort(),
                AlertSettings.Security.STARTTLS)));

        // this server does not offer STARTTLS: the mail must not go out unencrypted
        assertThatThrownBy(() -> mail.deliver(emailChannel("ops@example.com"), failure().message()))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("STARTTLS");
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void tlsRefusesAServerWhoseCertificateIsNotTrusted() {
        startMailServer(ServerSetup.PROTOCOL_SMTPS);
        MailDelivery mail = new MailDelivery(settings(1000, smtp("127.0.0.1", mailServer.getSmtps().getPort(),
                AlertSettings.Security.TLS)));

        // GreenMail's certificate is self-signed: the password must not be sent to a server nobody vouches for
        assertThatThrownBy(() -> mail.deliver(emailChannel("ops@example.com"), failure().message()))
                .isInstanceOf(DeliveryException.class);
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutAnSmtpHostMailCannotBeSent() {
        MailDelivery mail = new MailDelivery(settings(1000, smtp("", 25, AlertSettings.Security.NONE)));

        assertThatThrownBy(() -> mail.deliver(emailChannel("ops@example.com"), failure().message()))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("alert.smtp.host");
    }

    private void startMailServer() {
        startMailServer(ServerSetup.PROTOCOL_SMTP);
    }

    private void startMailServer(String protocol) {
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", protocol);
        // a loaded machine can take seconds to set up TLS; the default of 2 s is not always enough
        setup.setServerStartupTimeout(30_000);
        mailServer = new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts", "smtp-secret"));
        mailServer.start();
    }

    private static AlertSettings.Smtp smtp(String host, int port, AlertSettings.Security security) {
        return new AlertSettings.Smtp(host, port, security, "alerts", "smtp-secret", "scheduler@example.com", 2000);
    }

    private static AlertSettings settings(int httpTimeoutMs, AlertSettings.Smtp smtp) {
        return new AlertSettings(httpTimeoutMs, 30, smtp);
    }

    private static void deliver(AlertChannel channel, Alert alert) throws Exception {
        new HttpDelivery(settings(2000, smtp("", 25, AlertSettings.Security.NONE)), Clock.fixed(NOW, ZoneOffset.UTC),
                policy(List.of())).deliver(channel, alert.message());
    }

    private static TargetPolicy policy(List<String> deny) {
        return new TargetPolicy(new TargetSettings(List.of(), deny, ""));
    }

    static Alert failure() {
        return new Alert(AlertKind.FAILURE, 42, "nightly-report", 7, "42:2026-03-01T07:59:00Z",
                Instant.parse("2026-03-01T07:59:00Z"), "HTTP 503 from the target", 1, NOW);
    }

    private static AlertChannel channel(ChannelType type, String url, String secret) {
        return new AlertChannel(1, type.name().toLowerCase(), 7, type, url, secret, List.of(), true, NOW, NOW);
    }

    private static AlertChannel emailChannel(String... recipients) {
        return new AlertChannel(2, "mail", 7, ChannelType.EMAIL, null, null, List.of(recipients), true, NOW, NOW);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static byte[] hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
