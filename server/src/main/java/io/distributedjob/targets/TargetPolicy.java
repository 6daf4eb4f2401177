package io.distributedjob.targets;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.distributedjob.config.TargetSettings;
import io.distributedjob.net.TargetAddresses;
import io.distributedjob.net.TargetRule;
import org.springframework.stereotype.Component;

/**
 * Where tasks may connect. A target is refused when its host name or any address it resolves to matches a deny
 * rule (the built-in ones or {@code job.targets.deny}); when {@code job.targets.allow} is not empty, it is also
 * refused unless its name or every address matches an allow rule. Deny wins over allow. The callers resolve
 * names through {@link #resolve}, so what is checked is what is connected to.
 */
@Component
public class TargetPolicy {

    /**
     * Link-local ranges and the cloud metadata services, which hand out the credentials of the machine the
     * scheduler runs on. Loopback and private ranges stay allowed: calling internal services is a scheduler's job.
     */
    public static final List<String> BUILT_IN_DENY = List.of(
            "169.254.0.0/16", "fe80::/10", "fd00:ec2::254", "100.100.100.200",
            "metadata.google.internal", "metadata.goog", "metadata.azure.com", "instance-data.ec2.internal");

    private final List<TargetRule> allow;
    private final List<TargetRule> deny;

    public TargetPolicy(TargetSettings settings) {
        this.allow = settings.allow().stream().map(TargetRule::parse).toList();
        this.deny = Stream.concat(BUILT_IN_DENY.stream(), settings.deny().stream()).map(TargetRule::parse).toList();
    }

    /**
     * Resolves {@code host} (a name or an address literal) and returns its addresses if the policy admits them.
     *
     * @throws TargetRefusedException when the policy refuses the host or one of its addresses
     * @throws UnknownHostException   when the name does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = TargetAddresses.normalizeHost(host);
        checkName(name);
        InetAddress[] addresses = InetAddress.getAllByName(name);
        List<InetAddress> admitted = new ArrayList<>(addresses.length);
        for (InetAddress address : addresses) {
            admitted.add(check(name, address));
        }
        return admitted.toArray(InetAddress[]::new);
    }

    private void checkName(String name) throws TargetRefusedException {
        for (TargetRule rule : deny) {
            if (rule.matches(name)) {
                throw refused(name, null);
            }
        }
    }

    private InetAddress check(String name, InetAddress address) throws TargetRefusedException {
        List<InetAddress> forms = TargetAddresses.forms(address);
        for (TargetRule rule : deny) {
            if (forms.stream().anyMatch(rule::matches)) {
                throw refused(name, address);
            }
        }
        if (!allow.isEmpty() && allow.stream().noneMatch(rule -> rule.matches(name) || forms.stream().anyMatch(rule::matches))) {
            throw refused(name, address);
        }
        return address;
    }

    private static TargetRefusedException refused(String name, InetAddress address) {
        String where = address == null || address.getHostAddress().equals(name)
                ? name : name + " (" + address.getHostAddress() + ")";
        return new TargetRefusedException("target policy refused " + where);
    }
}
