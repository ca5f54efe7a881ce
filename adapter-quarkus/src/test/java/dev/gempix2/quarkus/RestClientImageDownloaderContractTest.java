package dev.gempix2.quarkus;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.quarkus.internal.VertxImageDownloader;
import dev.gempix2.testkit.contract.ImageDownloaderContract;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;

/** The Quarkus adapter's streaming downloader behaves as every other downloader does. */
@QuarkusTest
class RestClientImageDownloaderContractTest extends ImageDownloaderContract {
    @Inject
    Vertx vertx;

    @Override
    protected ImageDownloader createDownloader(Duration responseTimeout) {
        return new VertxImageDownloader(vertx, Duration.ofSeconds(5), responseTimeout);
    }

    @Override
    protected ImageDownloader createDownloaderWith(HttpSettings http) {
        return new VertxImageDownloader(vertx, http);
    }
}
