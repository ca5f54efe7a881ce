package dev.gempix2.core.internal;

import java.util.concurrent.CompletableFuture;

import java.util.function.BiFunction;

import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.Clock;
import dev.gempix2.core.port.TaskRepository;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client's side of a {@link TaskRepository} that several instances share: it claims the unfinished records
 * on {@code resumeUnfinished()}, renews the leases of the tasks this client waits for, releases them when the
 * waits end or the client closes, claims again every lease duration (taking over the tasks of instances that
 * died), and completes a wait from a final record pushed by the store, without a query. With a store that has
 * no leases and no push (the defaults of the port) it only resumes the unfinished records, as before.
 */
public final class SharedStore {
    private static final Logger LOG = System.getLogger("dev.gempix2");

    private final TaskRepository repository;
    private final TaskWaits waits;
    private final Clock clock;
    private final Duration waitTimeout;
    private final BiFunction<TaskId, Duration, CompletableFuture<Task>> follow;
    private final Duration lease;
    private final TaskRepository.Subscription subscription;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean reclaiming = new AtomicBoolean();
    private final Object tickLock = new Object();
    private Set<TaskId> followed = new HashSet<>();
    private Instant nextClaimAt;
    private Clock.Scheduled tick;

    /**
     * Subscribes to the store's push and, when it has leases, starts renewing them.
     *
     * @param repository the store
     * @param waits the client's waits
     * @param clock schedules the renewals
     * @param waitTimeout how long a resumed task is waited for
     * @param follow starts the wait for a resumed task (the client's, so that observers see it)
     */
    public SharedStore(TaskRepository repository, TaskWaits waits, Clock clock, Duration waitTimeout,
                       BiFunction<TaskId, Duration, CompletableFuture<Task>> follow) {
        this.follow = follow;
        this.repository = repository;
        this.waits = waits;
        this.clock = clock;
        this.waitTimeout = waitTimeout;
        this.lease = leaseOf(repository);
        this.subscription = subscribe();
        if (lease != null) {
            scheduleTick();
        }
    }

    /**
     * Claims the unfinished records (all of them, for a store without leases) and waits for those with a task
     * id; from now on the client claims again every lease duration.
     *
     * @return the tasks re-attached
     */
    public List<TaskId> resume() {
        return claim(false);
    }

    private List<TaskId> claim(boolean skipAwaited) {
        Set<TaskId> resumed = new LinkedHashSet<>();
        for (TaskRecord record : repository.claimUnfinished()) {
            record.taskId().filter(resumed::add)
                    .filter(id -> !skipAwaited || waits.waiterCount(id) == 0)
                    .ifPresent(this::follow);
        }
        if (lease != null) {
            synchronized (tickLock) {
                nextClaimAt = clock.now().plus(lease);
                followed.addAll(resumed);
            }
        }
        LOG.log(Level.DEBUG, "Resumed {0} unfinished GemPix2 task(s)", resumed.size());
        return List.copyOf(resumed);
    }

    /** Releases every lease this client holds and ends the subscription; the waits are failed by the caller. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (tickLock) {
            if (tick != null) {
                tick.cancel();
            }
        }
        subscription.close();
        if (lease != null) {
            Set<TaskId> held = new HashSet<>(waits.activeTaskIds());
            synchronized (tickLock) {
                held.addAll(followed);
            }
            if (!held.isEmpty()) {
                try {
                    repository.releaseLeases(held);
                } catch (RuntimeException broken) {
                    LOG.log(Level.WARNING, "Releasing " + held.size() + " GemPix2 task lease(s) failed; they "
                            + "expire on their own", broken);
                }
            }
        }
    }

    private void follow(TaskId id) {
        follow.apply(id, waitTimeout).whenComplete((task, error) -> LOG.log(Level.DEBUG,
                "Resumed GemPix2 task {0} ended: {1}", id,
                error == null ? "success" : Failures.describe(Failures.unwrap(error))));
    }

    private TaskRepository.Subscription subscribe() {
        try {
            return repository.subscribe(this::pushed);
        } catch (RuntimeException broken) {
            LOG.log(Level.WARNING, "The GemPix2 task repository refused a subscription; waits complete at their "
                    + "polls", broken);
            return () -> { };
        }
    }

    private void pushed(TaskRecord record) {
        Optional<Task> finalSnapshot = record.lastSnapshot().filter(Task::isFinal);
        if (closed.get() || finalSnapshot.isEmpty() || waits.waiterCount(finalSnapshot.get().id()) == 0) {
            return;
        }
        LOG.log(Level.DEBUG, "GemPix2 task {0} ended on another instance", finalSnapshot.get().id());
        waits.dispatch(() -> waits.offer(finalSnapshot.get()));
    }

    private void scheduleTick() {
        synchronized (tickLock) {
            if (!closed.get()) {
                tick = clock.schedule(lease.dividedBy(3), () -> waits.dispatch(this::onTick));
            }
        }
    }

    private void onTick() {
        if (closed.get()) {
            return;
        }
        try {
            Set<TaskId> active = waits.activeTaskIds();
            Set<TaskId> ended;
            boolean claimNow;
            synchronized (tickLock) {
                ended = new HashSet<>(followed);
                ended.removeAll(active);
                followed = new HashSet<>(active);
                claimNow = nextClaimAt != null && !clock.now().isBefore(nextClaimAt);
            }
            if (!active.isEmpty()) {
                repository.renewLeases(active);
            }
            if (!ended.isEmpty()) {
                repository.releaseLeases(ended);
            }
            if (claimNow && reclaiming.compareAndSet(false, true)) {
                try {
                    List<TaskId> taken = claim(true).stream().filter(id -> !active.contains(id)).toList();
                    if (!taken.isEmpty()) {
                        LOG.log(Level.INFO, "Took over {0} GemPix2 task(s) whose leases had expired", taken.size());
                    }
                } finally {
                    reclaiming.set(false);
                }
            }
        } catch (RuntimeException broken) {
            LOG.log(Level.WARNING, "Renewing the GemPix2 task leases failed; trying again in " + lease.dividedBy(3),
                    broken);
        } finally {
            scheduleTick();
        }
    }

    private static Duration leaseOf(TaskRepository repository) {
        Optional<Duration> lease = repository.leaseDuration();
        return lease.filter(d -> !d.isZero() && !d.isNegative()).orElse(null);
    }
}
