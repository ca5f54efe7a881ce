package dev.gempix2.transport.httpclient5.internal;

import java.io.IOException;
import java.util.concurrent.Future;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Cancels an exchange only once it holds its connection. HttpClient 5 can lose a pooled connection when an
 * exchange is cancelled while its connection is still being leased or opened (the lease completes and the
 * cancel, racing it, leaves the entry leased forever): a deadline that falls then, which a loaded machine makes
 * likely, slowly exhausted the pool. So a cancel asked for before the request is being sent is held, and done
 * the moment the client starts to send (the connection is then the exchange's, and a cancel releases it); a
 * cancel asked for later is done at once.
 */
final class CancelOnceSending implements AsyncRequestProducer {
    private final AsyncRequestProducer request;
    private Future<?> exchange;
    private boolean sending;
    private boolean cancelWanted;

    /** @param request the request to send */
    CancelOnceSending(AsyncRequestProducer request) {
        this.request = request;
    }

    /** @param exchange the client's future for this request, cancelled when the time comes */
    synchronized void exchange(Future<?> exchange) {
        this.exchange = exchange;
        if (cancelWanted && sending) {
            exchange.cancel(true);
        }
    }

    /** Cancels the exchange now if it is sending, else as soon as it starts to. */
    synchronized void cancel() {
        cancelWanted = true;
        if (sending && exchange != null) {
            exchange.cancel(true);
        }
    }

    @Override
    public void sendRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
        Future<?> toCancel;
        synchronized (this) {
            sending = true;
            toCancel = cancelWanted ? exchange : null;
        }
        if (toCancel != null) {
            toCancel.cancel(true);
            return;
        }
        request.sendRequest(channel, context);
    }

    @Override
    public boolean isRepeatable() {
        return request.isRepeatable();
    }

    @Override
    public void failed(Exception cause) {
        request.failed(cause);
    }

    @Override
    public int available() {
        return request.available();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        request.produce(channel);
    }

    @Override
    public void releaseResources() {
        request.releaseResources();
    }
}
