package dev.gempix2.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TaskTimeoutException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.FakeResponse;
import dev.gempix2.testkit.Fault;
import dev.gempix2.testkit.HostileServer;
import dev.gempix2.testkit.HostileServer.Behaviour;
import dev.gempix2.testkit.RecordedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The fault matrix's rows about HTTP: error statuses, broken bodies, broken connections, slow servers. */
final class FaultRowsHttp {
    private static final String SUBMIT_OK = "{\"code\":0,\"message\":\"ok\",\"data\":{\"task_id\":\"ta-hostile-1\"}}";
    private static final Duration HANG = Duration.ofSeconds(6);

    private FaultRowsHttp() {
    }

    static List<FaultRow> rows() {
        return List.of(
                ambiguousSubmit(1, 500), retriedSubmit(2, 502), retriedSubmit(3, 503), ambiguousSubmit(4, 504),
                retriedQuery(5, 500), retriedQuery(6, 502), retriedQuery(7, 503), retriedQuery(8, 504),
                new FaultRow(9, "submit-429", "429 with `Retry-After: 5` on submit",
                        "success; the submit is sent again once the 5 s asked for have passed; one task",
                        FaultRowsHttp::rateLimitedSubmit),
                new FaultRow(10, "query-429", "429 with `Retry-After: 5` on two queries",
                        "success; polling honours the wait", rig -> succeedsDespite(rig,
                        Fault.rateLimited(Duration.ofSeconds(5)), 2)),
                new FaultRow(11, "connection-refused", "connection refused (nothing listens)",
                        "`TransportException` after the retries; the record is finished as abandoned (no task "
                                + "can exist)", FaultRowsHttp::connectionRefused),
                new FaultRow(12, "query-dropped", "connection dropped without an answer, on two queries",
                        "success; the queries are retried", rig -> succeedsDespite(rig, Fault.dropConnection(), 2)),
                new FaultRow(13, "submit-dropped", "connection dropped after the submit was sent",
                        "`TransportException`, not retried (the task may exist): one submit, the record kept in doubt",
                        rig -> ambiguousSubmitFails(rig, Fault.dropConnection(), TransportException.class)),
                new FaultRow(14, "submit-dropped-mid-response", "connection dropped in the middle of the submit's "
                        + "answer", "`TransportException`, not retried: one request", FaultRowsHttp::droppedMidAnswer),
                new FaultRow(15, "silent-server", "a silent server (reads the submit, never answers; response "
                        + "timeout 30 s)", "`generate(request, 1 s)` fails with a `GemPix2Exception` well within 6 s",
                        rig -> deadlineHolds(rig, Behaviour.silent())),
                new FaultRow(16, "drip-server", "a server sending its answer one byte every 250 ms (never silent "
                        + "for the 2 s response timeout)", "`generate(request, 1 s)` fails with a `GemPix2Exception` "
                        + "well within 6 s", rig -> deadlineHolds(rig, Behaviour.drip(
                        Behaviour.answer(200, "application/json", SUBMIT_OK), Duration.ofMillis(250)))),
                new FaultRow(17, "query-malformed-json", "malformed JSON (cut off) answering two queries",
                        "success; polling goes on past it", rig -> succeedsDespite(rig, Fault.malformedJson(), 2)),
                new FaultRow(18, "submit-malformed-json", "malformed JSON answering the submit",
                        "`TransportException`, not retried (the 200 says the task exists): the record kept in doubt",
                        rig -> ambiguousSubmitFails(rig, Fault.malformedJson(), TransportException.class)),
                new FaultRow(19, "submit-html-502", "an HTML error page (nginx 502) answering the submit",
                        "success; a 502 from a gateway created no task, so it is retried; one task",
                        rig -> retriedSubmitSucceeds(rig, Fault.htmlPage(502))),
                new FaultRow(20, "query-html-200", "an HTML page with status 200 (captive portal) answering a query",
                        "success; polling goes on past it", rig -> succeedsDespite(rig, Fault.htmlPage(200), 1)),
                new FaultRow(21, "submit-code-nonzero", "200 whose body has `code: 7` (insufficient credits) on "
                        + "submit", "`ApiException` with code 7 and the provider's message; not retried",
                        FaultRowsHttp::errorCodeOnSubmit),
                new FaultRow(22, "unknown-status", "an unknown status (`moderation`) while the task runs",
                        "success; the status is read as `UNKNOWN` and polling goes on",
                        FaultRowsHttp::unknownStatus),
                new FaultRow(23, "transient-404", "404 task not found for 5 s after the submit",
                        "success; a 404 within the grace after submitting is the provider catching up",
                        FaultRowsHttp::transientNotFound),
                new FaultRow(24, "never-ends", "a task that never ends (virtual time)",
                        "`TaskTimeoutException` after the 5-minute wait, carrying the last snapshot (`in_progress`)",
                        FaultRowsHttp::neverEnds),
                new FaultRow(25, "unreachable-minute", "the API unreachable for a minute (every query's "
                        + "connection dropped), then back (virtual time)", "success; polling goes on until it is back",
                        FaultRowsHttp::unreachableForAMinute),
                new FaultRow(26, "oversized-body", "a 70 MB chunked answer to the submit",
                        "fails with a `GemPix2Exception` (the body limit), no out-of-memory, no hang",
                        FaultRowsHttp::oversizedBody),
                new FaultRow(27, "chunked-body", "a valid answer in a chunked body, in small chunks",
                        "read as usual: the task id", FaultRowsHttp::chunkedBody));
    }

