package dev.gempix2.quarkus;

import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.quarkus.internal.RestClientImageDownloader;
import dev.gempix2.quarkus.internal.StandaloneRestClients;
import dev.gempix2.testkit.contract.ImageDownloaderContract;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;

/** The Quarkus REST Client downloader behaves as every other downloader does. */
@QuarkusTest
class RestClientImageDownloaderContractTest extends ImageDownloaderContract {

    @Override
    protected ImageDownloader createDownloader(Duration responseTimeout) {
        // Every download names its own absolute URL; the base URL is never used.
        return new RestClientImageDownloader(StandaloneRestClients.build(URI.create("http://unused.invalid"),
                responseTimeout), true, responseTimeout);
    }
}
