package io.distributedjob.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;
import java.util.List;

import io.distributedjob.config.TargetSettings;
import io.distributedjob.net.TargetRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules on address literals and names that need no DNS: nothing here leaves the machine. */
class TargetPolicyTest {

    private final TargetPolicy defaults = policy(List.of(), List.of());

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "169.254.0.1", "::ffff:169.254.169.254", "[::ffff:a9fe:a9fe]",
            "::169.254.169.254", "64:ff9b::169.254.169.254", "fe80::1", "FE80::abcd", "fd00:ec2::254",
            "100.100.100.200", "metadata.google.internal", "Metadata.Google.Internal.", "metadata.goog"})
    void theBuiltInRulesRefuseLinkLocalAndMetadataInEverySpelling(String host) {
        assertThatThrownBy(() -> defaults.resolve(host)).isInstanceOf(TargetRefusedException.class)
                .hasMessageStartingWith("target policy refused ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.1.2.3", "192.168.0.10", "172.16.5.5", "fd12::1", "100.100.100.201"})
    void loopbackAndPrivateRangesAreAllowedByDefault(String host) throws UnknownHostException {
        assertThat(defaults.resolve(host)).hasSize(1);
    }

    @Test
    void hostPatternsMatchTheNameAndItsSubdomainsOnly() {
        TargetPolicy policy = policy(List.of(), List.of("*.internal", "admin.example.com"));

        assertThatThrownBy(() -> policy.resolve("db.corp.internal")).hasMessage("target policy refused db.corp.internal");
        assertThatThrownBy(() -> policy.resolve("ADMIN.example.com")).isInstanceOf(TargetRefusedException.class);
        assertThat(TargetRule.parse("*.internal").matches("internal")).isFalse();
        assertThat(TargetRule.parse("*.internal").matches("notinternal")).isFalse();
        assertThat(TargetRule.parse("admin.example.com").matches("xadmin.example.com")).isFalse();
    }

    @Test
    void aNonEmptyAllowListAdmitsOnlyWhatItNamesAndDenyStillWins() throws UnknownHostException {
        TargetPolicy policy = policy(List.of("10.0.0.0/8", "fd00::/8"), List.of("10.9.0.0/16"));

        assertThat(policy.resolve("10.1.2.3")).hasSize(1);
        assertThat(policy.resolve("fd00::5")).hasSize(1);
        assertThatThrownBy(() -> policy.resolve("10.9.1.1")).isInstanceOf(TargetRefusedException.class);
        assertThatThrownBy(() -> policy.resolve("192.168.1.1")).isInstanceOf(TargetRefusedException.class);
        assertThatThrownBy(() -> policy.resolve("127.0.0.1")).isInstanceOf(TargetRefusedException.class);
    }

    @Test
    void anAllowListCannotReopenTheBuiltInRules() {
        TargetPolicy policy = policy(List.of("169.254.0.0/16"), List.of());

        assertThatThrownBy(() -> policy.resolve("169.254.169.254")).isInstanceOf(TargetRefusedException.class);
    }

    @Test
    void prefixesThatAreNotWholeBytesMatchExactly() {
        TargetRule rule = TargetRule.parse("10.0.0.0/12");

        assertThat(TargetRule.parse("10.15.255.255").matches(addressOf("10.15.255.255"))).isTrue();
        assertThat(rule.matches(addressOf("10.15.255.255"))).isTrue();
        assertThat(rule.matches(addressOf("10.16.0.0"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "fe80::/129", "not a host", "*.", "10.0.0.0/x", "", "1.2.3.4.5.6"})
    void unreadableRulesAreRefusedAtStartUp(String rule) {
        assertThat(TargetRule.isReadable(rule)).isFalse();
        assertThat(new TargetSettings(List.of(rule), List.of(), "").isEveryRuleReadable()).isFalse();
    }

    private static java.net.InetAddress addressOf(String literal) {
        try {
            return java.net.InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static TargetPolicy policy(List<String> allow, List<String> deny) {
        return new TargetPolicy(new TargetSettings(allow, deny, ""));
    }
}
