package dev.gempix2.testkit.internal;

import dev.gempix2.testkit.Fault;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The scripts a submit can match: one-shot scripts for the next tasks first, then prompt scripts (the most
 * recently added first), then the script for every task. Thread-safe.
 */
public final class ScriptBook {
    private final Deque<ScriptState> nextTasks = new ArrayDeque<>();
    private final List<PromptScript> byPrompt = new ArrayList<>();
    private ScriptState everyTask = new ScriptState();

    private record PromptScript(Predicate<String> matches, ScriptState script) {
    }

    /**
     * What a submit meets.
     *
     * @param source the script it matched
     * @param fault the submit fault it meets, if any
     */
    public record Decision(ScriptState source, Optional<Fault> fault) {
    }

    /** @return the script for tasks no other script matches */
    public synchronized ScriptState everyTask() {
        return everyTask;
    }

    /**
     * @param matches which prompts
     * @return a new script for them
     */
    public synchronized ScriptState addPrompt(Predicate<String> matches) {
        ScriptState script = new ScriptState();
        byPrompt.add(new PromptScript(matches, script));
        return script;
    }

    /** @return a new one-shot script, used by the next task created after those already queued */
    public synchronized ScriptState addNext() {
        ScriptState script = new ScriptState();
        nextTasks.add(script);
        return script;
    }

    /**
     * Picks the script for a submit and takes its next submit fault, if any.
     *
     * @param prompt the submit's prompt
     * @return the decision
     */
    public synchronized Decision decide(String prompt) {
        ScriptState source = nextTasks.peek();
        if (source == null) {
            source = everyTask;
            for (int i = byPrompt.size() - 1; i >= 0; i--) {
                if (byPrompt.get(i).matches().test(prompt)) {
                    source = byPrompt.get(i).script();
                    break;
                }
            }
        }
        return new Decision(source, source.takeSubmitFault());
    }

    /** @param source a script a task was just created from: a one-shot script is used up */
    public synchronized void taskCreatedFrom(ScriptState source) {
        nextTasks.removeFirstOccurrence(source);
    }

    /** Forgets every script. */
    public synchronized void clear() {
        nextTasks.clear();
        byPrompt.clear();
        everyTask = new ScriptState();
    }
}
