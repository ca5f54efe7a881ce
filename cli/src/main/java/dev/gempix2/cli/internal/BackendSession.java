package dev.gempix2.cli.internal;

import dev.gempix2.cli.ExitCodes;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.error.ConfigurationException;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;

/**
 * The client a command uses, and what it talks to: the real API when a key is set, otherwise the fake backend
 * started inside this process. Both run the same client over the same HttpClient 5 transport; only the base
 * URL and key differ. Closing it closes the client, the transport and the fake.
 */
public final class BackendSession implements AutoCloseable {
    /** The API used when neither {@code --base-url} nor {@code GEMPIX2_BASE_URL} says otherwise. */
    public static final String DEFAULT_BASE_URL = GemPix2Client.DEFAULT_BASE_URL.toString();
    /** The CLI's product token in the {@code User-Agent}, before the user's own suffix. */
    private static final String CLI_PRODUCT = "gempix2-cli";
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
        GemPix2Settings settings = CommandSettings.read(options, context, pollInterval, null);
        String keyOrigin = options.apiKey() != null ? "--api-key" : "GEMPIX2_API_KEY";
        boolean urlGiven = options.baseUrl() != null || context.variable("GEMPIX2_BASE_URL") != null;
        if (settings.apiKey().isEmpty()) {
            if (urlGiven || !embeddedFakeAllowed) {
                try {
                    settings.requireApiKey();
                } catch (ConfigurationException missing) {
                    throw new CommandFailure(ExitCodes.AUTHENTICATION, missing.getMessage() + (urlGiven
                            ? " (the API at " + settings.baseUrl() + " needs it)"
                            : "; this command needs the API the task was submitted to"), missing);
                }
            }
            PollingPolicy polling = pollInterval == null ? EMBEDDED_POLLING : polling(settings.pollingPolicy());
            return embedded(context, err, progress, polling, settings);
        }
        Situation situation = new Situation(settings.baseUrl(), settings.requireApiKey(), keyOrigin,
                context.commandPrefix(), options.baseUrl() != null);
        return connect(settings, settings.baseUrl(), settings.requireApiKey(), null, situation,
                polling(settings.pollingPolicy()), progress);
    }

    private static BackendSession embedded(CliContext context, PrintWriter err, ProgressReport progress,
                                           PollingPolicy polling, GemPix2Settings settings) {
        // pending, submitted, in_progress: the whole demo takes about a second.
        FakeGemPix2Backend fake = FakeGemPix2Backend.builder()
                .stageDurations(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500))
                .start();
        try {
            err.println("gempix2: GEMPIX2_API_KEY is not set, so this runs on the built-in fake backend (local, "
                    + "no credits used). For the real API: export GEMPIX2_API_KEY=dk-... (keys at https://defapi.org)");
            err.flush();
            Situation situation = new Situation(fake.baseUrl(), null, null, context.commandPrefix(), false);
            // The fake is on loopback: no proxy of the environment stands between.
            GemPix2Settings local = settings.toBuilder().http(settings.http().toBuilder().proxy(null).build()).build();
            return connect(local, fake.baseUrl(), fake.apiKey(), fake, situation, polling, progress);
        } catch (RuntimeException failure) {
            fake.close();
            throw failure;
        }
    }

    private static BackendSession connect(GemPix2Settings settings, URI baseUrl, ApiKey key, FakeGemPix2Backend fake,
                                          Situation situation, PollingPolicy polling, ProgressReport progress) {
        String suffix = settings.http().userAgentSuffix().map(own -> CLI_PRODUCT + " " + own).orElse(CLI_PRODUCT);
        HttpClient5Transport transport = HttpClient5Transport.builder()
                .baseUrl(baseUrl)
                .apiKey(key)
                .http(settings.http().toBuilder().userAgentSuffix(suffix).build())
                .maxDownloadBytes(settings.maxDownloadBytes())
                .build();
        PhaseTimings timings = new PhaseTimings();
        try {
            GemPix2Client client = settings.applyTo(GemPix2Client.builder())
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

    /** The longest interval is at least the first poll's delay, so that {@code --poll-interval 30s} polls every 30 s. */
    private static PollingPolicy polling(PollingPolicy configured) {
        Duration firstPoll = configured.initialDelay();
        return firstPoll.compareTo(configured.maxInterval()) <= 0 ? configured
                : new PollingPolicy(firstPoll, configured.multiplier(), firstPoll, configured.waitTimeout(),
                        configured.notFoundGrace(), configured.callbackSafetyInterval());
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
