package dev.acsemulator;

import dev.acsemulator.config.EmulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Who can reach the emulator. On loopback it listens on {@code ::1} as well as {@code 127.0.0.1}, as its certificate
 * promises (clients resolving {@code localhost} to IPv6 first must not be refused); listening beyond loopback
 * without an admin token leaves the control API open to the network, which is said at start.
 */
final class Exposure {

    private static final Logger LOG = LoggerFactory.getLogger(Exposure.class);
    private static final String IPV4_LOOPBACK = "127.0.0.1";
    private static final String IPV6_LOOPBACK = "::1";

    /** Binds one more listener, like the emulator's own. */
    @FunctionalInterface
    interface Binding {
        void listen(String host, int port) throws InterruptedException;
    }

    private Exposure() {
    }

    /** Whether {@code host} is reachable from other machines: a wildcard, or an address that is not loopback. */
    static boolean beyondLoopback(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isAnyLocalAddress() || !address.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** What the operator must hear at start about exposure; empty when nothing is exposed. */
    static List<String> warnings(EmulatorConfig config) {
        if (config.adminToken() != null || !beyondLoopback(config.host())) {
            return List.of();
        }
        return List.of("The emulator listens on " + config.host() + ", beyond loopback, and its control API (/admin) "
                + "has no token: anyone who can reach it can end calls, inject faults and move the clock. Set "
                + "--admin-token (ACS_EMULATOR_ADMIN_TOKEN) to require 'Authorization: Bearer <token>'.");
    }

    /** Logs the warnings of {@link #warnings} and returns them. */
    static List<String> warnAtStart(EmulatorConfig config) {
        List<String> warnings = warnings(config);
        warnings.forEach(LOG::warn);
        return warnings;
    }

    /**
     * When the emulator listens on {@code 127.0.0.1}, also listens on {@code ::1} at the same port; a machine without
     * IPv6 (or with that port taken on it) keeps the IPv4 listener alone, which is logged.
     */
    static void alsoOnIpv6Loopback(String host, int port, Binding binding) throws InterruptedException {
        if (!IPV4_LOOPBACK.equals(host) || port <= 0) {
            return;
        }
        try {
            binding.listen(IPV6_LOOPBACK, port);
        } catch (RuntimeException e) {
            LOG.info("Listening on 127.0.0.1:{} only; [::1]:{} could not be bound: {}", port, port, e.getMessage());
        }
    }
}
