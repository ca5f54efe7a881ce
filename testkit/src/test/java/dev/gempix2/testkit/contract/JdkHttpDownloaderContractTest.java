package dev.gempix2.testkit.contract;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageDownloader;
import java.net.URI;
import java.time.Duration;

class JdkHttpDownloaderContractTest extends ImageDownloaderContract {

    @Override
    protected ImageDownloader createDownloader(Duration responseTimeout) {
        return new JdkHttpTransport(URI.create("http://127.0.0.1:1"), ApiKey.of("dk-unused"), responseTimeout);
    }
}
