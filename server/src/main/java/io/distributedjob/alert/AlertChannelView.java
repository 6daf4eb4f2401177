package io.distributedjob.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A channel as the API shows it. Secrets never leave the server: the signing secret is replaced by a mask, and
 * so are the parts of a URL that carry a robot's access token (query values, and the last path segment of
 * Slack and Feishu hooks). Sending the masked values back on update keeps the stored ones.
 */
record AlertChannelView(long id, String name, long departmentId, ChannelType type, String url, boolean secretSet,
                        String secret, List<String> recipients, boolean enabled, OffsetDateTime createTime,
                        OffsetDateTime updateTime) {

    static final String MASK = "******";

    private static final Pattern QUERY_VALUE = Pattern.compile("=[^&]*");

    static AlertChannelView of(AlertChannel c, ZoneId zone) {
        return new AlertChannelView(c.id(), c.name(), c.departmentId(), c.type(), maskUrl(c.type(), c.url()),
                c.secret() != null, c.secret() == null ? null : MASK, c.recipients(), c.enabled(),
                c.createTime().atZone(zone).toOffsetDateTime(), c.updateTime().atZone(zone).toOffsetDateTime());
    }

    static String maskUrl(ChannelType type, String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if ((type == ChannelType.SLACK || type == ChannelType.FEISHU) && path.lastIndexOf('/') > 0) {
                path = path.substring(0, path.lastIndexOf('/') + 1) + MASK;
            }
            String query = uri.getRawQuery() == null ? "" : "?" + QUERY_VALUE.matcher(uri.getRawQuery()).replaceAll("=" + MASK);
            return uri.getScheme() + "://" + uri.getRawAuthority() + path + query;
        } catch (URISyntaxException e) {
            return MASK;
        }
    }
}
