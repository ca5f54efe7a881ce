package dev.gempix2.core.internal;

import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.ImageGeneratorProvider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * The transport {@code GemPix2Client.fromEnv} runs on: {@code GEMPIX2_API_KEY} and {@code GEMPIX2_BASE_URL} read
 * and checked, the transport found on the class path through {@link ImageGeneratorProvider}.
 */
public final class EnvironmentTransport {
    private static final Logger LOG = System.getLogger("dev.gempix2");

    private EnvironmentTransport() {
    }

    /**
     * @param environment variables such as {@code GEMPIX2_API_KEY}
     * @param defaultBaseUrl the API's address when {@code GEMPIX2_BASE_URL} is unset
     * @return a new transport, which the caller owns
     * @throws GemPix2Exception naming the variable that is missing or unusable, or the missing transport artifact
     */
    public static ImageGenerator create(Map<String, String> environment, URI defaultBaseUrl) {
        String secret = environment.get("GEMPIX2_API_KEY");
        if (secret == null || secret.isBlank()) {
            throw new GemPix2Exception("GEMPIX2_API_KEY is not set: get a key at defapi.org and set the "
                    + "environment variable GEMPIX2_API_KEY");
        }
        ApiKey key;
        try {
            key = ApiKey.of(secret);
        } catch (InvalidRequestException malformed) {
            throw new GemPix2Exception("GEMPIX2_API_KEY is not a valid key: " + malformed.detail().orElse("malformed"));
        }
        URI baseUrl = baseUrl(environment.get("GEMPIX2_BASE_URL"), defaultBaseUrl);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ImageGeneratorProvider provider = TransportDiscovery.find(
                loader != null ? loader : EnvironmentTransport.class.getClassLoader());
        ImageGenerator transport = provider.create(baseUrl, key);
        LOG.log(Level.DEBUG, "GemPix2 client from the environment: transport {0}, base URL {1}, key {2}",
                provider.name(), baseUrl, key.masked());
        return transport;
    }

    private static URI baseUrl(String configured, URI defaultBaseUrl) {
        if (configured == null || configured.isBlank()) {
            return defaultBaseUrl;
        }
        String shown = configured.length() > 80 ? configured.substring(0, 80) + "…" : configured;
        try {
            URI url = new URI(configured.strip());
            if (url.getHost() != null && ("http".equalsIgnoreCase(url.getScheme())
                    || "https".equalsIgnoreCase(url.getScheme()))) {
                return url;
            }
        } catch (URISyntaxException malformed) {
            // reported below
        }
        throw new GemPix2Exception("GEMPIX2_BASE_URL is not an absolute http(s) URL: '" + shown
                + "' (unset it to use " + defaultBaseUrl + ")");
    }
}
