package dev.gempix2.core.port;

import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.model.ApiKey;
import java.net.URI;

/**
 * A transport that {@code GemPix2Client.fromEnv()} can find on the class path through
 * {@link java.util.ServiceLoader}: register the implementation in
 * {@code META-INF/services/dev.gempix2.core.port.ImageGeneratorProvider}.
 */
public interface ImageGeneratorProvider {

    /** @return a short name for messages, e.g. {@code httpclient5} */
    String name();

    /** @return which provider wins when several are on the class path: the highest; 0 by default */
    default int priority() {
        return 0;
    }

    /**
     * Creates a transport. If the returned generator also implements {@link ImageDownloader}, the client uses
     * it for downloads too; the client closes it when it is closed.
     *
     * @param baseUrl the API's base URL, e.g. {@code https://api.defapi.org}
     * @param apiKey the key to send
     * @return a new transport
     */
    ImageGenerator create(URI baseUrl, ApiKey apiKey);

    /**
     * Creates a transport from the settings {@code GemPix2Client.fromEnv()} read: a transport that takes network
     * settings overrides this to apply {@link GemPix2Settings#http()} and {@link GemPix2Settings#maxDownloadBytes()};
     * by default only the base URL and the key are used.
     *
     * @param settings the settings, with the API key set
     * @return a new transport
     * @throws dev.gempix2.core.error.ConfigurationException when the settings hold no API key
     */
    default ImageGenerator create(GemPix2Settings settings) {
        return create(settings.baseUrl(), settings.requireApiKey());
    }
}
