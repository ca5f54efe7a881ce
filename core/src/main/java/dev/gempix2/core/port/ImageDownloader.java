package dev.gempix2.core.port;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches a generated image by its URL.
 *
 * <p>One HTTP GET per call, no retries (the client retries). Implementations are thread-safe and
 * non-blocking, follow at most 3 redirects and only to http(s), and fail with a {@code TransportException}
 * (never an {@code OutOfMemoryError}) as soon as the body passes {@code maxBytes}. HTTP errors map to the
 * exceptions of {@code dev.gempix2.core.error} like the generator's.
 */
public interface ImageDownloader {

    /**
     * @param url an http(s) URL the provider returned
     * @param maxBytes the largest body accepted
     * @return the body's bytes, or a failed future with a {@code GemPix2Exception}
     */
    CompletableFuture<byte[]> download(URI url, long maxBytes);
}
