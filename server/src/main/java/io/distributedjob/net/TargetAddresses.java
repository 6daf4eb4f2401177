package io.distributedjob.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/** How the policy reads host names and addresses, so that no spelling of an address slips past a rule. */
public final class TargetAddresses {

    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private TargetAddresses() {
    }

    /** Lower case, without the brackets of an IPv6 literal and without a trailing dot. */
    public static String normalizeHost(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * The address and, for an IPv6 address that carries an IPv4 one (IPv4-mapped {@code ::ffff:a.b.c.d},
     * IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}), that IPv4 address too: a rule on
     * 169.254.169.254 must also hold for {@code [::ffff:169.254.169.254]}.
     */
    public static List<InetAddress> forms(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return List.of(address);
        }
        byte[] bytes = address.getAddress();
        if (carriesIpv4(bytes)) {
            try {
                byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
                return List.of(address, Inet4Address.getByAddress(v4));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("four bytes are always an IPv4 address", e);
            }
        }
        return List.of(address);
    }

    private static boolean carriesIpv4(byte[] bytes) {
        boolean zeroPrefix = true;
        boolean nat64 = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= bytes[i] == 0;
        }
        for (int i = 0; i < 12; i++) {
            nat64 &= bytes[i] == NAT64_PREFIX[i];
        }
        boolean mapped = zeroPrefix && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0 && (bytes[12] | bytes[13]) != 0;
        return mapped || compatible || nat64;
    }
}
