package io.distributedjob.kernel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** This process's identity among the instances sharing the database: host, process id and a random suffix. */
@Component
public class InstanceId {

    private static final int MAX_HOST_LENGTH = 40;

    private final String host = hostName();
    private final String value = host + ":" + ProcessHandle.current().pid() + ":"
            + UUID.randomUUID().toString().substring(0, 8);

    public String value() {
        return value;
    }

    public String host() {
        return host;
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > MAX_HOST_LENGTH ? name.substring(0, MAX_HOST_LENGTH) : name;
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
