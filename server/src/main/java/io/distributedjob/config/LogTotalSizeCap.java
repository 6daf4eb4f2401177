package io.distributedjob.config;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * Logback property for the rolled-file size cap: {@code log.maxSize × log.maxBackups} megabytes, which keeps
 * about {@code maxBackups} full-size backups as the spec's {@code log} section asks.
 */
public class LogTotalSizeCap extends PropertyDefinerBase {

    private long maxSizeMb;
    private long maxBackups;

    public void setMaxSizeMb(long maxSizeMb) {
        this.maxSizeMb = maxSizeMb;
    }

    public void setMaxBackups(long maxBackups) {
        this.maxBackups = maxBackups;
    }

    @Override
    public String getPropertyValue() {
        return Long.toString(Math.max(1, maxSizeMb) * Math.max(1, maxBackups));
    }
}
