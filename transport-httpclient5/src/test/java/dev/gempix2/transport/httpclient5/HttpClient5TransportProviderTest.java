package dev.gempix2.transport.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.ImageGeneratorProvider;
import java.net.URI;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class HttpClient5TransportProviderTest {

    @Test
    void serviceLoaderFindsThisTransportOnTheClassPath() {
        List<ImageGeneratorProvider> providers = ServiceLoader.load(ImageGeneratorProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();

        assertThat(providers).extracting(ImageGeneratorProvider::name).contains("httpclient5");
    }

    @Test
    void providerCreatesATransportThatAlsoDownloads() {
        ImageGeneratorProvider provider = new HttpClient5TransportProvider();

        try (ImageGenerator generator = provider.create(URI.create("http://127.0.0.1:9"), ApiKey.of("dk-abc-123456789"))) {
            assertThat(generator).isInstanceOf(HttpClient5Transport.class).isInstanceOf(ImageDownloader.class);
        }
    }
}
