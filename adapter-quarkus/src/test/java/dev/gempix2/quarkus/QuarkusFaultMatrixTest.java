package dev.gempix2.quarkus;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.quarkus.internal.RestClientImageGenerator;
import dev.gempix2.quarkus.internal.StandaloneRestClients;
import dev.gempix2.testkit.contract.FaultMatrixContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;

/** The fault matrix on the Quarkus REST Client transport. */
@QuarkusTest
class QuarkusFaultMatrixTest extends FaultMatrixContract {
    /** The application's downloader (Vert.x): URLs are absolute, so it serves any fake. */
    @Inject
    ImageDownloader downloader;

    @Override
    protected ImageDownloader downloader(ImageGenerator transport) {
        return downloader;
    }

    @Override
    protected ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout) {
        return new RestClientImageGenerator(StandaloneRestClients.build(baseUrl, responseTimeout), key, true);
    }

    @Override
    protected String transportName() {
        return "quarkus";
    }
}
