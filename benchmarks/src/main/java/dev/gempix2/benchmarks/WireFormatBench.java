package dev.gempix2.benchmarks;

import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.wire.WireFormat;
import dev.gempix2.core.wire.WireResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a typical successful query answer (already parsed into maps by the transport's JSON library) with
 * {@link WireFormat#readQueryResponse}, against the floor of building the same {@link Task} straight from the
 * same strings. Target: the shared rules cost at most 5x the floor, so a transport's time goes to I/O and JSON,
 * never to the mapping.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class WireFormatBench {
    private static final String TASK_ID = "ta5c9705-b8ae-4cb9-aa6f-97c4fee88c8d";
    private static final String IMAGE = "https://google.datas.systems/fileSystem/response_images/287/2025/08/29/"
            + "1756432513771985292_2989.png";
    private static final String CONSUMED = "0.500000";
    private static final String CREATED_AT = "2025-08-29T01:55:13.771Z";

    private TaskId queried;
    private WireResponse typical;

    /** The body as Jackson hands it over: ordered maps, a list, strings and a null. */
    @Setup
    public void parseTheBodyOnce() {
        queried = TaskId.of(TASK_ID);
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("message", null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task_id", TASK_ID);
        data.put("status", "success");
        data.put("result", List.of(Map.of("image", IMAGE)));
        data.put("consumed", CONSUMED);
        data.put("status_reason", reason);
        data.put("created_at", CREATED_AT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 0);
        body.put("message", "ok");
        body.put("data", data);
        typical = WireResponse.json(200, body, null);
    }

    /** @return the task read by the shared rules */
    @Benchmark
    public Task readQueryResponse() {
        return WireFormat.readQueryResponse(typical, queried);
    }

    /** @return the same task, built directly from the same strings (the floor) */
    @Benchmark
    public Task buildTaskDirectlyFloor() {
        return Task.builder(TaskId.of(TASK_ID), TaskStatus.fromWire("success"))
                .images(List.of(new GeneratedImage(IMAGE)))
                .consumedCredits(new BigDecimal(CONSUMED))
                .createdAt(Instant.parse(CREATED_AT))
                .build();
    }
}
