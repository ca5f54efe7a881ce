package dev.gempix2.core.fakes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The answers a fake gives to one kind of call, queued by the test: each call takes the next answer; when
 * none is queued, the fallback answers (by default a failure that names the missing script). Records every
 * argument it was called with.
 *
 * @param <A> what a call is asked (a request, a task id, a URL)
 * @param <T> what it answers
 */
public final class Script<A, T> {
    private final String name;
    private final Deque<Function<A, CompletableFuture<T>>> answers = new ArrayDeque<>();
    private final List<A> calls = new ArrayList<>();
    private Function<A, CompletableFuture<T>> fallback;

    Script(String name) {
        this.name = name;
        this.fallback = argument -> CompletableFuture.failedFuture(
                new AssertionError("no " + name + " answer scripted for " + argument));
    }

    /** @param value the next answer @return this script */
    public synchronized Script<A, T> thenReturn(T value) {
        answers.add(argument -> CompletableFuture.completedFuture(value));
        return this;
    }

    /** @param failure the next answer, a failure @return this script */
    public synchronized Script<A, T> thenFail(Throwable failure) {
        answers.add(argument -> CompletableFuture.failedFuture(failure));
        return this;
    }

    /** @param times how many answers @param failure each a failure @return this script */
    public synchronized Script<A, T> thenFail(int times, Throwable failure) {
        for (int i = 0; i < times; i++) {
            thenFail(failure);
        }
        return this;
    }

    /** @param answer computes the next answer from the call's argument @return this script */
    public synchronized Script<A, T> thenAnswer(Function<A, T> answer) {
        answers.add(argument -> CompletableFuture.completedFuture(answer.apply(argument)));
        return this;
    }

    /** @return the future the next call gets, for the test to complete whenever it likes */
    public synchronized CompletableFuture<T> thenHold() {
        CompletableFuture<T> held = new CompletableFuture<>();
        answers.add(argument -> held);
        return held;
    }

    /** @param answer answers every call that finds no queued answer @return this script */
    public synchronized Script<A, T> otherwise(Function<A, T> answer) {
        fallback = argument -> CompletableFuture.completedFuture(answer.apply(argument));
        return this;
    }

    /** @param value answers every call that finds no queued answer @return this script */
    public Script<A, T> otherwiseReturn(T value) {
        return otherwise(argument -> value);
    }

    /** @param failure fails every call that finds no queued answer @return this script */
    public synchronized Script<A, T> otherwiseFail(Throwable failure) {
        fallback = argument -> CompletableFuture.failedFuture(failure);
        return this;
    }

    /** @return every argument this script was called with, in order */
    public synchronized List<A> calls() {
        return List.copyOf(calls);
    }

    /** @return how many calls were made */
    public synchronized int count() {
        return calls.size();
    }

    CompletableFuture<T> call(A argument) {
        Function<A, CompletableFuture<T>> answer;
        synchronized (this) {
            calls.add(argument);
            answer = answers.isEmpty() ? fallback : answers.poll();
        }
        return answer.apply(argument);
    }

    @Override
    public String toString() {
        return "Script[" + name + "]";
    }
}
