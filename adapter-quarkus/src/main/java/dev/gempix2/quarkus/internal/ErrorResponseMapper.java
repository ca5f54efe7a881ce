package dev.gempix2.quarkus.internal;

import dev.gempix2.core.wire.DownloadRules;
import dev.gempix2.core.wire.WireFormat;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Maps every answer with a status of 300 or more to core's exception through {@link WireFormat#error}, so that
 * the REST Client's default mapper (a bare {@code WebApplicationException}) never reaches the caller. Redirects
 * of a download are left alone: the downloader follows them itself.
 */
public final class ErrorResponseMapper implements ResponseExceptionMapper<RuntimeException> {

    @Override
    public RuntimeException toThrowable(Response response) {
        return WireFormat.error(WireResponses.read(response, null));
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400 || (status >= 300 && !DownloadRules.isRedirect(status));
    }

    @Override
    public int getPriority() {
        // Ahead of the REST Client's default mapper.
        return 1;
    }
}
