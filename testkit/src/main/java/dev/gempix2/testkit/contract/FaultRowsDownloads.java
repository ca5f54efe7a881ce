package dev.gempix2.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.error.RedirectRefusedException;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.testkit.FakeResponse;
import java.time.Duration;
import java.util.List;

/** The fault matrix's rows about image downloads: redirects the download rules refuse. */
final class FaultRowsDownloads {
    private FaultRowsDownloads() {
    }

    static List<FaultRow> rows(int first) {
        return List.of(
                new FaultRow(first, "download-redirect-loop", "an image download redirected in a loop",
                        "`RedirectRefusedException` once 3 redirects were followed, not retried: 4 requests",
                        rig -> refused(rig, "/loop", 4)),
                new FaultRow(first + 1, "download-redirect-to-file", "an image download redirected to `file:`",
                        "`RedirectRefusedException`, not retried: 1 request", rig -> refused(rig, "/elsewhere", 1)));
    }

    private static void refused(FaultRig rig, String path, int requests) {
        String loop = rig.fake().baseUrl() + "/loop";
        rig.fake().respondWith(request -> request.path().equals("/loop") ? FakeResponse.redirect(loop)
                : request.path().equals("/elsewhere") ? FakeResponse.redirect("file:///etc/passwd") : null);
        ImageDownloader downloader = rig.downloader();
        // On real time: the download is not a call virtual time knows to wait for. A retry would show as more
        // requests, after real backoffs of a few seconds at most.
        try (GemPix2Client client = GemPix2Client.builder().generator(rig.generator()).downloader(downloader)
                .repository(new InMemoryTaskRepository()).build()) {
            Throwable refused = rig.failsWithin(client.downloadAsync(new GeneratedImage(rig.fake().baseUrl() + path)),
                    Duration.ofSeconds(30));

            assertInstanceOf(RedirectRefusedException.class, refused, () -> "expected a refused redirect, got "
                    + refused);
        }
        assertEquals(requests, rig.fake().requests().size(), "requests sent for the download");
    }
}
