package dev.gempix2.core;

import dev.gempix2.core.error.ConfigurationException;
import dev.gempix2.core.internal.SettingKey;
import dev.gempix2.core.internal.SettingKeys;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.wire.HttpUrls;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every knob a client has, in one immutable value, validated once: the API key and base URL, the model,
 * polling, retries, callbacks, the call deadline, the download cap and the network ({@link HttpSettings}).
 * {@code GemPix2Client.fromEnv()}, both framework adapters and the command line read into it, each from the
 * spelling its users write ({@link #fromEnvironment(Map)}, {@link #fromProperties(Map)},
 * {@link #fromCommandLine(Map, Map)}; the root README's table lists every key).
 *
 * <p>A value that cannot be used fails with a {@link ConfigurationException} whose message starts with the
 * name as it was written. Durations are read by {@link DurationText} ({@code 30s}, {@code 5m}, {@code PT30S},
 * a bare number of seconds). The key is not required here (an application may bring its own transport);
 * {@link #requireApiKey()} fails the same way everywhere when it is missing.
 *
 * <pre>{@code
 * GemPix2Settings settings = GemPix2Settings.fromEnvironment(System.getenv());
 * GemPix2Client client = settings.applyTo(GemPix2Client.builder())
 *         .generator(HttpClient5Transport.builder().baseUrl(settings.baseUrl()).apiKey(settings.requireApiKey())
 *                 .http(settings.http()).build())
 *         .build();
 * }</pre>
 */
public final class GemPix2Settings {
    /** The default of {@code gempix2.callback.path}. */
    public static final String DEFAULT_CALLBACK_PATH = "/gempix2/callback";

    private final ApiKey apiKey;
    private final String apiKeySetting;
    private final URI baseUrl;
    private final Model model;
    private final PollingPolicy pollingPolicy;
    private final RetryPolicy retryPolicy;
    private final URI callbackBaseUrl;
    private final String callbackPath;
    private final boolean verifyCallbacks;
    private final Duration callTimeout;
    private final long maxDownloadBytes;
    private final HttpSettings http;

    private GemPix2Settings(Builder builder) {
        this.apiKey = builder.apiKey;
        this.apiKeySetting = builder.apiKeySetting;
        this.baseUrl = builder.baseUrl;
        this.model = builder.model;
        this.pollingPolicy = builder.pollingPolicy;
        this.retryPolicy = builder.retryPolicy;
        this.callbackBaseUrl = builder.callbackBaseUrl;
        this.callbackPath = builder.callbackPath;
        this.verifyCallbacks = builder.verifyCallbacks;
        this.callTimeout = builder.callTimeout;
        this.maxDownloadBytes = builder.maxDownloadBytes;
        this.http = builder.http.build();
    }

    /** @return every default, no API key: the values the README's table lists */
    public static GemPix2Settings defaults() {
        return new Builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings, to change some */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.apiKey = apiKey;
        builder.apiKeySetting = apiKeySetting;
        builder.baseUrl = baseUrl;
        builder.model = model;
        builder.pollingPolicy = pollingPolicy;
        builder.retryPolicy = retryPolicy;
        builder.callbackBaseUrl = callbackBaseUrl;
        builder.callbackPath = callbackPath;
        builder.verifyCallbacks = verifyCallbacks;
        builder.callTimeout = callTimeout;
        builder.maxDownloadBytes = maxDownloadBytes;
        builder.http = http.toBuilder();
        return builder;
    }

    /**
     * Reads each key's variable ({@code GEMPIX2_POLLING_WAIT_TIMEOUT}), {@code GEMPIX2_DEFAULT_HEADERS} as
     * {@code Name=value,Name2=value2}, and {@code HTTPS_PROXY} / {@code HTTP_PROXY} / {@code NO_PROXY} unless
     * {@code GEMPIX2_PROXY_URL} is set. Unset and blank variables keep their defaults.
     *
     * @param environment the variables, e.g. {@code System.getenv()}
     * @return the settings
     * @throws ConfigurationException naming the variable whose value is unusable
     */
    public static GemPix2Settings fromEnvironment(Map<String, String> environment) {
        return SettingsReading.fromEnvironment(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * Reads framework keys ({@code gempix2.polling.wait-timeout}, {@code gempix2.default-headers.<Name>}, ...).
     * Keys it does not know are ignored; unset and blank values keep their defaults.
     *
     * @param properties the keys and their text
     * @return the settings
     * @throws ConfigurationException naming the key whose value is unusable
     */
    public static GemPix2Settings fromProperties(Map<String, String> properties) {
        return SettingsReading.fromProperties(Objects.requireNonNull(properties, "properties"));
    }

    /**
     * Reads command-line options ({@code --api-key}, {@code --base-url}, {@code --model}, {@code --timeout},
     * {@code --poll-interval}) over the environment: an option given wins over its variable.
     *
     * @param options the options given, by name ({@code "--timeout" -> "5m"})
     * @param environment the variables, as {@link #fromEnvironment(Map)} reads them
     * @return the settings
     * @throws ConfigurationException naming the option or variable whose value is unusable
     */
    public static GemPix2Settings fromCommandLine(Map<String, String> options, Map<String, String> environment) {
        return SettingsReading.fromCommandLine(Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(environment, "environment"));
    }

    /**
     * @return every framework key these settings read, such as {@code gempix2.polling.wait-timeout};
     *         {@code gempix2.default-headers} stands for its {@code gempix2.default-headers.<Name>} keys
     */
    public static List<String> frameworkKeys() {
        return SettingKeys.ALL.stream().map(SettingKey::key).toList();
    }

    /** @return the API key, or empty when none was set */
    public Optional<ApiKey> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /**
     * @return the API key
     * @throws ConfigurationException {@code <name> is not set: ...}, with the name the settings were read under
     *                                ({@code GEMPIX2_API_KEY}, {@code gempix2.api-key},
     *                                {@code --api-key or GEMPIX2_API_KEY}; {@code apiKey} when built in code)
     */
    public ApiKey requireApiKey() {
        if (apiKey == null) {
            throw new ConfigurationException(apiKeySetting, "is not set: GemPix2 needs an API key (dk-…; get one at "
                    + "https://defapi.org)");
        }
        return apiKey;
    }

    /** @return the API's base URL; default {@link GemPix2Client#DEFAULT_BASE_URL} */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @return the model the application's requests use; default {@link Model#GEMPIX2} */
    public Model model() {
        return model;
    }

    /** @return polling and the wait's timeout; default {@link PollingPolicy#defaults()} */
    public PollingPolicy pollingPolicy() {
        return pollingPolicy;
    }

    /** @return retries; default {@link RetryPolicy#defaults()} */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return the public URL callbacks are sent to ({@code <base>/<token>}), or empty: callbacks off */
    public Optional<URI> callbackBaseUrl() {
        return Optional.ofNullable(callbackBaseUrl);
    }

    /** @return the path the adapters serve callbacks on, without a trailing slash; default {@code /gempix2/callback} */
    public String callbackPath() {
        return callbackPath;
    }

    /** @return whether a callback is confirmed by a query before it completes a wait; default true */
    public boolean verifyCallbacks() {
        return verifyCallbacks;
    }

    /** @return the overall deadline of one submit, query or download; default 2 minutes */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** @return the largest image download accepted, in bytes; default 32 MiB */
    public long maxDownloadBytes() {
        return maxDownloadBytes;
    }

    /** @return the network settings every transport takes */
    public HttpSettings http() {
        return http;
    }

    /**
     * Sets on a client builder what belongs to the client: retries, polling, callbacks, the call deadline and
     * the download cap. The transport is the caller's (built from {@link #baseUrl()}, {@link #requireApiKey()}
     * and {@link #http()}).
     *
     * @param builder the client's builder
     * @return the same builder
     */
    public GemPix2Client.Builder applyTo(GemPix2Client.Builder builder) {
        builder.retryPolicy(retryPolicy)
                .pollingPolicy(pollingPolicy)
                .verifyCallbacks(verifyCallbacks)
                .callTimeout(callTimeout)
                .maxDownloadBytes(maxDownloadBytes);
        if (callbackBaseUrl != null) {
            builder.callbackBaseUrl(callbackBaseUrl);
        }
        return builder;
    }

    /** Never shows the API key (only its masked form), the proxy password or header values. */
    @Override
    public String toString() {
        return "GemPix2Settings[apiKey=" + (apiKey == null ? "none" : apiKey.masked()) + ", baseUrl=" + baseUrl
                + ", model=" + model + ", polling=" + pollingPolicy + ", retry=" + retryPolicy + ", callbackBaseUrl="
                + callbackBaseUrl + ", callbackPath=" + callbackPath + ", verifyCallbacks=" + verifyCallbacks
                + ", callTimeout=" + callTimeout + ", maxDownloadBytes=" + maxDownloadBytes + ", http=" + http + "]";
    }

    /**
     * Builds {@link GemPix2Settings}. The defaults are the field values below, in this one place; every setter
     * validates at once and throws {@link IllegalArgumentException} naming the setting.
     */
    public static final class Builder {
        private ApiKey apiKey;
        private String apiKeySetting = "apiKey";
        private URI baseUrl = GemPix2Client.DEFAULT_BASE_URL;
        private Model model = Model.GEMPIX2;
        private PollingPolicy pollingPolicy = PollingPolicy.defaults();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private URI callbackBaseUrl;
        private String callbackPath = DEFAULT_CALLBACK_PATH;
        private boolean verifyCallbacks = true;
        private Duration callTimeout = GemPix2Client.DEFAULT_CALL_TIMEOUT;
        private long maxDownloadBytes = GemPix2Client.DEFAULT_MAX_DOWNLOAD_BYTES;
        HttpSettings.Builder http = HttpSettings.builder();

        private Builder() {
        }

        /**
         * @param secret the API key as issued ({@code dk-…}); required by {@link #requireApiKey()}
         * @return this builder
         * @throws dev.gempix2.core.error.InvalidRequestException when blank or not printable ASCII (never showing it)
         */
        public Builder apiKey(String secret) {
            this.apiKey = ApiKey.of(secret);
            return this;
        }

        /**
         * @param key the API key, or null for none
         * @return this builder
         */
        public Builder apiKey(ApiKey key) {
            this.apiKey = key;
            return this;
        }

        /** @param setting how a missing key is named in {@link #requireApiKey()}'s message @return this builder */
        Builder apiKeySetting(String setting) {
            this.apiKeySetting = setting;
            return this;
        }

        /**
         * @param url the API's address, absolute http(s), no query or fragment; default https://api.defapi.org
         * @return this builder
         */
        public Builder baseUrl(URI url) {
            this.baseUrl = HttpUrls.requireBase("baseUrl", url);
            return this;
        }

        /**
         * @param id a model id such as {@code google/gempix2}; default {@code google/gempix2}
         * @return this builder
         */
        public Builder model(String id) {
            this.model = Model.of(id == null ? null : id.strip());
            return this;
        }

        /**
         * @param policy polling and the wait's timeout; default {@link PollingPolicy#defaults()}
         * @return this builder
         */
        public Builder pollingPolicy(PollingPolicy policy) {
            this.pollingPolicy = Objects.requireNonNull(policy, "pollingPolicy");
            return this;
        }

        /**
         * @param retries retries after the first attempt, 0 or more; default 3
         * @return this builder
         */
        public Builder maxRetries(int retries) {
            this.retryPolicy = new RetryPolicy(retries, retryPolicy.initialBackoff(), retryPolicy.maxBackoff(),
                    retryPolicy.maxRetryAfter(), retryPolicy.retryAmbiguousSubmits());
            return this;
        }

        /**
         * @param policy a whole retry policy; default {@link RetryPolicy#defaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * @param url the app's public webhook URL, absolute http(s) without query or fragment; null for none
         *            (the default: callbacks off, polling only)
         * @return this builder
         */
        public Builder callbackBaseUrl(URI url) {
            this.callbackBaseUrl = url == null ? null : HttpUrls.requireBase("callbackBaseUrl", url);
            return this;
        }

        /**
         * @param path the path the adapters serve, {@code POST <path>/<token>}: a leading slash, no spaces or
         *             {@code : * ? # { }}; a trailing slash is dropped; default {@code /gempix2/callback}
         * @return this builder
         */
        public Builder callbackPath(String path) {
            this.callbackPath = Policies.requireCallbackPath(path);
            return this;
        }

        /**
         * @param verify whether a callback is confirmed by one query before it completes a wait; default true
         * @return this builder
         */
        public Builder verifyCallbacks(boolean verify) {
            this.verifyCallbacks = verify;
            return this;
        }

        /**
         * @param timeout the overall deadline of one submit, query or download, positive, at most 24 h; default
         *                2 minutes
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Policies.requireSanePositive("callTimeout", timeout);
            return this;
        }

        /**
         * @param maxBytes the largest image download accepted, positive; default 32 MiB
         * @return this builder
         */
        public Builder maxDownloadBytes(long maxBytes) {
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxDownloadBytes must be a positive number of bytes, got "
                        + maxBytes);
            }
            this.maxDownloadBytes = maxBytes;
            return this;
        }

        /**
         * @param settings the network settings, replacing any set one by one; default {@link HttpSettings#defaults()}
         * @return this builder
         */
        public Builder http(HttpSettings settings) {
            this.http = Objects.requireNonNull(settings, "http").toBuilder();
            return this;
        }

        /** @return the settings */
        public GemPix2Settings build() {
            return new GemPix2Settings(this);
        }
    }
}
