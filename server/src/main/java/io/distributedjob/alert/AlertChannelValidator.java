package io.distributedjob.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.distributedjob.kernel.ApiException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reads and checks the body of a channel create or update, naming the field that is wrong. */
@Component
class AlertChannelValidator {

    static final int NAME_MAX = 100;
    static final int URL_MAX = 1000;
    static final int SECRET_MAX = 500;
    static final int RECIPIENTS_MAX = 20;
    static final int ADDRESS_MAX = 254;

    /**
     * The channel described by {@code body}. On update, {@code current} is the stored channel: an absent or
     * masked secret, and a URL sent back in its masked form, keep the stored values.
     */
    AlertChannel read(JsonNode body, AlertChannel current) {
        RequestFields f = new RequestFields(body);
        String name = f.string("name", true, NAME_MAX);
        long departmentId = f.id("departmentId");
        ChannelType type = f.enumeration("type", ChannelType.class);
        boolean enabled = f.bool("enabled", true);
        String url = null;
        String secret = null;
        List<String> recipients = List.of();
        if (type.overHttp()) {
            url = url(f, type, current);
            secret = secret(f, type, current);
        } else {
            recipients = recipients(f);
        }
        return new AlertChannel(current == null ? 0 : current.id(), name, departmentId, type, url, secret,
                recipients, enabled, current == null ? null : current.createTime(),
                current == null ? null : current.updateTime());
    }

    private static String url(RequestFields f, ChannelType type, AlertChannel current) {
        String text = f.string("url", true, URL_MAX);
        if (current != null && current.type() == type
                && text.equals(AlertChannelView.maskUrl(current.type(), current.url()))) {
            return current.url();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw ApiException.invalid("url: must be an http:// or https:// URL");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw ApiException.invalid("url: must name a host");
            }
            if (uri.getRawUserInfo() != null) {
                throw ApiException.invalid("url: must not carry a user name or password");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw ApiException.invalid("url: is not a valid URL");
        }
    }

    private static String secret(RequestFields f, ChannelType type, AlertChannel current) {
        boolean signed = type == ChannelType.WEBHOOK || type == ChannelType.DINGTALK || type == ChannelType.FEISHU;
        if (!f.has("secret") || AlertChannelView.MASK.equals(f.string("secret", false, SECRET_MAX))) {
            return current != null && signed ? current.secret() : null;
        }
        String secret = f.string("secret", false, SECRET_MAX);
        if (secret != null && !signed) {
            throw ApiException.invalid("secret: " + type + " channels are not signed (their URL carries the key)");
        }
        return secret;
    }

    private static List<String> recipients(RequestFields f) {
        JsonNode list = f.array("recipients", true);
        if (list.isEmpty() || list.size() > RECIPIENTS_MAX) {
            throw ApiException.invalid("recipients: must hold 1 to " + RECIPIENTS_MAX + " e-mail addresses");
        }
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String field = "recipients[" + i + "]";
            if (!item.isString() || item.asString().isBlank() || item.asString().length() > ADDRESS_MAX) {
                throw ApiException.invalid(field + ": must be an e-mail address");
            }
            String address = item.asString().strip();
            try {
                InternetAddress parsed = new InternetAddress(address, true);
                if (!parsed.getAddress().equals(address) || address.contains(",")) {
                    throw new AddressException(address);
                }
            } catch (AddressException e) {
                throw ApiException.invalid(field + ": must be an e-mail address");
            }
            addresses.add(address);
        }
        return addresses;
    }
}
