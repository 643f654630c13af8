package org.bayan.platform.web;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which hosts Bayan answers for, and what its absolute links (canonical, {@code og:url}, JSON-LD,
 * feeds, sitemaps, robots.txt) are built from. With a base URL they all come from it, and only its
 * host, the allowed hosts and loopback names are answered. Without one they follow each request's
 * Host: then a page kept for one host must never be handed to a reader of another (see
 * {@link #linkOrigin}), or one forged Host header would reach every later reader.
 */
public final class SiteAddress {

    /** Answered in every case, so a health check on the machine itself needs no configuration. */
    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** Dot-separated labels (a name or an IPv4 address), or a bracketed IPv6 address. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?"
            + "|\\[[0-9A-Fa-f:.]{2,45}\\]");

    private final Optional<String> baseUrl;
    private final boolean restricted;
    private final Set<String> anyPort = new HashSet<>();
    private final Set<String> withPort = new HashSet<>();

    /**
     * @param baseUrl      the configured public address, if any
     * @param allowedHosts further host names, each with an optional {@code :port}, lower case
     */
    public SiteAddress(Optional<String> baseUrl, List<String> allowedHosts) {
        this.baseUrl = baseUrl;
        this.restricted = baseUrl.isPresent() || !allowedHosts.isEmpty();
        baseUrl.map(u -> URI.create(u).getHost()).ifPresent(h -> anyPort.add(h.toLowerCase(Locale.ROOT)));
        for (String host : allowedHosts) {
            boolean hasPort = host.lastIndexOf(':') > host.lastIndexOf(']');
            (hasPort ? withPort : anyPort).add(host);
        }
    }

    /** Whether a request for this host and port (as the container read them from its Host header) is answered. */
    public boolean answers(String host, int port) {
        if (host == null || host.length() > 255 || !HOST_NAME.matcher(host).matches()) {
            return false;
        }
        if (!restricted) {
            return true;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return LOOPBACK.contains(name) || anyPort.contains(name) || withPort.contains(name + ":" + port);
    }

    /**
     * Whether a host name (an Origin's, say) is one the site is configured under: the base URL's
     * or an allowed host's, whatever the port. Behind a proxy that does not pass the browser's Host
     * on, this is how a form posted from the public address is still known as the site's own.
     */
    public boolean isConfiguredHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return anyPort.contains(name) || withPort.stream().anyMatch(h -> h.substring(0, h.lastIndexOf(':')).equals(name));
    }

    /**
     * What a page's absolute links depend on besides its path: nothing when a base URL fixes them,
     * else the scheme, host and port exactly as the links will carry them. A kept page is kept for it.
     */
    public String linkOrigin(String scheme, String host, int port) {
        return baseUrl.isPresent() ? "" : scheme + "://" + host + ":" + port;
    }

    /**
     * How many distinct link origins the page cache keeps pages for when links follow the request:
     * the few a site really has (its name, perhaps a www. name, loopback), so that requests with many
     * forged hosts are rendered for their senders without crowding out the real site's pages.
     */
    public int originsKept() {
        return 4 + anyPort.size() + withPort.size();
    }

    /** One line for the start-up log when links follow each request's Host; empty with a base URL. */
    public Optional<String> startupNote() {
        if (baseUrl.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(restricted
                ? "No BAYAN_BASE_URL set: absolute links follow each request's Host, answered only for BAYAN_ALLOWED_HOSTS "
                        + "and loopback; set BAYAN_BASE_URL in production"
                : "No BAYAN_BASE_URL set: absolute links (canonical, feeds, sitemaps) follow each request's Host, "
                        + "and any host name is answered; set BAYAN_BASE_URL (and BAYAN_ALLOWED_HOSTS) in production");
    }
}
