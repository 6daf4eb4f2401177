package io.distributedjob.net;

import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;


/**
 * One entry of the target policy: an address range ({@code 10.0.0.0/8}, {@code fd00::/8}, a single address) that
 * matches the addresses a target resolves to, or a host pattern ({@code db.example.com}, {@code *.internal}) that
 * matches the host name a task wrote.
 */
public sealed interface TargetRule {

    boolean matches(String host);

    boolean matches(InetAddress address);

    /** Parses a rule; throws {@link IllegalArgumentException} naming the rule when it is neither form. */
    static TargetRule parse(String text) {
        String rule = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (rule.isEmpty()) {
            throw new IllegalArgumentException("empty target rule");
        }
        if (Range.looksLikeAddress(rule)) {
            return Range.parse(rule);
        }
        if (!HostPattern.SYNTAX.matcher(rule).matches()) {
            throw new IllegalArgumentException("target rule '" + text + "' is neither an address range nor a host pattern");
        }
        return new HostPattern(rule);
    }

    static boolean isReadable(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A host name, or {@code *.} and a domain for every name under it. */
    record HostPattern(String pattern) implements TargetRule {

        static final Pattern SYNTAX = Pattern.compile("(\\*\\.)?[a-z0-9_]([a-z0-9_\\-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_\\-]*[a-z0-9_])?)*");

        @Override
        public boolean matches(String host) {
            String name = TargetAddresses.normalizeHost(host);
            return pattern.startsWith("*.") ? name.endsWith(pattern.substring(1)) : name.equals(pattern);
        }

        @Override
        public boolean matches(InetAddress address) {
            return false;
        }
    }

    /** The addresses of an address range. */
    record Range(IpRange range) implements TargetRule {

        private static final Pattern IPV4 = Pattern.compile("[0-9.]+(/\\d{1,2})?");

        /** Host names hold no colon and always a letter in their last label, so digits and colons mean an address. */
        static boolean looksLikeAddress(String rule) {
            return rule.contains(":") || IPV4.matcher(rule).matches();
        }

        static Range parse(String rule) {
            return new Range(IpRange.parse(rule).orElseThrow(
                    () -> new IllegalArgumentException("target rule '" + rule + "' is not a valid address range")));
        }

        @Override
        public boolean matches(String host) {
            return false;
        }

        @Override
        public boolean matches(InetAddress address) {
            return range.contains(address);
        }
    }
}