    private static FaultRow ambiguousSubmit(int number, int status) {
        return new FaultRow(number, "submit-" + status, status + " on submit", "`ServerException` (" + status
                + "), not retried (the task may exist): one submit, the record kept in doubt",
                rig -> ambiguousSubmitFails(rig, Fault.status(status), ServerException.class));
    }

    private static FaultRow retriedSubmit(int number, int status) {
        return new FaultRow(number, "submit-" + status, status + " on submit",
                "success; a " + status + " created no task, so the submit is retried; one task",
                rig -> retriedSubmitSucceeds(rig, Fault.status(status)));
    }

    private static FaultRow retriedQuery(int number, int status) {
        return new FaultRow(number, "query-" + status, status + " on two queries",
                "success; the queries are retried", rig -> succeedsDespite(rig, Fault.status(status), 2));
    }

    private static void ambiguousSubmitFails(FaultRig rig, Fault fault, Class<? extends GemPix2Exception> expected) {
        rig.fake().onNextTask().onSubmit(fault);
        GemPix2Client client = rig.client(builder -> { });
        rig.failsWith(expected, client.generateAsync(ImageRequest.of("an ambiguous submit")));
        assertEquals(1, rig.fake().submitCount(), "a submit that may have created a task is not sent again");
        List<TaskRecord> unfinished = rig.repository().findUnfinished();
        assertEquals(1, unfinished.size(), "the record stays in doubt, so a callback can still adopt the task");
        assertTrue(unfinished.get(0).taskId().isEmpty());
    }

    private static void retriedSubmitSucceeds(FaultRig rig, Fault fault) throws Exception {
        rig.fake().onNextTask().onSubmit(fault);
        Task task = rig.generate(rig.client(builder -> { }), "a retried submit");
        assertEquals(TaskStatus.SUCCESS, task.status());
        assertEquals(2, rig.fake().submitCount(), "sent twice: the first answer said no task was created");
        assertEquals(1, rig.fake().taskIds().size(), "one task, paid once");
    }

    private static void succeedsDespite(FaultRig rig, Fault fault, int times) throws Exception {
        rig.fake().onNextTask().onQuery(fault, times);
        Task task = rig.generate(rig.client(builder -> { }), "a flaky query");
        assertEquals(TaskStatus.SUCCESS, task.status());
        assertEquals(rig.fake().lastTaskId(), task.id());
        assertEquals(1, rig.fake().submitCount());
    }

    private static void rateLimitedSubmit(FaultRig rig) throws Exception {
        rig.fake().onNextTask().onSubmit(Fault.rateLimited(Duration.ofSeconds(5)));
        Task task = rig.generate(rig.client(builder -> { }), "a rate-limited submit");
        assertEquals(TaskStatus.SUCCESS, task.status());
        List<RecordedRequest> submits = rig.fake().requests().stream().filter(RecordedRequest::isSubmit).toList();
        assertEquals(2, submits.size());
        assertFalse(submits.get(1).receivedAt().isBefore(submits.get(0).receivedAt().plusSeconds(5)),
                "the second submit waits for the Retry-After");
        assertEquals(1, rig.fake().taskIds().size());
    }

