package dev.gempix2.cli.internal;

import dev.gempix2.cli.ExitCodes;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * The client a command uses, and what it talks to: the real API when a key is set, otherwise the fake backend
 * started inside this process. Both run the same client over the same HttpClient 5 transport; only the base
 * URL and key differ. Closing it closes the client, the transport and the fake.
 */
public final class BackendSession implements AutoCloseable {
    /** The API used when neither {@code --base-url} nor {@code GEMPIX2_BASE_URL} says otherwise. */
    public static final String DEFAULT_BASE_URL = "https://api.defapi.org";
    /** Polls the embedded fake often, since its tasks are short and the requests are local. */
    private static final PollingPolicy EMBEDDED_POLLING = PollingPolicy.builder()
            .initialDelay(Duration.ofMillis(200)).multiplier(1.0).maxInterval(Duration.ofMillis(200)).build();

    private final GemPix2Client client;
    private final HttpClient5Transport transport;
    private final FakeGemPix2Backend fake;
    private final Situation situation;
    private final Duration waitTimeout;
    private final PhaseTimings timings;

    private BackendSession(GemPix2Client client, HttpClient5Transport transport, FakeGemPix2Backend fake,
                           Situation situation, Duration waitTimeout, PhaseTimings timings) {
        this.timings = timings;
        this.client = client;
        this.transport = transport;
        this.fake = fake;
        this.situation = situation;
        this.waitTimeout = waitTimeout;
    }

    /**
     * @param options {@code --api-key} and {@code --base-url}
     * @param context the environment
     * @param err where the one line about the embedded fake goes
     * @param embeddedFakeAllowed whether a missing key means "use the fake" (generate) rather than an error
     *                            (status and wait: a fresh fake knows no task)
     * @param progress sees every status change
     * @param pollInterval the first poll's delay, or null for the default (2 s; 200 ms on the embedded fake)
     * @return the session, to close after use
     * @throws CommandFailure naming the variable or option at fault
     */
    public static BackendSession open(ConnectionOptions options, CliContext context, PrintWriter err,
                                      boolean embeddedFakeAllowed, ProgressReport progress,
                                      Duration pollInterval) {
        String keyOrigin = options.apiKey() != null ? "--api-key" : "GEMPIX2_API_KEY";
        String secret = options.apiKey() != null ? options.apiKey() : context.variable("GEMPIX2_API_KEY");
        String urlOrigin = options.baseUrl() != null ? "--base-url" : "GEMPIX2_BASE_URL";
        String url = options.baseUrl() != null ? options.baseUrl() : context.variable("GEMPIX2_BASE_URL");
        if (secret == null) {
            if (url != null || !embeddedFakeAllowed) {
                throw new CommandFailure(ExitCodes.AUTHENTICATION, "no API key: set GEMPIX2_API_KEY (or pass "
                        + "--api-key)" + (url != null ? " for the API at " + url
                        : "; this command needs the API the task was submitted to"), null);
            }
            return embedded(context, err, progress, pollInterval == null ? EMBEDDED_POLLING : polling(pollInterval));
        }
        ApiKey key = key(secret, keyOrigin);
        URI baseUrl = url == null ? URI.create(DEFAULT_BASE_URL) : baseUrl(url, urlOrigin);
        Situation situation = new Situation(baseUrl, key, keyOrigin, context.commandPrefix(),
                options.baseUrl() != null);
        PollingPolicy polling = pollInterval == null ? PollingPolicy.defaults() : polling(pollInterval);
        return connect(baseUrl, key, null, situation, polling, progress);
    }

    private static BackendSession embedded(CliContext context, PrintWriter err, ProgressReport progress,
                                           PollingPolicy polling) {
        // pending, submitted, in_progress: the whole demo takes about a second.
        FakeGemPix2Backend fake = FakeGemPix2Backend.builder()
                .stageDurations(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500))
                .start();
        try {
            err.println("gempix2: GEMPIX2_API_KEY is not set, so this runs on the built-in fake backend (local, "
                    + "no credits used). For the real API: export GEMPIX2_API_KEY=dk-... (keys at https://defapi.org)");
            err.flush();
            Situation situation = new Situation(fake.baseUrl(), null, null, context.commandPrefix(), false);
            return connect(fake.baseUrl(), fake.apiKey(), fake, situation, polling, progress);
        } catch (RuntimeException failure) {
            fake.close();
            throw failure;
        }
    }

    private static BackendSession connect(URI baseUrl, ApiKey key, FakeGemPix2Backend fake, Situation situation,
                                          PollingPolicy polling, ProgressReport progress) {
        HttpClient5Transport transport = HttpClient5Transport.builder()
                .baseUrl(baseUrl)
                .apiKey(key)
                .userAgentSuffix("gempix2-cli")
                .build();
        PhaseTimings timings = new PhaseTimings();
        try {
            GemPix2Client client = GemPix2Client.builder()
                    .generator(new StatusWatchingGenerator(transport, task -> progress.statusChanged(task.status())))
                    .downloader(transport)
                    .pollingPolicy(polling)
                    .listener(progress)
                    .observer(timings)
                    .build();
            return new BackendSession(client, transport, fake, situation, polling.waitTimeout(), timings);
        } catch (RuntimeException failure) {
            transport.close();
            throw failure;
        }
    }

    /** @return the polls, callbacks, retries and phase times of this session's calls (for {@code --verbose}) */
    public PhaseTimings timings() {
        return timings;
    }

    private static PollingPolicy polling(Duration firstPoll) {
        Duration longest = firstPoll.compareTo(PollingPolicy.DEFAULT_MAX_INTERVAL) > 0
                ? firstPoll : PollingPolicy.DEFAULT_MAX_INTERVAL;
        return PollingPolicy.builder().initialDelay(firstPoll).maxInterval(longest).build();
    }

    private static ApiKey key(String secret, String origin) {
        try {
            return ApiKey.of(secret);
        } catch (InvalidRequestException malformed) {
            throw new CommandFailure(ExitCodes.AUTHENTICATION, "the API key in " + origin
                    + " is not usable: it must be printable ASCII without spaces, like dk-1234567890abcdef", null);
        }
    }

    private static URI baseUrl(String url, String origin) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            // reported below, with the value and where it came from
        }
        throw new CommandFailure(ExitCodes.USAGE, origin + " is '" + url
                + "', which is not an http(s) URL (for example " + DEFAULT_BASE_URL + ")", null);
    }

    /** @return the client */
    public GemPix2Client client() {
        return client;
    }

    /** @return how long a wait lasts when the command was given no {@code --timeout} */
    public Duration defaultWaitTimeout() {
        return waitTimeout;
    }

    /** @return where the requests go, for error messages */
    public Situation situation() {
        return situation;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            try {
                transport.close();
            } finally {
                if (fake != null) {
                    fake.close();
                }
            }
        }
    }
}
