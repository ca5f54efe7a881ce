package dev.gempix2.transport.httpclient5.internal;

import dev.gempix2.core.model.ApiKey;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;

/**
 * The {@code Authorization} header, whose text form is masked. HttpClient 5's header logger
 * ({@code org.apache.hc.client5.http.headers}, at DEBUG) prints each request header through its {@code toString()};
 * the request writer puts {@link #getName()} and {@link #getValue()} on the wire. So the key goes out, and the log
 * line reads {@code Authorization: Bearer dk-…abcd}. (The byte-level {@code org.apache.hc.client5.http.wire}
 * logger prints the bytes sent, and cannot be masked: see the module's README.)
 */
public final class MaskedAuthorization implements Header {
    private final ApiKey key;

    /** @param key the API key the header carries */
    public MaskedAuthorization(ApiKey key) {
        this.key = key;
    }

    @Override
    public String getName() {
        return HttpHeaders.AUTHORIZATION;
    }

    @Override
    public String getValue() {
        return key.authorizationHeader();
    }

    /** @return true: HTTP/2's header compression keeps it out of its index */
    @Override
    public boolean isSensitive() {
        return true;
    }

    /** @return the header as a log line may show it: the key masked */
    @Override
    public String toString() {
        return HttpHeaders.AUTHORIZATION + ": Bearer " + key.masked();
    }
}
