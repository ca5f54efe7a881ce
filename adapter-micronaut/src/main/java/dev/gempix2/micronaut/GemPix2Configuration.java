package dev.gempix2.micronaut;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.error.ConfigurationException;
import dev.gempix2.micronaut.internal.ConfigurationSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code gempix2.*} keys of {@code application.yml} (the network keys are in {@link GemPix2HttpConfiguration}).
 * Every key but {@code gempix2.api-key} has a default; the adapter checks them all when the application starts,
 * with core's rules ({@link GemPix2Settings}), and names the key at fault in a core
 * {@link ConfigurationException}.
 *
 * <pre>{@code
 * gempix2:
 *   api-key: ${GEMPIX2_API_KEY}
 *   callback:
 *     base-url: https://my-app.example.com/gempix2/callback
 * }</pre>
 *
 * <p>Inject it to read the configured {@link #model()} when building requests. Its {@link #toString()} masks
 * the API key.
 */
@ConfigurationProperties(GemPix2Configuration.PREFIX)
public class GemPix2Configuration {
    /** The prefix of every key. */
    public static final String PREFIX = "gempix2";
    /** The default of {@code gempix2.base-url}: {@link GemPix2Client#DEFAULT_BASE_URL}. */
    public static final URI DEFAULT_BASE_URL = GemPix2Client.DEFAULT_BASE_URL;

    private String apiKey;
    private URI baseUrl = DEFAULT_BASE_URL;
    private String model = Model.GEMPIX2.id();
    private Polling polling = new Polling();
    private Retry retry = new Retry();
    private Callback callback = new Callback();
    private Duration callTimeout = GemPix2Client.DEFAULT_CALL_TIMEOUT;
    private Downloads downloads = new Downloads();

    /** @return the API key as configured, or null; prefer {@link #apiKey()} */
    public String getApiKey() {
        return apiKey;
    }

    /**
     * The API key ({@code dk-…}) sent as a Bearer token; required. Usually {@code ${GEMPIX2_API_KEY}}.
     *
     * @param apiKey the key
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** @return the API's base URL */
    public URI getBaseUrl() {
        return baseUrl;
    }

    /**
     * The GemPix2 API's base URL; default {@code https://api.defapi.org}. Point it at the testkit's fake backend
     * in tests.
     *
     * @param baseUrl an absolute http(s) URL
     */
    public void setBaseUrl(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return the model id as configured */
    public String getModel() {
        return model;
    }

    /**
     * The model that requests built with {@link #model()} use; default {@code google/gempix2}.
     *
     * @param model a model id such as {@code google/gemini-2.5-flash-image}
     */
    public void setModel(String model) {
        this.model = model;
    }

    /** @return the {@code gempix2.polling.*} keys */
    public Polling getPolling() {
        return polling;
    }

    /** @param polling the {@code gempix2.polling.*} keys */
    public void setPolling(Polling polling) {
        this.polling = polling;
    }

    /** @return the {@code gempix2.retry.*} keys */
    public Retry getRetry() {
        return retry;
    }

    /** @param retry the {@code gempix2.retry.*} keys */
    public void setRetry(Retry retry) {
        this.retry = retry;
    }

    /** @return the {@code gempix2.callback.*} keys */
    public Callback getCallback() {
        return callback;
    }

    /** @param callback the {@code gempix2.callback.*} keys */
    public void setCallback(Callback callback) {
        this.callback = callback;
    }

    /** @return the overall deadline of one submit, query or download */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    /**
     * The overall deadline of one submit, query or download, retries included; default 2m.
     *
     * @param callTimeout a positive duration
     */
    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** @return the {@code gempix2.downloads.*} keys */
    public Downloads getDownloads() {
        return downloads;
    }

    /** @param downloads the {@code gempix2.downloads.*} keys */
    public void setDownloads(Downloads downloads) {
        this.downloads = downloads;
    }

    /**
     * @return the API key
     * @throws ConfigurationException {@code gempix2.api-key is not set: ...} (or is not a usable key)
     */
    public ApiKey apiKey() {
        return settings().requireApiKey();
    }

    /**
     * @return the configured model, for {@code ImageRequest.builder().model(configuration.model())}
     * @throws ConfigurationException naming {@code gempix2.model} when it is not a model id
     */
    public Model model() {
        return settings().model();
    }

    /** @return the callback base URL, when callbacks are on */
    public Optional<URI> callbackBaseUrl() {
        return settings().callbackBaseUrl();
    }

    /**
     * Checks every key with core's rules ({@link GemPix2Settings#fromProperties(java.util.Map)}) and names the
     * first one at fault.
     *
     * @throws ConfigurationException naming the key, e.g. {@code gempix2.api-key is not set: ...}
     */
    public void validate() {
        settings().requireApiKey();
    }

    /** @return the polling policy of the {@code gempix2.polling.*} keys */
    public PollingPolicy pollingPolicy() {
        return settings().pollingPolicy();
    }

    /** @return the retry policy of the {@code gempix2.retry.*} keys */
    public RetryPolicy retryPolicy() {
        return settings().retryPolicy();
    }

    private GemPix2Settings settings() {
        return ConfigurationSettings.read(this, null);
    }

    @Override
    public String toString() {
        return "GemPix2Configuration[apiKey=" + ApiKey.mask(apiKey) + ", baseUrl=" + baseUrl + ", model=" + model
                + ", polling=" + polling + ", retry=" + retry + ", callback=" + callback + ", callTimeout=" + callTimeout
                + ", downloads=" + downloads + "]";
    }

    /** The {@code gempix2.polling.*} keys. */
    @ConfigurationProperties("polling")
    public static class Polling {
        private Duration initialDelay = PollingPolicy.DEFAULT_INITIAL_DELAY;
        private Duration maxInterval = PollingPolicy.DEFAULT_MAX_INTERVAL;
        private Duration waitTimeout = PollingPolicy.DEFAULT_WAIT_TIMEOUT;

        /** @return the wait before the first poll */
        public Duration getInitialDelay() {
            return initialDelay;
        }

        /**
         * The wait before the first poll of a task; default 2s.
         *
         * @param initialDelay a positive duration
         */
        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        /** @return the longest interval between polls */
        public Duration getMaxInterval() {
            return maxInterval;
        }

        /**
         * The longest interval between polls (they grow ×1.5 up to it); default 10s.
         *
         * @param maxInterval a positive duration
         */
        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }

        /** @return how long a wait lasts */
        public Duration getWaitTimeout() {
            return waitTimeout;
        }

        /**
         * How long {@code generate} and {@code await} wait for a task's final state; default 5m.
         *
         * @param waitTimeout a positive duration
         */
        public void setWaitTimeout(Duration waitTimeout) {
            this.waitTimeout = waitTimeout;
        }

        @Override
        public String toString() {
            return "[initialDelay=" + initialDelay + ", maxInterval=" + maxInterval + ", waitTimeout=" + waitTimeout
                    + "]";
        }
    }

    /** The {@code gempix2.retry.*} keys. */
    @ConfigurationProperties("retry")
    public static class Retry {
        private int maxRetries = RetryPolicy.DEFAULT_MAX_RETRIES;

        /** @return retries after the first attempt */
        public int getMaxRetries() {
            return maxRetries;
        }

        /**
         * Retries after the first attempt of a query, a download or a submit that cannot have created a task;
         * default 3.
         *
         * @param maxRetries 0 or more
         */
        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        @Override
        public String toString() {
            return "[maxRetries=" + maxRetries + "]";
        }
    }

    /** The {@code gempix2.callback.*} keys. */
    @ConfigurationProperties("callback")
    public static class Callback {
        /** The default of {@code gempix2.callback.path}. */
        public static final String DEFAULT_PATH = "/gempix2/callback";

        private URI baseUrl;
        private String path = DEFAULT_PATH;
        private boolean verify = true;

        /** @return the public callback base URL, or null when callbacks are off */
        public URI getBaseUrl() {
            return baseUrl;
        }

        /**
         * The app's public URL plus the callback path, e.g. {@code https://my-app.example.com/gempix2/callback};
         * each task gets {@code <base-url>/<token>} as its callback URL. Unset by default: callbacks off,
         * polling only, and no webhook endpoint.
         *
         * @param baseUrl an absolute http(s) URL
         */
        public void setBaseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        /** @return the path the webhook endpoint serves */
        public String getPath() {
            return path;
        }

        /**
         * The path under which this app serves {@code POST <path>/<token>}; default {@code /gempix2/callback}.
         *
         * @param path a path with a leading slash
         */
        public void setPath(String path) {
            this.path = path;
        }

        /** @return whether callbacks are confirmed by a query */
        public boolean isVerify() {
            return verify;
        }

        /**
         * Whether a callback is confirmed by one query before it completes a wait, so that nobody can forge a
         * result; default true.
         *
         * @param verify false to trust callbacks as they come
         */
        public void setVerify(boolean verify) {
            this.verify = verify;
        }

        @Override
        public String toString() {
            return "[baseUrl=" + baseUrl + ", path=" + path + ", verify=" + verify + "]";
        }
    }

    /** The {@code gempix2.downloads.*} keys. */
    @ConfigurationProperties("downloads")
    public static class Downloads {
        private long maxBytes = GemPix2Client.DEFAULT_MAX_DOWNLOAD_BYTES;

        /** @return the largest image download accepted, in bytes */
        public long getMaxBytes() {
            return maxBytes;
        }

        /**
         * The largest image download accepted, in bytes; default 33554432 (32 MiB).
         *
         * @param maxBytes a positive number of bytes
         */
        public void setMaxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public String toString() {
            return "[maxBytes=" + maxBytes + "]";
        }
    }
}
