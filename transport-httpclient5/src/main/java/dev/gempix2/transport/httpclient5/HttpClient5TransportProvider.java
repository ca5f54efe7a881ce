package dev.gempix2.transport.httpclient5;

import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.ImageGeneratorProvider;
import java.net.URI;

/**
 * Lets {@code GemPix2Client.fromEnv()} find this transport on the class path ({@link java.util.ServiceLoader},
 * registered in {@code META-INF/services}). Not meant to be called directly: use
 * {@link HttpClient5Transport#builder()}.
 */
public final class HttpClient5TransportProvider implements ImageGeneratorProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public HttpClient5TransportProvider() {
    }

    @Override
    public String name() {
        return "httpclient5";
    }

    /** @return 10: the default transport of plain-Java apps, preferred over providers that keep the default 0 */
    @Override
    public int priority() {
        return 10;
    }

    @Override
    public ImageGenerator create(URI baseUrl, ApiKey apiKey) {
        return HttpClient5Transport.builder().baseUrl(baseUrl).apiKey(apiKey).build();
    }

    /** @return a transport with the settings' base URL, key, network settings and download cap */
    @Override
    public ImageGenerator create(GemPix2Settings settings) {
        return TransportFromSettings.build(settings);
    }
}
