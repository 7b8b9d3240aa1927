package dev.relive.runtime.internal.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The reverse proxies ({@code trusted_proxies}: addresses and CIDR ranges) whose {@code X-Forwarded-For} the runtime
 * believes. A request from any other peer is that peer's; a request from a trusted proxy is from the last entry of
 * {@code X-Forwarded-For} that is not itself a trusted proxy, reading from the right: every proxy appends the address
 * it got the request from, so only the entries that trusted proxies appended are facts, and what a client wrote at
 * the left is ignored. With no trusted proxy (the default) the header is never read.
 *
 * <p>Only address literals are accepted, never host names (no name is ever resolved); an entry that is not one is
 * logged and left out.
 */
public final class TrustedProxies {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedProxies.class);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Trusts nobody: every request is its socket peer's. */
    public static TrustedProxies none() {
        return NONE;
    }

    /** The proxies of a {@code trusted_proxies} setting: {@code 10.0.0.5}, {@code ::1}, {@code 10.0.0.0/8}. */
    public static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            Range range = Range.parse(entry == null ? "" : entry.strip());
            if (range == null) {
                LOG.warn("trusted_proxies: '{}' is not an address or a CIDR range; left out", entry);
            } else {
                ranges.add(range);
            }
        }
        return ranges.isEmpty() ? NONE : new TrustedProxies(List.copyOf(ranges));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (a literal, as a socket's peer or a forwarded entry is written) is a trusted proxy. */
    public boolean trusts(String address) {
        InetAddress a = literal(address);
        return a != null && ranges.stream().anyMatch(r -> r.contains(a));
    }

    /** The request attribute the security filter sets on a request a trusted proxy received over HTTPS. */
    public static final String OVER_HTTPS = "dev.relive.over-https";

    /**
     * Whether {@code req} reached the runtime over HTTPS: itself, or through a trusted proxy that says so in
     * {@code X-Forwarded-Proto} (the security filter, which runs first, has looked); what makes the session cookie
     * {@code Secure}.
     */
    public static boolean overHttps(HttpServletRequest req) {
        return req.isSecure() || Boolean.TRUE.equals(req.getAttribute(OVER_HTTPS));
    }

    /**
     * Whether {@code req} came from a trusted proxy whose {@code X-Forwarded-Proto} says the browser used HTTPS (the
     * first value, the one the proxy nearest the browser set).
     */
    public boolean forwardedOverHttps(HttpServletRequest req) {
        if (ranges.isEmpty() || !trusts(req.getRemoteAddr())) {
            return false;
        }
        String proto = req.getHeader("X-Forwarded-Proto");
        if (proto == null) {
            return false;
        }
        int comma = proto.indexOf(',');
        return "https".equalsIgnoreCase((comma < 0 ? proto : proto.substring(0, comma)).strip());
    }

    /** The address of the client behind {@code req}: see the class comment. */
    public String clientAddress(HttpServletRequest req) {
        if (ranges.isEmpty()) {
            return req.getRemoteAddr();
        }
        return clientAddress(req.getRemoteAddr(), Collections.list(req.getHeaders("X-Forwarded-For")));
    }

    /**
     * The client address for a request whose socket peer is {@code peer} and whose {@code X-Forwarded-For} header
     * lines are {@code forwardedFor} (in the order received). When the peer is trusted, the rightmost untrusted entry;
     * when every entry is trusted, the leftmost; when an entry the walk reaches is not an address, or there is no
     * header, the last trusted hop that could be read.
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> entries = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String part : line.split(",")) {
                if (!part.isBlank()) {
                    entries.add(part.strip());
                }
            }
        }
        String client = peer;
        for (int i = entries.size() - 1; i >= 0; i--) {
            InetAddress a = literal(entries.get(i));
            if (a == null) {
                return client;
            }
            client = a.getHostAddress();
            if (!trusts(client)) {
                return client;
            }
        }
        return client;
    }

    /** The address a literal names, with any brackets and port taken off; null for anything else. */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                return null;
            }
            s = s.substring(1, end);
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':') && s.indexOf('.') > 0) {
            s = s.substring(0, s.indexOf(':'));
        }
        if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int bits) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            InetAddress a = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (a == null) {
                return null;
            }
            int max = a.getAddress().length * 8;
            int bits = max;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (bits < 0 || bits > max) {
                    return null;
                }
            }
            return new Range(a.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (b[full] & mask) == (network[full] & mask);
        }
    }
}
