package dev.gempix2.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The report's smoke run: the same code as {@code benchmarks.jar report}, a few seconds of it, written to
 * {@code target/}. It checks that every section ran and that the output is well formed; no figure's value.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReportSmokeTest {
    private static final Path OUT = Path.of("target", "benchmark-smoke");
    private static final List<String> FIGURES = List.of("query_overhead_ratio_1t", "query_overhead_ratio_16t",
            "submit_overhead_ratio_1t", "no_observer_overhead_ratio_1t", "observer_overhead_ratio_1t",
            "transport_ratio_httpclient5", "transport_ratio_micronaut",
            "transport_ratio_quarkus", "inflight_tasks_completed", "inflight_max_threads",
            "inflight_heap_bytes_per_task", "naive_max_threads_10k", "naive_heap_bytes_per_task",
            "callback_latency_p50_ms", "callback_latency_p99_ms", "callback_tasks_per_s", "fake_queries_per_s",
            "fake_vs_floor_ratio", "download_8mib_allocated_bytes");
    private static int status;

    @BeforeAll
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    static void runTheSmokeReport() {
        status = Report.run("--smoke", "--out", OUT.toString());
    }

    @Test
    void everySectionRunsToTheEnd() throws IOException {
        assertThat(status).isZero();
        assertThat(Files.readString(OUT.resolve("benchmarks.md")))
                .contains("## Per-call cost", "## Transports", "## Scale of waiting", "## Callbacks",
                        "## The fake backend", "## Downloads", "Smoke run")
                .doesNotContain("This section failed");
    }

    @Test
    void theJsonNamesEveryFigureOfTheIssueWithTheMachineTheJvmAndTheDate() throws IOException {
        JsonNode json = new ObjectMapper().readTree(OUT.resolve("benchmarks.json").toFile());

        assertThat(json.has("machine")).isTrue();
        assertThat(json.path("jvm").asText()).isNotBlank();
        assertThat(json.path("date").asText()).isNotBlank();
        assertThat(FIGURES).allSatisfy(name -> assertThat(json.has(name)).as(name).isTrue());
    }

    @Test
    void everyChartTheDocumentShowsIsAPngBesideIt() throws IOException {
        String document = Files.readString(OUT.resolve("benchmarks.md"));
        List<String> charts = List.of("per-call.png", "transports.png", "scale-threads.png", "scale-heap.png",
                "callbacks.png", "fake.png", "downloads.png");

        assertThat(charts).allSatisfy(chart -> {
            assertThat(document).contains("](benchmarks/" + chart + ")");
            byte[] png = Files.readAllBytes(OUT.resolve("benchmarks").resolve(chart));
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        });
    }
}
