package dev.relive.runtime.internal.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code Host} header values the runtime answers. A page or socket reached under any other name is refused,
 * so a DNS-rebinding site cannot read pages (or, in dev, stack traces) through the browser of someone running
 * Relive locally.
 *
 * <p>Names are compared without their port, case-insensitively. The loopback names ({@code localhost},
 * {@code *.localhost}, {@code 127.0.0.1}, {@code [::1]}) are always answered: only a client on the machine itself
 * sends them (a health check, an operator), never a rebinding site, whose own name is in its Host header. A
 * configured list adds its names ({@code *} allows every name). With none configured: in dev, and whenever HTTP
 * listens on a specific address, the loopback names plus the listening host; in production listening on all
 * interfaces ({@code 0.0.0.0}), every name, which the runtime warns about at start.
 */
public final class HostAllowList {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final List<String> names;
    private final boolean any;

    private HostAllowList(List<String> names, boolean any) {
        this.names = names;
        this.any = any;
    }

    /**
     * @param configured the {@code allowed_hosts} setting, empty when not set
     * @param dev whether the runtime runs in dev mode
     * @param listenHost the address HTTP listens on, or {@code null} when unknown
     */
    public static HostAllowList of(List<String> configured, boolean dev, String listenHost) {
        if (!configured.isEmpty()) {
            List<String> names = configured.stream().map(HostAllowList::withoutPort).toList();
            return new HostAllowList(names, names.contains("*"));
        }
        boolean allInterfaces = listenHost != null && (listenHost.equals("0.0.0.0") || listenHost.equals("::")
                || listenHost.equals("[::]"));
        if (!dev && allInterfaces) {
            return new HostAllowList(List.of(), true);
        }
        return new HostAllowList(listenHost == null || allInterfaces ? List.of() : List.of(withoutPort(listenHost)),
                false);
    }

    /** Whether every name is accepted (no allow-list in force). */
    public boolean acceptsAny() {
        return any;
    }

    /** Whether a request carrying this {@code Host} header is answered. A missing header is refused. */
    public boolean allows(String hostHeader) {
        if (any) {
            return true;
        }
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String name = withoutPort(hostHeader);
        return LOOPBACK.contains(name) || name.endsWith(".localhost") || names.contains(name);
    }

    static String withoutPort(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        if (h.indexOf(':') != h.lastIndexOf(':')) {
            return "[" + h + "]"; // a bare IPv6 literal
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
