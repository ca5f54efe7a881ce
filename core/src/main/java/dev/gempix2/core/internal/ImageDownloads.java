package dev.gempix2.core.internal;

import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.wire.HttpUrls;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An image's bytes: a data URI decoded within the size cap, an http(s) URL fetched by the {@link ImageDownloader}
 * with retries, the size cap and the call's deadline.
 */
public final class ImageDownloads {
    private final ImageDownloader downloader;
    private final RetryingCaller caller;
    private final RetryPolicy retries;
    private final long maxBytes;
    private final Duration timeout;
    private final Observers observers;

    /**
     * @param downloader fetches URLs, or null when none is configured
     * @param caller runs the fetch with retries
     * @param retries the client's retry policy
     * @param maxBytes the largest image accepted
     * @param timeout the overall deadline of one download
     * @param observers told of each attempt
     */
    public ImageDownloads(ImageDownloader downloader, RetryingCaller caller, RetryPolicy retries, long maxBytes,
                          Duration timeout, Observers observers) {
        this.observers = observers;
        this.downloader = downloader;
        this.caller = caller;
        this.retries = retries;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /**
     * @param image the image
     * @return its bytes, or a failed future with a {@link GemPix2Exception}; the future may complete on a transport
     *         thread
     */
    public CompletableFuture<byte[]> fetch(GeneratedImage image) {
        if (image.isDataUri()) {
            try {
                return CompletableFuture.completedFuture(DataUris.decode(image, maxBytes));
            } catch (GemPix2Exception malformed) {
                return CompletableFuture.failedFuture(malformed);
            }
        }
        Optional<URI> url = image.url().filter(HttpUrls::isHttp);
        if (url.isEmpty()) {
            return CompletableFuture.failedFuture(new TransportException("GemPix2 returned an image location that is "
                    + "neither an http(s) URL nor a data: URI: " + image, null));
        }
        if (downloader == null) {
            return CompletableFuture.failedFuture(new GemPix2Exception("No ImageDownloader configured: the generator "
                    + "does not download images; set one with GemPix2Client.builder().downloader(...)"));
        }
        URI target = url.get();
        String shown = target.getScheme() + "://" + target.getHost() + target.getRawPath();
        return caller.call(CallKind.DOWNLOAD, shown, observers.attempts(GemPix2Observer.Operation.DOWNLOAD, null, target,
                        () -> downloader.download(target, maxBytes)), retries, timeout)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        Failures.unwrap(failure) instanceof TaskNotFoundException
                                ? new TransportException("The image at " + shown + " is not there (HTTP 404); the "
                                        + "task itself is known, ask for its images again with client.task(id)",
                                        true, Failures.unwrap(failure))
                                : Failures.unwrap(failure)));
    }
}
