package io.batchtrack.status.internal;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Defeats DNS rebinding: a web page the operator visits can point its own name at 127.0.0.1, and
 * the browser then sends the page's requests, with {@code Host: attacker.example}, to the token-less
 * loopback server. Only the names this server is meant to be reached by are answered: the loopback
 * names and the configured ones, with any port. A server that requires a token needs no such
 * check (the rebinding page cannot present the token), so it is not given one.
 */
public final class HostCheck {
    /** The names a loopback server is always reached by. */
    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowed;

    /** @param configured further host names (a port, if given, is ignored), already checked by {@link #requireHostName} */
    public HostCheck(Set<String> configured) {
        Set<String> names = new TreeSet<>(LOOPBACK);
        for (String name : configured) {
            names.add(withoutPort(name.toLowerCase(Locale.ROOT)));
        }
        this.allowed = Set.copyOf(names);
    }

    /** Whether a request with this {@code Host} header (null: none) is for this server. */
    public boolean accepts(String host) {
        if (host == null) {
            return false;
        }
        return allowed.contains(withoutPort(host.strip().toLowerCase(Locale.ROOT)));
    }

    /** The names accepted, for the 421's message and the log. */
    public Set<String> allowed() {
        return allowed;
    }

    /**
     * Checks one configured name: a DNS name, an IPv4 literal or a bracketed IPv6 literal, with an
     * optional port.
     *
     * @return the name
     * @throws IllegalArgumentException naming the value and the rule
     */
    public static String requireHostName(String name) {
        String host = withoutPort(name.strip().toLowerCase(Locale.ROOT));
        boolean ok = !host.isEmpty() && host.length() <= 253;
        if (ok && host.startsWith("[")) {
            ok = host.endsWith("]") && host.length() > 2 && host.substring(1, host.length() - 1).chars()
                    .allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        } else {
            for (int i = 0; ok && i < host.length(); i++) {
                char c = host.charAt(i);
                ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
            }
        }
        if (!ok) {
            throw new IllegalArgumentException("'" + name + "' is not a host name: use a DNS name, an IPv4 address or"
                    + " a bracketed IPv6 address ([::1]), optionally with :port");
        }
        return name.strip();
    }

    /** {@code host:port} → {@code host}; {@code [::1]:80} → {@code [::1]}. */
    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 || host.indexOf(':') != colon ? host : host.substring(0, colon);
    }
}
