package dev.gempix2.transport.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.testkit.CallbackDelivery;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.FakeResponse;
import dev.gempix2.testkit.Fault;
import dev.gempix2.testkit.contract.ReliabilityReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing lost, nothing doubled, under load: {@value #DEFAULT_CALLS} concurrent {@code generate} calls (the system
 * property {@code gempix2.load.calls} changes it) on real time, with 10 % of queries answered 500, 2 % of the
 * queries' connections dropped and 1 % of the submits' (after the task was created, so that their records are in
 * doubt until a callback adopts them), and every callback sent twice, a third of them late so that they arrive out
 * of order.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NothingLostUnderLoadTest {
    private static final int DEFAULT_CALLS = 2000;

    @Test
    void everyCallEndsNamedAndEveryTaskTheFakeCreatedIsKnownExactlyOnce() throws Exception {
        int calls = Integer.getInteger("gempix2.load.calls", DEFAULT_CALLS);
        AtomicLong faults = new AtomicLong();
        AtomicLong queries = new AtomicLong();
        Map<TaskId, CompletableFuture<Task>> ended = new ConcurrentHashMap<>();
        InMemoryTaskRepository repository = new InMemoryTaskRepository();
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(100))
                .callbackRetries(8, Duration.ofMillis(200))
                .journalLimit(50_000).start();
             JdkWebhook webhook = new JdkWebhook();
             HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl())
                     .apiKey(fake.apiKey()).build()) {
            fake.onEveryTask().duplicateCallback();
            fake.onPromptMatching(prompt -> number(prompt) % 3 == 0).duplicateCallback()
                    .lateCallback(Duration.ofMillis(150));
            int inDoubt = calls / 100;
            fake.onPromptMatching(prompt -> number(prompt) % 100 == 7).duplicateCallback()
                    .onSubmit(Fault.dropConnection().afterCreatingTheTask(), inDoubt);
            faults.addAndGet(inDoubt);
            fake.respondWith(request -> {
                if (request.isSubmit()) {
                    return null;
                }
                long n = queries.incrementAndGet();
                if (n % 50 == 25) {
                    faults.incrementAndGet();
                    return FakeResponse.dropConnection();
                }
                if (n % 10 == 0) {
                    faults.incrementAndGet();
                    return FakeResponse.json(500, "{\"code\":1,\"message\":\"internal server error\"}");
                }
                return null;
            });
            GemPix2Client client = GemPix2Client.builder().generator(transport).repository(repository)
                    .callbackBaseUrl(webhook.baseUrl())
                    .pollingPolicy(PollingPolicy.builder().initialDelay(Duration.ofMillis(200))
                            .maxInterval(Duration.ofSeconds(1)).callbackSafetyInterval(Duration.ofSeconds(2))
                            .waitTimeout(Duration.ofSeconds(60)).build())
                    .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
                            .maxBackoff(Duration.ofMillis(200)).build())
                    .listener((record, snapshot) -> {
                        if (snapshot.isFinal()) {
                            ended.computeIfAbsent(snapshot.id(), id -> new CompletableFuture<>()).complete(snapshot);
                        }
                    })
                    .build();
            webhook.deliverTo(client.callbacks());

            List<CompletableFuture<Task>> generates = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                generates.add(client.generateAsync(ImageRequest.of("load-" + i)));
            }
            CompletableFuture.allOf(generates.toArray(CompletableFuture[]::new))
                    .exceptionally(failure -> null).get(100, TimeUnit.SECONDS);

            int succeeded = 0;
            List<Throwable> unnamed = new ArrayList<>();
            Set<TaskId> returned = new HashSet<>();
            for (CompletableFuture<Task> generate : generates) {
                try {
                    returned.add(generate.join().id());
                    succeeded++;
                } catch (CompletionException failed) {
                    if (!(failed.getCause() instanceof GemPix2Exception)) {
                        unnamed.add(failed.getCause());
                    }
                }
            }
            List<TaskId> created = fake.taskIds();
            // Known to the client's repository: a record holds the task's id, or, for a submit in doubt whose callback
            // has not come through yet, a record holds the callback token the provider calls back with (it stays
            // unfinished, findable, and learns the id when the callback arrives). Lost: neither.
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<TaskId> knownById = new ArrayList<>();
            List<String> knownByTokenOnly = new ArrayList<>();
            List<String> lostTasks = new ArrayList<>();
            for (TaskId id : created) {
                if (repository.findByTaskId(id).isPresent()) {
                    knownById.add(id);
                    continue;
                }
                if (callbackAttempts(fake, id).isEmpty()) {
                    awaitFirstCallback(fake, id);
                }
                List<CallbackDelivery> attempts = callbackAttempts(fake, id);
                if (attempts.stream().anyMatch(CallbackDelivery::isDelivered)
                        && ended(ended, id, giveUp) && repository.findByTaskId(id).isPresent()) {
                    knownById.add(id);   // its callback was being processed: the record has learnt the id since
                    continue;
                }
                Optional<TaskRecord> byToken = attempts.isEmpty() ? Optional.empty()
                        : repository.findByCallbackToken(tokenOf(attempts.get(0)));
                String about = id + " (callbacks " + attempts + ")";
                if (byToken.isPresent() && !byToken.get().isFinished()
                        && attempts.stream().noneMatch(CallbackDelivery::isDelivered)) {
                    knownByTokenOnly.add(about);
                } else {
                    lostTasks.add(about + ", record by token " + byToken.map(TaskRecord::toString).orElse("none"));
                }
            }
            List<String> neverEnded = new ArrayList<>();
            for (TaskId id : knownById) {
                // Each task the client knows ends (by a poll, or by its callback for a record in doubt).
                if (!ended(ended, id, giveUp)) {
                    neverEnded.add(id + " " + repository.findByTaskId(id).map(Object::toString).orElse("(unknown)")
                            + ", its callbacks answered " + callbackAttempts(fake, id));
                }
            }
            long lost = lostTasks.size();
            long unfinishedWithId = repository.findUnfinished().stream().filter(r -> r.taskId().isPresent()).count();
            long duplicates = created.size() - new HashSet<>(created).size()
                    + Math.max(0, created.size() - succeeded - inDoubt);
            ReliabilityReport.recordFigures("load", Map.of("load_calls", (long) calls,
                    "load_faults_injected", faults.get(), "load_lost", lost, "load_duplicate_submits", duplicates));

            String figures = "calls " + calls + ", succeeded " + succeeded + ", submits " + fake.submitCount()
                    + ", tasks created " + created.size() + ", in doubt by design " + inDoubt + ", lost " + lost
                    + ", in doubt still (callbacks not through yet) " + knownByTokenOnly.size()
                    + ", unfinished records with a task id " + unfinishedWithId + "; never ended: " + neverEnded
                    + "; lost: " + lostTasks + "; in doubt still: " + knownByTokenOnly;
            assertThat(lost).as("tasks the fake created that the client's repository does not know; " + figures)
                    .isZero();
            assertThat(neverEnded).as("tasks whose end the client never saw; " + figures).isEmpty();
            assertThat(unnamed).as("every failure is a named GemPix2Exception").isEmpty();
            assertThat(returned).as("no two calls got the same task").hasSize(succeeded);
            assertThat(created).as("one task per successful submit, plus the ones in doubt; " + figures)
                    .hasSize(succeeded + inDoubt).doesNotHaveDuplicates();
            assertThat(duplicates).isZero();
            assertThat(unfinishedWithId).as("records with a task id left unfinished").isZero();
            assertThat(succeeded).as("only the submits in doubt fail").isEqualTo(calls - inDoubt);
            client.close();
        }
    }

    /** @return true once the listener heard the task's final state, false if not by {@code giveUp} */
    private static boolean ended(Map<TaskId, CompletableFuture<Task>> ended, TaskId id, long giveUp)
            throws Exception {
        try {
            ended.computeIfAbsent(id, key -> new CompletableFuture<>())
                    .get(Math.max(1, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException notYet) {
            return false;
        }
    }

    private static List<CallbackDelivery> callbackAttempts(FakeGemPix2Backend fake, TaskId id) {
        return fake.callbackAttempts().stream().filter(attempt -> attempt.taskId().equals(id)).toList();
    }

    /** The token is read from the task's callback URL: wait (briefly) until the fake has tried to call back once. */
    private static void awaitFirstCallback(FakeGemPix2Backend fake, TaskId id) {
        try {
            fake.awaitCallbackDelivered(id, Duration.ofSeconds(5));
        } catch (AssertionError notDelivered) {
            // Its attempts so far (failed ones included) are in the journal now, or there were none.
        }
    }

    private static String tokenOf(CallbackDelivery attempt) {
        String path = attempt.url().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static int number(String prompt) {
        return Integer.parseInt(prompt.substring(prompt.lastIndexOf('-') + 1));
    }
}
