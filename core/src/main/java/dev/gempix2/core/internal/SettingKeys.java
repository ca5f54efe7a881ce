package dev.gempix2.core.internal;

import java.util.List;

/**
 * Every setting {@code GemPix2Settings} reads, with its names, default and meaning: the one list that the
 * readers, the adapters' known keys and the root README's table follow (a test compares the table with it).
 */
public final class SettingKeys {
    /** {@code gempix2.api-key}. */
    public static final SettingKey API_KEY = new SettingKey("gempix2.api-key", "--api-key", "apiKey",
            "required", "the API key (`dk-…`), sent as a Bearer token; never logged", true);
    /** {@code gempix2.base-url}. */
    public static final SettingKey BASE_URL = new SettingKey("gempix2.base-url", "--base-url", "baseUrl",
            "https://api.defapi.org", "the API's address (the testkit's fake in tests)", false);
    /** {@code gempix2.model}. */
    public static final SettingKey MODEL = new SettingKey("gempix2.model", "--model", "model",
            "google/gempix2", "the model of the requests the application builds from the settings", false);
    /** {@code gempix2.polling.initial-delay}. */
    public static final SettingKey POLLING_INITIAL_DELAY = new SettingKey("gempix2.polling.initial-delay",
            "--poll-interval", "initialDelay", "2s", "the wait before a task's first poll", false);
    /** {@code gempix2.polling.max-interval}. */
    public static final SettingKey POLLING_MAX_INTERVAL = new SettingKey("gempix2.polling.max-interval", null,
            "maxInterval", "10s", "the longest interval between polls (they grow ×1.5 up to it)", false);
    /** {@code gempix2.polling.wait-timeout}. */
    public static final SettingKey POLLING_WAIT_TIMEOUT = new SettingKey("gempix2.polling.wait-timeout",
            "--timeout", "waitTimeout", "5m", "how long `generate` and `await` wait for a task's end", false);
    /** {@code gempix2.retry.max-retries}. */
    public static final SettingKey RETRY_MAX_RETRIES = new SettingKey("gempix2.retry.max-retries", null,
            "maxRetries", "3", "retries after a failed query, download or (safe) submit", false);
    /** {@code gempix2.callback.base-url}. */
    public static final SettingKey CALLBACK_BASE_URL = new SettingKey("gempix2.callback.base-url", null,
            "callbackBaseUrl", "unset", "the app's public URL + callback path; unset: callbacks off, polling only",
            false);
    /** {@code gempix2.callback.path}. */
    public static final SettingKey CALLBACK_PATH = new SettingKey("gempix2.callback.path", null, "callbackPath",
            "/gempix2/callback", "the endpoint the adapters serve, `POST {path}/{token}`", false);
    /** {@code gempix2.callback.verify}. */
    public static final SettingKey CALLBACK_VERIFY = new SettingKey("gempix2.callback.verify", null,
            "verifyCallbacks", "true", "confirm each callback with one query before trusting it", false);
    /** {@code gempix2.call-timeout}. */
    public static final SettingKey CALL_TIMEOUT = new SettingKey("gempix2.call-timeout", null, "callTimeout",
            "2m", "the overall deadline of one submit, query or download, retries included", false);
    /** {@code gempix2.downloads.max-bytes}. */
    public static final SettingKey DOWNLOADS_MAX_BYTES = new SettingKey("gempix2.downloads.max-bytes", null,
            "maxDownloadBytes", "33554432", "the largest image download accepted, in bytes (32 MiB)", false);
    /** {@code gempix2.connect-timeout}. */
    public static final SettingKey CONNECT_TIMEOUT = new SettingKey("gempix2.connect-timeout", null,
            "connectTimeout", "5s", "how long to wait for a connection", false);
    /** {@code gempix2.response-timeout}. */
    public static final SettingKey RESPONSE_TIMEOUT = new SettingKey("gempix2.response-timeout", null,
            "responseTimeout", "30s", "how long an answer may stay silent", false);
    /** {@code gempix2.proxy.url}. */
    public static final SettingKey PROXY_URL = new SettingKey("gempix2.proxy.url", null, "proxy", "unset",
            "an HTTP proxy, `http://host:port`; unset: `HTTPS_PROXY`/`HTTP_PROXY` for `fromEnv` and the CLI, "
                    + "else direct", false);
    /** {@code gempix2.proxy.username}. */
    public static final SettingKey PROXY_USERNAME = new SettingKey("gempix2.proxy.username", null,
            "proxyUsername", "unset", "the proxy's basic-auth user (with the password)", false);
    /** {@code gempix2.proxy.password}. */
    public static final SettingKey PROXY_PASSWORD = new SettingKey("gempix2.proxy.password", null,
            "proxyPassword", "unset", "the proxy's basic-auth password; never logged", true);
    /** {@code gempix2.proxy.non-proxy-hosts}. */
    public static final SettingKey PROXY_NON_PROXY_HOSTS = new SettingKey("gempix2.proxy.non-proxy-hosts", null,
            "nonProxyHosts", "unset", "hosts reached directly, comma-separated (`localhost,.corp`); unset: "
                    + "`NO_PROXY` for `fromEnv` and the CLI", false);
    /** {@code gempix2.default-headers.<Name>}. */
    public static final SettingKey DEFAULT_HEADERS = new SettingKey("gempix2.default-headers", null,
            "defaultHeader", "none", "headers sent on every request: `gempix2.default-headers.<Name>=value`; "
                    + "the variable holds `Name=value,Name2=value2`", true);
    /** {@code gempix2.user-agent-suffix}. */
    public static final SettingKey USER_AGENT_SUFFIX = new SettingKey("gempix2.user-agent-suffix", null,
            "userAgentSuffix", "none", "the app's product token after the `User-Agent`, e.g. `my-app/1.2`", false);

    /** Every setting, in the README's order. */
    public static final List<SettingKey> ALL = List.of(API_KEY, BASE_URL, MODEL, POLLING_INITIAL_DELAY,
            POLLING_MAX_INTERVAL, POLLING_WAIT_TIMEOUT, RETRY_MAX_RETRIES, CALLBACK_BASE_URL, CALLBACK_PATH,
            CALLBACK_VERIFY, CALL_TIMEOUT, DOWNLOADS_MAX_BYTES, CONNECT_TIMEOUT, RESPONSE_TIMEOUT, PROXY_URL,
            PROXY_USERNAME, PROXY_PASSWORD, PROXY_NON_PROXY_HOSTS, DEFAULT_HEADERS, USER_AGENT_SUFFIX);

    private SettingKeys() {
    }
}
