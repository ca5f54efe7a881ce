package dev.gempix2.repository.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request and snapshot columns give back exactly what was saved, the extra fields' number types included. */
class RecordJsonRoundTripTest {

    @Test
    void extraNumbersComeBackWithTheirJavaTypes() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("seed", 42);
        nested.put("weights", List.of(0.25, 1.5f, new BigDecimal("1E+3"), (short) 7, (byte) -1));
        ImageRequest request = ImageRequest.builder().prompt("a lighthouse \"at\" dawn\n\t\u0001")
                .extra("steps", 30).extra("budget", 12345678901L).extra("scale", 7.5)
                .extra("exact", new BigDecimal("0.1000000000000000055511151231257827"))
                .extra("huge", new BigInteger("123456789012345678901234567890"))
                .extra("draft", true).extra("style", "oil, \u00e9t\u00e9").extra("options", nested)
                .callbackUrl(URI.create("https://hooks.example/gempix2/secret-token")).build();

        ImageRequest back = RecordJson.request(RecordJson.request(request, "secret-token"), "secret-token");

        assertThat(back).isEqualTo(request);
        assertThat(back.extra().get("steps")).isInstanceOf(Integer.class);
        assertThat(back.extra().get("budget")).isInstanceOf(Long.class);
        assertThat(back.extra().get("huge")).isInstanceOf(BigInteger.class);
    }

    @Test
    void deeplyNestedExtraFieldsAreReadBack() {
        Object deep = "bottom";
        for (int level = 0; level < 100; level++) {
            deep = Map.of("level", deep);
        }
        ImageRequest request = ImageRequest.builder().prompt("deep").extra("tree", deep).build();

        assertThat(RecordJson.request(RecordJson.request(request, null), null)).isEqualTo(request);
    }

    @Test
    void aSnapshotComesBackEqual() {
        Task task = new Task(TaskId.of("t-1"), TaskStatus.SUCCESS,
                List.of(new GeneratedImage("https://img.example/1.png")), Optional.of(new BigDecimal("0.500000")),
                Optional.of("done"), Optional.of(Instant.parse("2026-11-29T03:00:00Z")));

        assertThat(RecordJson.snapshot(RecordJson.snapshot(task))).isEqualTo(task);
    }
}
