package dev.gempix2.micronaut;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.testkit.contract.ImageDownloaderContract;
import java.net.URI;
import java.time.Duration;

/** The shared downloader contract, run against the downloader bean of a real application context. */
class MicronautDownloaderContractTest extends ImageDownloaderContract {
    @Override
    protected ImageDownloader createDownloader(Duration responseTimeout) {
        return new ContextTransport(URI.create("http://127.0.0.1:9"), ApiKey.of("dk-downloads-only-0000"),
                responseTimeout);
    }

    @Override
    protected ImageDownloader createDownloaderWith(HttpSettings http) {
        return new ContextTransport(URI.create("http://127.0.0.1:9"), ApiKey.of("dk-downloads-only-0000"), http);
    }
}
