package dev.gempix2.transport.httpclient5.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * A request body that remembers whether the connection ever asked for it. The client writes a body only on
 * an open connection, after the request head: a POST whose body was never asked for cannot have been acted
 * on by the server, whatever exception the failure surfaced as. That is what makes a failed submit safe to
 * retry (see {@code TransportException#requestMayHaveReachedServer()}).
 */
public final class SendWatchingEntity implements AsyncEntityProducer {
    private final AsyncEntityProducer body;
    private final AtomicBoolean asked = new AtomicBoolean();

    /** @param body the real body */
    public SendWatchingEntity(AsyncEntityProducer body) {
        this.body = body;
    }

    /** @return true once the connection started to take the body */
    public boolean sendingStarted() {
        return asked.get();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        asked.set(true);
        body.produce(channel);
    }

    @Override
    public int available() {
        return body.available();
    }

    @Override
    public boolean isRepeatable() {
        return body.isRepeatable();
    }

    @Override
    public void failed(Exception cause) {
        body.failed(cause);
    }

    @Override
    public long getContentLength() {
        return body.getContentLength();
    }

    @Override
    public String getContentType() {
        return body.getContentType();
    }

    @Override
    public String getContentEncoding() {
        return body.getContentEncoding();
    }

    @Override
    public boolean isChunked() {
        return body.isChunked();
    }

    @Override
    public Set<String> getTrailerNames() {
        return body.getTrailerNames();
    }

    @Override
    public void releaseResources() {
        body.releaseResources();
    }
}
