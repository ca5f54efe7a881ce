package dev.gempix2.micronaut;

import dev.gempix2.core.HttpSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network keys of {@code application.yml}, the same on every transport: {@code gempix2.connect-timeout},
 * {@code gempix2.response-timeout}, {@code gempix2.proxy.*}, {@code gempix2.default-headers.*} and
 * {@code gempix2.user-agent-suffix}. They are checked with the other {@code gempix2.*} keys when the application
 * starts; its {@link #toString()} shows neither the proxy password nor header values.
 *
 * <pre>{@code
 * gempix2:
 *   connect-timeout: 3s
 *   proxy:
 *     url: http://proxy.corp:3128
 *     username: svc-images
 *     password: ${PROXY_PASSWORD}
 *   default-headers:
 *     X-Gateway-Tenant: images
 * }</pre>
 */
@ConfigurationProperties(GemPix2Configuration.PREFIX)
public class GemPix2HttpConfiguration {
    private Duration connectTimeout = HttpSettings.DEFAULT_CONNECT_TIMEOUT;
    private Duration responseTimeout = HttpSettings.DEFAULT_RESPONSE_TIMEOUT;
    private String userAgentSuffix;
    private Map<String, String> defaultHeaders = new LinkedHashMap<>();
    private Proxy proxy = new Proxy();

    /** @return how long to wait for a connection */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for a connection to the API or an image host; default 5s.
     *
     * @param connectTimeout a positive duration
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return how long an answer may stay silent */
    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * How long an answer may stay silent (between bytes, the status line included); default 30s.
     *
     * @param responseTimeout a positive duration
     */
    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /** @return the application's product token after the {@code User-Agent}, or null */
    public String getUserAgentSuffix() {
        return userAgentSuffix;
    }

    /**
     * The application's product token appended to the {@code User-Agent}, such as {@code my-app/1.2}; default
     * none.
     *
     * @param userAgentSuffix printable ASCII on one line
     */
    public void setUserAgentSuffix(String userAgentSuffix) {
        this.userAgentSuffix = userAgentSuffix;
    }

    /** @return the headers sent on every request */
    public Map<String, String> getDefaultHeaders() {
        return defaultHeaders;
    }

    /**
     * Headers sent on every request, such as a gateway's tenant header: {@code gempix2.default-headers.<Name>};
     * default none. Headers the SDK or HTTP sets ({@code Authorization}, {@code User-Agent}, ...) are refused.
     *
     * @param defaultHeaders header names and values
     */
    public void setDefaultHeaders(Map<String, String> defaultHeaders) {
        this.defaultHeaders = defaultHeaders == null ? new LinkedHashMap<>() : defaultHeaders;
    }

    /** @return the {@code gempix2.proxy.*} keys */
    public Proxy getProxy() {
        return proxy;
    }

    /** @param proxy the {@code gempix2.proxy.*} keys */
    public void setProxy(Proxy proxy) {
        this.proxy = proxy;
    }

    @Override
    public String toString() {
        return "GemPix2HttpConfiguration[connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", userAgentSuffix=" + userAgentSuffix + ", defaultHeaders=" + defaultHeaders.keySet()
                + ", proxy=" + proxy + "]";
    }

    /** The {@code gempix2.proxy.*} keys. */
    @ConfigurationProperties("proxy")
    public static class Proxy {
        private String url;
        private String username;
        private String password;
        private List<String> nonProxyHosts = List.of();

        /** @return the proxy's URL, or null to connect directly */
        public String getUrl() {
            return url;
        }

        /**
         * An HTTP proxy, {@code http://host:port} (credentials go in their own keys); default none.
         *
         * @param url the proxy's URL
         */
        public void setUrl(String url) {
            this.url = url;
        }

        /** @return the proxy's basic-auth user, or null */
        public String getUsername() {
            return username;
        }

        /**
         * The proxy's basic-auth user; set together with the password.
         *
         * @param username the user
         */
        public void setUsername(String username) {
            this.username = username;
        }

        /** @return the proxy's basic-auth password, or null */
        public String getPassword() {
            return password;
        }

        /**
         * The proxy's basic-auth password, e.g. {@code ${PROXY_PASSWORD}}; never logged.
         *
         * @param password the password
         */
        public void setPassword(String password) {
            this.password = password;
        }

        /** @return the hosts reached directly */
        public List<String> getNonProxyHosts() {
            return nonProxyHosts;
        }

        /**
         * Hosts reached directly: {@code example.com}, {@code .example.com} (its subdomains) or {@code *};
         * default none.
         *
         * @param nonProxyHosts host names or patterns
         */
        public void setNonProxyHosts(List<String> nonProxyHosts) {
            this.nonProxyHosts = nonProxyHosts == null ? List.of() : nonProxyHosts;
        }

        @Override
        public String toString() {
            return "[url=" + url + ", username=" + username + ", password=" + (password == null ? "none" : "***")
                    + ", nonProxyHosts=" + nonProxyHosts + "]";
        }
    }
}
