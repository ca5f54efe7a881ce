package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.error.RedirectRefusedException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.error.TaskTimeoutException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.wire.WireFormat;
import dev.gempix2.core.wire.WireResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Defect 7 of the reliability issue, "smaller ones": one test per bullet, each named after it. */
class SmallerDefectsTest {
    private static final URI BASE = URI.create("https://app.example/gempix2/callback");

    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final InMemoryTaskRepository repository = new InMemoryTaskRepository();

    @Test
    void aConfirmingQueryAnswered404IsAskedAgainSoonInsteadOfWaitingForTheSafetyPoll() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository).callbackBaseUrl(BASE).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        generator.queries().thenFail(new TaskNotFoundException(1, "not found", null)).thenReturn(Tasks.success("t1"));

        client.callbacks().receive(tokenOf(generator.submits().calls().get(0)), Tasks.success("t1"));
        clock.advance(Duration.ofSeconds(3));

        assertThat(result).isCompletedWithValueMatching(task -> task.status() == TaskStatus.SUCCESS);
    }

    @Test
    void aGatewayEchoingTheAuthorizationHeaderDoesNotPutTheKeyIntoTheMessage() {
        String key = "dk-canary-0123456789abcdef";
        WireResponse echo = WireResponse.json(502, Map.of("code", 1, "message", "bad gateway",
                "detail", "request headers: Authorization: Bearer " + key + ", Accept: */*"), null);

        Exception failure = WireFormat.error(echo);

        assertThat(failure.getMessage()).doesNotContain(key).contains("Bearer ***");
    }

    @Test
    void imageRequestToStringShowsNeitherTheCallbackTokenNorSignedOrUserInfoUrls() {
        ImageRequest request = ImageRequest.builder().prompt("a cat")
                .referenceImage(URI.create("https://user:secret@img.example/a.png?X-Amz-Signature=sig123"))
                .callbackUrl(URI.create("https://app.example/gempix2/callback/tok3nSecretValue")).build();

        assertThat(request.toString()).doesNotContain("tok3nSecretValue", "secret@", "sig123")
                .contains("img.example/a.png", "app.example");
    }

    @Test
    void aMissingImageIsNotReportedAsAnUnknownTask() {
        GemPix2Client client = TestClients.on(generator, clock).build();
        generator.downloads().thenFail(new TaskNotFoundException(-1, null, null));

        assertThatThrownBy(() -> client.download(new GeneratedImage("https://img.example/gone.png")))
                .isInstanceOf(TransportException.class).isNotInstanceOf(TaskNotFoundException.class)
                .hasMessageContaining("img.example/gone.png").hasMessageContaining("404");
    }

    @Test
    void aRedirectLoopOrAFileRedirectIsNotRetried() {
        GemPix2Client client = TestClients.on(generator, clock).build();
        generator.downloads().otherwiseFail(new RedirectRefusedException("redirected to file:", null));

        CompletableFuture<byte[]> download = client.downloadAsync(new GeneratedImage("https://img.example/loop.png"));
        clock.advance(Duration.ofMinutes(1));

        assertThat(download).isCompletedExceptionally();
        assertThat(generator.downloads().count()).isEqualTo(1);
    }

    @Test
    void aTaskTimeoutCarriesTheLastPollFailure() {
        GemPix2Client client = TestClients.on(generator, clock).retryPolicy(RetryPolicy.none()).build();
        generator.queries().otherwiseFail(new ServerException(503, 1, "overloaded", null, null));

        CompletableFuture<Task> wait = client.awaitAsync(TaskId.of("t1"), Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));

        assertThatThrownBy(wait::join).cause().isInstanceOfSatisfying(TaskTimeoutException.class, timeout -> {
            assertThat(timeout.lastPollFailure()).containsInstanceOf(ServerException.class);
            assertThat(timeout).hasMessageContaining("overloaded");
        });
    }

    @Test
    void inDoubtRecordsCanBePrunedFromTheInMemoryRepository() {
        repository.save(TaskRecord.submitting("r1", ImageRequest.of("a cat"), null, TestClock.START));

        int removed = repository.removeInDoubtBefore(TestClock.START.plus(Duration.ofDays(1)));

        assertThat(removed).isEqualTo(1);
        assertThat(repository.findUnfinished()).isEmpty();
    }

    @Test
    void replayingASuccessCallbackThatAQueryContradictedCostsNoQuery() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository).callbackBaseUrl(BASE).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        client.submitAsync(ImageRequest.of("a cat"));
        generator.queries().otherwiseReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS));
        String token = tokenOf(generator.submits().calls().get(0));

        for (int i = 0; i < 5; i++) {
            client.callbacks().receive(token, Tasks.success("t1"));
        }

        assertThat(generator.queries().count()).isEqualTo(1);
    }

    private static String tokenOf(ImageRequest request) {
        String url = request.callbackUrl().orElseThrow().toString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

}
