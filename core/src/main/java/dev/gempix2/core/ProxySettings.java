package dev.gempix2.core;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP proxy the transports go through: its address, optional basic-auth credentials, and the hosts reached
 * directly. Requests to {@code https} hosts are tunnelled with {@code CONNECT}; requests to {@code http} hosts are
 * forwarded. The password never appears in {@link #toString()}. Immutable.
 *
 * <pre>{@code
 * ProxySettings proxy = ProxySettings.of(URI.create("http://proxy.corp:3128"))
 *         .withCredentials("svc-images", System.getenv("PROXY_PASSWORD"))
 *         .withNonProxyHosts(List.of("localhost", ".corp"));
 * }</pre>
 *
 * @param address the proxy, {@code http://host:port} (no user info, path or query)
 * @param username the basic-auth user, or null for none
 * @param password the basic-auth password, or null for none (set together with the user)
 * @param nonProxyHosts hosts reached directly: {@code example.com} (that host), {@code .example.com} or
 *                      {@code *.example.com} (its subdomains), {@code *} (every host)
 */
public record ProxySettings(URI address, String username, String password, List<String> nonProxyHosts) {

    /**
     * Validates every part, naming the one that is wrong.
     *
     * @param address the proxy, {@code http://host:port} (no user info, path or query)
     * @param username the basic-auth user, or null for none
     * @param password the basic-auth password, or null for none (set together with the user)
     * @param nonProxyHosts hosts reached directly: {@code example.com} (that host), {@code .example.com} or
     *                      {@code *.example.com} (its subdomains), {@code *} (every host)
     */
    public ProxySettings {
        if (address == null || !"http".equalsIgnoreCase(address.getScheme()) || address.getHost() == null
                || address.getRawUserInfo() != null || (address.getRawPath() != null && address.getRawPath().length() > 1)
                || address.getRawQuery() != null) {
            throw new IllegalArgumentException("proxy must be an http URL such as http://proxy.local:3128 (no user "
                    + "info, path or query), got " + (address == null ? "nothing" : safe(address)));
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("proxy username and password go together: set both or neither");
        }
        if (username != null && (username.isEmpty() || username.indexOf(':') >= 0 || hasControl(username))) {
            throw new IllegalArgumentException("proxy username must be non-empty, without ':' or control characters");
        }
        if (password != null && hasControl(password)) {
            throw new IllegalArgumentException("proxy password must not hold control characters");
        }
        nonProxyHosts = List.copyOf(nonProxyHosts == null ? List.of() : nonProxyHosts);
        for (String host : nonProxyHosts) {
            if (host.isBlank() || host.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == '/' || c == ',')) {
                throw new IllegalArgumentException("non-proxy host must be a host name or pattern such as "
                        + ".example.com, got '" + host + "'");
            }
        }
    }

    /**
     * @param address the proxy, {@code http://host:port}
     * @return a proxy without credentials that every host goes through
     */
    public static ProxySettings of(URI address) {
        return new ProxySettings(address, null, null, List.of());
    }

    /**
     * @param user the basic-auth user
     * @param secret the basic-auth password
     * @return a copy with these credentials
     */
    public ProxySettings withCredentials(String user, String secret) {
        if (user == null || secret == null) {
            throw new IllegalArgumentException("proxy username and password go together: set both or neither");
        }
        return new ProxySettings(address, user, secret, nonProxyHosts);
    }

    /**
     * @param hosts hosts or patterns reached directly
     * @return a copy with these hosts
     */
    public ProxySettings withNonProxyHosts(List<String> hosts) {
        return new ProxySettings(address, username, password, hosts);
    }

    /**
     * The proxy the conventional variables name, for a client whose API address is {@code target}:
     * {@code HTTPS_PROXY} (or {@code https_proxy}) for an https target, {@code HTTP_PROXY} (or {@code http_proxy})
     * for an http one, with user info in the URL as the credentials, and {@code NO_PROXY} (or {@code no_proxy}) as
     * the hosts reached directly (comma-separated; a {@code :port} is dropped, address ranges such as
     * {@code 10.0.0.0/8} are skipped).
     *
     * @param environment the variables
     * @param target the API's base URL
     * @return the proxy, or empty when the variable is unset or blank
     * @throws IllegalArgumentException naming the variable when its value is not a usable proxy URL
     */
    public static Optional<ProxySettings> fromEnvironment(Map<String, String> environment, URI target) {
        boolean https = target == null || "https".equalsIgnoreCase(target.getScheme());
        String upper = https ? "HTTPS_PROXY" : "HTTP_PROXY";
        String name = firstSet(environment, upper, upper.toLowerCase(Locale.ROOT));
        if (name == null) {
            return Optional.empty();
        }
        String value = environment.get(name).strip();
        URI url;
        try {
            url = URI.create(value.contains("://") ? value : "http://" + value);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(name + " is not a URL such as http://proxy.local:3128");
        }
        if (!"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException(name + " must be an http proxy URL such as http://proxy.local:3128, "
                    + "got the scheme " + url.getScheme());
        }
        String user = null;
        String secret = null;
        if (url.getUserInfo() != null) {
            // Decoded by URI: %XX escapes only ('+' stays a plus, as in any URL's user info).
            String[] parts = url.getUserInfo().split(":", 2);
            user = parts[0];
            secret = parts.length > 1 ? parts[1] : "";
        }
        List<String> hosts = noProxyHosts(environment);
        try {
            URI bare = new URI("http", null, url.getHost(), url.getPort(), null, null, null);
            return Optional.of(new ProxySettings(bare, user, secret, hosts));
        } catch (java.net.URISyntaxException | IllegalArgumentException bad) {
            throw new IllegalArgumentException(name + " is not a usable proxy URL such as http://proxy.local:3128: "
                    + "it needs a host, and a user name (when given) without control characters");
        }
    }

    // NO_PROXY as curl and most tools write it: comma-separated hosts and .domains; a ":port" is dropped (the host
    // goes direct on every port), and address ranges (10.0.0.0/8) are skipped, since matching is by name.
    private static List<String> noProxyHosts(Map<String, String> environment) {
        String name = firstSet(environment, "NO_PROXY", "no_proxy");
        List<String> hosts = new ArrayList<>();
        if (name == null) {
            return hosts;
        }
        for (String entry : environment.get(name).split(",")) {
            String host = entry.strip();
            if (host.isEmpty() || host.contains("/")) {
                continue;
            }
            int colon = host.lastIndexOf(':');
            if (colon > 0 && host.indexOf(':') == colon && host.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                host = host.substring(0, colon);
            }
            if (host.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == ',')) {
                throw new IllegalArgumentException(name + " must list host names or patterns such as .example.com, "
                        + "separated by commas; got '" + host + "'");
            }
            hosts.add(host);
        }
        return hosts;
    }

    /**
     * @param target the URL about to be requested
     * @return whether the request goes through the proxy (false when the host is one of {@link #nonProxyHosts()})
     */
    public boolean appliesTo(URI target) {
        String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts) {
            String p = pattern.toLowerCase(Locale.ROOT);
            if (p.equals("*") || p.equals(host)) {
                return false;
            }
            String suffix = p.startsWith("*.") ? p.substring(1) : p.startsWith(".") ? p : null;
            if (suffix != null && (host.endsWith(suffix) || host.equals(suffix.substring(1)))) {
                return false;
            }
        }
        return true;
    }

    /** @return the {@code Proxy-Authorization} value ({@code Basic …}), or empty without credentials */
    public Optional<String> basicAuthorization() {
        if (username == null) {
            return Optional.empty();
        }
        byte[] pair = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair));
    }

    /** The password is never shown. */
    @Override
    public String toString() {
        return "ProxySettings[address=" + address + ", username=" + username + ", password="
                + (password == null ? "none" : "***") + ", nonProxyHosts=" + nonProxyHosts + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProxySettings that && address.equals(that.address)
                && Objects.equals(username, that.username) && Objects.equals(password, that.password)
                && nonProxyHosts.equals(that.nonProxyHosts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, username, nonProxyHosts);
    }

    private static String firstSet(Map<String, String> environment, String upper, String lower) {
        for (String name : List.of(upper, lower)) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return name;
            }
        }
        return null;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String safe(URI address) {
        // A URL with user info may carry a password: show where it points, never who with.
        return address.getScheme() + "://" + address.getHost() + (address.getPort() < 0 ? "" : ":" + address.getPort());
    }
}
