package io.distributedjob.alert;

import java.time.Instant;
import java.util.List;

/**
 * A place alerts are delivered to, owned by a department.
 *
 * @param url        endpoint of HTTP channels (robot URLs carry their access token: treated as secret when shown)
 * @param secret     signing secret of WEBHOOK, DINGTALK and FEISHU channels; null when unsigned
 * @param recipients addresses of EMAIL channels
 */
record AlertChannel(long id, String name, long departmentId, ChannelType type, String url, String secret,
                    List<String> recipients, boolean enabled, Instant createTime, Instant updateTime) {
}
