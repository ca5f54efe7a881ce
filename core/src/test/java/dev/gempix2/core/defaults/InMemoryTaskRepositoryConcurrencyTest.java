package dev.gempix2.core.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Found while hunting {@code load-lost-in-doubt} (issue 11): saving a record again removed its index entries
 * before putting them back, so a lookup by token or task id running meanwhile (a callback, a snapshot) found no
 * record for a moment and the callback was answered as forged.
 */
class InMemoryTaskRepositoryConcurrencyTest {
    private static final int SAVES = 200_000;

    @Test
    void aRecordBeingSavedAgainIsAlwaysFoundByItsTokenAndItsTaskId() {
        InMemoryTaskRepository repository = new InMemoryTaskRepository();
        TaskRecord record = TaskRecord.submitting("record-1", ImageRequest.of("a cat"), "token-1", Instant.EPOCH)
                .withTaskId(TaskId.of("ta-1"), Instant.EPOCH);
        repository.save(record);
        AtomicBoolean saving = new AtomicBoolean(true);
        AtomicLong misses = new AtomicLong();

        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (saving.get()) {
                if (repository.findByCallbackToken("token-1").isEmpty()
                        || repository.findByTaskId(TaskId.of("ta-1")).isEmpty()) {
                    misses.incrementAndGet();
                }
            }
        });
        for (int i = 0; i < SAVES && misses.get() == 0; i++) {
            repository.save(record);
        }
        saving.set(false);
        reader.join();

        assertThat(misses.get()).as("lookups that found no record while it was being saved").isZero();
    }
}