    private static void connectionRefused(FaultRig rig) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ImageGenerator refused = rig.transport(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(5));
        GemPix2Client client = rig.clientOver(refused, builder -> { });
        rig.failsWith(TransportException.class, client.generateAsync(ImageRequest.of("nobody listens")));
        assertTrue(rig.repository().findUnfinished().isEmpty(), "nothing in doubt: no task can exist");
    }

    private static void droppedMidAnswer(FaultRig rig) {
        String answer = Behaviour.answer(200, "application/json", SUBMIT_OK);
        HostileServer server = rig.hostile(Behaviour.dropAfter(answer, answer.length() - 20));
        GemPix2Client client = rig.clientOver(rig.transport(server.baseUrl(), Duration.ofSeconds(5)), builder -> { });
        rig.failsWith(TransportException.class, client.generateAsync(ImageRequest.of("cut short")));
        assertEquals(1, server.requestCount(), "not sent again: the task may exist");
    }

    private static void deadlineHolds(FaultRig rig, Behaviour behaviour) {
        HostileServer server = rig.hostile(behaviour);
        ImageGenerator transport = rig.transport(server.baseUrl(),
                behaviour.toString().equals("silent") ? Duration.ofSeconds(30) : Duration.ofSeconds(2));
        GemPix2Client client = rig.realTimeClient(transport);
        rig.failsWithin(client.generateAsync(ImageRequest.of("a slow server"), Duration.ofSeconds(1)), HANG);
    }

    private static void errorCodeOnSubmit(FaultRig rig) {
        rig.fake().onNextTask().onSubmit(Fault.errorCode(7, "insufficient credits"));
        ApiException error = rig.failsWith(ApiException.class,
                rig.client(builder -> { }).generateAsync(ImageRequest.of("no credits")));
        assertEquals(7, error.code());
        assertTrue(error.getMessage().contains("insufficient credits"), error.getMessage());
        assertEquals(1, rig.fake().submitCount());
    }

    private static void unknownStatus(FaultRig rig) throws Exception {
        rig.fake().onNextTask().reportStatus("moderation");
        GemPix2Client client = rig.client(builder -> { });
        Task task = rig.generate(client, "a new status");
        assertEquals(TaskStatus.SUCCESS, task.status());
    }

    private static void transientNotFound(FaultRig rig) throws Exception {
        rig.fake().onNextTask().notFoundFor(Duration.ofSeconds(5));
        Task task = rig.generate(rig.client(builder -> { }), "not visible yet");
        assertEquals(TaskStatus.SUCCESS, task.status());
    }

    private static void neverEnds(FaultRig rig) {
        rig.fake().onNextTask().neverFinish();
        TaskTimeoutException timeout = rig.failsWith(TaskTimeoutException.class,
                rig.client(builder -> { }).generateAsync(ImageRequest.of("forever")));
        assertEquals(TaskStatus.IN_PROGRESS, timeout.lastSnapshot().orElseThrow().status());
    }

    private static void unreachableForAMinute(FaultRig rig) throws Exception {
        Instant back = rig.clock().now().plus(Duration.ofMinutes(1));
        rig.fake().respondWith(request -> !request.isSubmit() && rig.clock().now().isBefore(back)
                ? FakeResponse.dropConnection() : null);
        Task task = rig.generate(rig.client(builder -> { }), "an outage");
        assertEquals(TaskStatus.SUCCESS, task.status());
        assertFalse(rig.clock().now().isBefore(back), "it succeeded only once the API was back");
    }

    private static void oversizedBody(FaultRig rig) {
        HostileServer server = rig.hostile(Behaviour.oversized(70L * 1024 * 1024));
        ImageGenerator transport = rig.transport(server.baseUrl(), Duration.ofSeconds(5));
        rig.failsWithin(transport.submit(ImageRequest.of("a huge answer")), Duration.ofSeconds(30));
    }

    private static void chunkedBody(FaultRig rig) throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunks(SUBMIT_OK, 7) + "0\r\n\r\n";
        HostileServer server = rig.hostile(Behaviour.raw(chunked));
        ImageGenerator transport = rig.transport(server.baseUrl(), Duration.ofSeconds(5));
        TaskId id = transport.submit(ImageRequest.of("in pieces")).get(HANG.toSeconds(), TimeUnit.SECONDS);
        assertEquals(TaskId.of("ta-hostile-1"), id);
    }

    private static String chunks(String body, int size) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i += size) {
            String piece = body.substring(i, Math.min(body.length(), i + size));
            out.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
        }
        return out.toString();
    }
}
