package dev.gempix2.transport.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallbackParserTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static InvalidRequestException rejection(byte[] body) {
        return catchThrowableOfType(InvalidRequestException.class, () -> CallbackParser.parse(body));
    }

    @Test
    void theSpecsCallbackPayloadBecomesASuccessfulSnapshot() {
        Task task = CallbackParser.parse(utf8("{\"result\":[{\"image\":\"https://cdn.example/1.png\"}],"
                + "\"status\":\"success\",\"task_id\":\"ta5c9705\",\"consumed\":\"0.500000\","
                + "\"status_reason\":{\"message\":null}}"));

        assertThat(task.id()).isEqualTo(TaskId.of("ta5c9705"));
        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.images()).extracting(image -> image.location()).containsExactly("https://cdn.example/1.png");
        assertThat(task.consumedCredits()).contains(new BigDecimal("0.500000"));
    }

    @Test
    void aFailedCallbackWithNullResultCarriesItsReason() {
        Task task = CallbackParser.parse(utf8("{\"result\":null,\"status\":\"failed\",\"task_id\":\"ta-9\","
                + "\"consumed\":\"0\",\"status_reason\":{\"message\":\"content policy\"}}"));

        assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(task.images()).isEmpty();
        assertThat(task.statusMessage()).contains("content policy");
    }

    @Test
    void emptyBodyIsRejectedNamingTheBody() {
        assertThat(rejection(new byte[0]).field()).contains("body");
        assertThat(rejection(null).field()).contains("body");
    }

    @Test
    void bodyThatIsNotJsonIsRejectedNamingTheBody() {
        InvalidRequestException rejected = rejection(utf8("task_id=ta-1&status=success"));

        assertThat(rejected.field()).contains("body");
        assertThat(rejected).hasMessageContaining("must be JSON");
    }

    @Test
    void jsonThatIsNotAnObjectIsRejected() {
        assertThat(rejection(utf8("[1,2,3]")).field()).contains("body");
    }

    @Test
    void callbackWithoutTaskIdIsRejectedNamingTheField() {
        assertThat(rejection(utf8("{\"status\":\"success\"}")).field()).contains("task_id");
    }

    @Test
    void trailingGarbageAfterTheObjectIsRejected() {
        assertThat(rejection(utf8("{\"task_id\":\"ta-1\",\"status\":\"success\"} trailing")).field()).contains("body");
    }
}
