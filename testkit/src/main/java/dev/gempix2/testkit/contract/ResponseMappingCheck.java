package dev.gempix2.testkit.contract;

import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.FakeResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One case of a property-based test of a transport's response mapping: the fake answers the next request with
 * the given body (HTTP 200), and the transport must give a sane snapshot (or task id) or fail with a
 * {@link GemPix2Exception} with a message; anything else (another exception, a hang, an unbounded decimal) is an
 * {@link AssertionError}.
 *
 * <pre>{@code
 * @Property
 * void aMutatedQueryAnswerIsASnapshotOrAGemPix2Exception(@ForAll("answers") String body) {
 *     ResponseMappingCheck.query(fake, transport, body);
 * }
 * }</pre>
 */
public final class ResponseMappingCheck {
    /** The widest decimal a snapshot may carry: more digits, or a larger scale, is an unbounded number. */
    public static final int MAX_DECIMAL_DIGITS = 64;

    private ResponseMappingCheck() {
    }

    /**
     * @param fake the fake the transport sends to; its responder is replaced
     * @param transport the transport under test
     * @param body the answer's body
     * @return true when the answer was read as a snapshot, false when it failed with a {@code GemPix2Exception}
     */
    public static boolean query(FakeGemPix2Backend fake, ImageGenerator transport, String body) {
        fake.respondWith(request -> FakeResponse.json(200, body));
        try {
            Task task = transport.query(TaskId.of("ta-property")).get(10, TimeUnit.SECONDS);
            requireSane(task);
            return true;
        } catch (ExecutionException failed) {
            return requireNamed(failed.getCause(), body);
        } catch (InterruptedException | TimeoutException hung) {
            throw new AssertionError("no answer within 10 s to the body " + body, hung);
        }
    }

    /**
     * @param fake the fake the transport sends to; its responder is replaced
     * @param transport the transport under test
     * @param body the answer's body
     * @return true when the answer was read as a task id, false when it failed with a {@code GemPix2Exception}
     */
    public static boolean submit(FakeGemPix2Backend fake, ImageGenerator transport, String body) {
        fake.respondWith(request -> FakeResponse.json(200, body));
        try {
            TaskId id = transport.submit(ImageRequest.of("a property")).get(10, TimeUnit.SECONDS);
            if (id == null || id.value().isBlank()) {
                throw new AssertionError("a blank task id from " + body);
            }
            return true;
        } catch (ExecutionException failed) {
            return requireNamed(failed.getCause(), body);
        } catch (InterruptedException | TimeoutException hung) {
            throw new AssertionError("no answer within 10 s to the body " + body, hung);
        }
    }

    /**
     * @param task a snapshot read from hostile input
     * @throws AssertionError when it is not sane
     */
    public static void requireSane(Task task) {
        if (task.id().value().isBlank() || task.toString().isBlank()) {
            throw new AssertionError("an empty snapshot: " + task);
        }
        task.consumedCredits().ifPresent(credits -> {
            if (credits.precision() > MAX_DECIMAL_DIGITS || Math.abs(credits.scale()) > MAX_DECIMAL_DIGITS) {
                throw new OddProviderData("an unbounded decimal was accepted (scale " + credits.scale()
                        + ", precision " + credits.precision() + ")", null);
            }
        });
    }

    private static boolean requireNamed(Throwable failure, String body) {
        if (failure instanceof java.time.DateTimeException || failure instanceof ArithmeticException
                || failure instanceof NumberFormatException) {
            throw new OddProviderData("odd provider data escaped as " + failure, failure);
        }
        if (!(failure instanceof GemPix2Exception) || failure.getMessage() == null || failure.getMessage().isBlank()) {
            throw new AssertionError("the body " + body + " failed with " + failure, failure);
        }
        return false;
    }

    /**
     * Odd provider data mishandled, defect 5 of issue 11: a decimal with more digits or a larger scale than
     * {@link #MAX_DECIMAL_DIGITS} accepted, or a date, number or arithmetic exception escaping the mapping.
     */
    public static final class OddProviderData extends AssertionError {
        private static final long serialVersionUID = 1L;

        OddProviderData(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
