package dev.gempix2.examples.quarkus;

import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.error.TaskTimeoutException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns GemPix2's exceptions into answers of this application. */
public class GemPix2Errors {

    /** @param error what failed @return 400 for a bad request, 422 for a failed task, 504 for a timeout, else 502 */
    @ServerExceptionMapper
    public Response map(GemPix2Exception error) {
        int status;
        if (error instanceof InvalidRequestException) {
            status = 400;
        } else if (error instanceof TaskFailedException) {
            status = 422;
        } else if (error instanceof TaskTimeoutException) {
            status = 504;
        } else {
            status = 502;
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Problem(error.getMessage())).build();
    }
}
