package io.distributedjob.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code audit} section: how long the audit trail is kept.
 *
 * @param retentionDays days an audit entry is kept; older entries are deleted daily
 */
@Validated
@ConfigurationProperties("audit")
public record AuditSettings(@DefaultValue("180") @Min(1) @Max(36500) int retentionDays) {
}
