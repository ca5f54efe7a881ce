package dev.gempix2.testkit;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.internal.Journal;
import java.time.Duration;
import java.util.List;

/**
 * The requests a {@link FakeGemPix2Backend} received, in the style of MockWebServer's {@code takeRequest}: a
 * view of the fake's journal, read live (a reset empties it). Thread-safe.
 *
 * <pre>{@code
 * RecordedRequest submit = fake.journal().takeRequest();
 * assertThat(fake.journal().submitCount()).isEqualTo(1);
 * }</pre>
 */
public final class RequestJournal {
    private static final Duration DEFAULT_TAKE_TIMEOUT = Duration.ofSeconds(10);

    private final Journal journal;

    RequestJournal(Journal journal) {
        this.journal = journal;
    }

    /**
     * @return the oldest request not yet taken, waiting up to 10 seconds for one
     * @throws AssertionError when none arrives in time
     */
    public RecordedRequest takeRequest() {
        return takeRequest(DEFAULT_TAKE_TIMEOUT);
    }

    /**
     * @param timeout how long to wait for a request
     * @return the oldest request not yet taken
     * @throws AssertionError when none arrives in time
     */
    public RecordedRequest takeRequest(Duration timeout) {
        try {
            RecordedRequest request = journal.take(timeout);
            if (request == null) {
                throw new AssertionError("the GemPix2 fake received no request within " + timeout);
            }
            return request;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a request", interrupted);
        }
    }

    /**
     * @return the requests received since the start or the last reset, in order: the latest
     *         {@link FakeGemPix2Backend.Builder#journalLimit(int)} of them
     */
    public List<RecordedRequest> requests() {
        return journal.requests();
    }

    /** @return how many {@code POST /api/image/gen} were received, faulted or not; exact past the journal's limit */
    public int submitCount() {
        return Math.toIntExact(journal.submitCount());
    }

    /** @return how many requests were received since the start or the last reset; exact past the journal's limit */
    public long requestCount() {
        return journal.requestCount();
    }

    /**
     * @return how many of the oldest requests the journal dropped to stay within
     *         {@link FakeGemPix2Backend.Builder#journalLimit(int)}
     */
    public long droppedRequests() {
        return journal.droppedRequests();
    }

    /**
     * @param id a task
     * @return the {@code GET /api/task/query} requests for it still in the journal, in order
     */
    public List<RecordedRequest> queriesFor(TaskId id) {
        return journal.requestsMatching(request -> request.isQueryOf(id));
    }

    @Override
    public String toString() {
        return "RequestJournal[" + journal.requestCount() + " requests, " + journal.droppedRequests() + " dropped]";
    }
}
