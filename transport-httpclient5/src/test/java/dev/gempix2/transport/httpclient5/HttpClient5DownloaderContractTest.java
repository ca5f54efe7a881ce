package dev.gempix2.transport.httpclient5;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.testkit.contract.ImageDownloaderContract;
import java.net.URI;
import java.time.Duration;

/** The shared downloader contract, against files the fake backend serves. */
class HttpClient5DownloaderContractTest extends ImageDownloaderContract {

    @Override
    protected ImageDownloader createDownloader(Duration responseTimeout) {
        return HttpClient5Transport.builder().baseUrl(URI.create("http://unused.invalid")).apiKey("dk-download-only")
                .responseTimeout(responseTimeout).build();
    }

    @Override
    protected ImageDownloader createDownloaderWith(HttpSettings http) {
        return HttpClient5Transport.builder().baseUrl(URI.create("http://unused.invalid")).apiKey("dk-download-only")
                .http(http).build();
    }
}
