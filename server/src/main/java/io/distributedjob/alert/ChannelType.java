package io.distributedjob.alert;

/** Where a channel delivers: an HTTP endpoint in one of five formats, or e-mail over the configured SMTP server. */
public enum ChannelType {
    WEBHOOK, SLACK, DINGTALK, WECOM, FEISHU, EMAIL;

    boolean overHttp() {
        return this != EMAIL;
    }
}
