package dev.gempix2.testkit.internal;

import dev.gempix2.core.port.Clock;
import dev.gempix2.testkit.Responder;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/** Everything one fake backend holds, shared by its endpoints. Thread-safe. */
public final class BackendContext {
    private final BackendSettings settings;
    private final KeyRing keys = new KeyRing();
    private final ScriptBook scripts = new ScriptBook();
    private final TaskBook tasks = new TaskBook();
    private final Journal journal;
    private final Holds holds = new Holds();
    private final Scheduler scheduler;
    private final CallbackSender callbacks;
    private final AtomicReference<Responder> responder = new AtomicReference<>();
    private volatile URI baseUrl;

    /** @param settings the fake's settings */
    public BackendContext(BackendSettings settings) {
        this.settings = settings;
        this.journal = new Journal(settings.journalLimit());
        this.scheduler = new Scheduler(settings.clock());
        this.callbacks = new CallbackSender(settings.clock(), journal, scheduler, settings.callbackAttempts(),
                settings.callbackRetryDelay());
    }

    /** @return the fake's settings */
    public BackendSettings settings() {
        return settings;
    }

    /** @return the fake's time */
    public Clock clock() {
        return settings.clock();
    }

    /** @return the keys accepted */
    public KeyRing keys() {
        return keys;
    }

    /** @return the scripts */
    public ScriptBook scripts() {
        return scripts;
    }

    /** @return the tasks */
    public TaskBook tasks() {
        return tasks;
    }

    /** @return the journal */
    public Journal journal() {
        return journal;
    }

    /** @return the held answers */
    public Holds holds() {
        return holds;
    }

    /** @return the timed actions */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** @return the callback sender */
    public CallbackSender callbacks() {
        return callbacks;
    }

    /** @return the custom responder, or null */
    public Responder responder() {
        return responder.get();
    }

    /** @param custom the custom responder, or null for none */
    public void responder(Responder custom) {
        responder.set(custom);
    }

    /** @return the base URL, once the server is bound */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @param url the base URL, once the server is bound */
    public void baseUrl(URI url) {
        this.baseUrl = url;
    }

    /** Forgets scripts, tasks, the journal and the responder; calls off timed actions and held answers. */
    public void reset() {
        scheduler.cancelAll();
        holds.releaseAll();
        scripts.clear();
        tasks.clear();
        responder.set(null);
        journal.clear();
    }
}
