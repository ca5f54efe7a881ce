package dev.gempix2.core.wire;

import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.AuthenticationException;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.RateLimitedException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GemPix2 wire format, shared by every transport so that they all behave as one: request paths and
 * bodies, response and callback reading, and the mapping of HTTP outcomes to exceptions.
 *
 * <p>A transport sends {@link #requestBody(ImageRequest)} with its JSON library, parses the answer into plain
 * Java values, wraps it in a {@link WireResponse} and calls {@link #readSubmitResponse(WireResponse)} or
 * {@link #readQueryResponse(WireResponse, TaskId)}. Those return the domain value or throw the mapped
 * {@link GemPix2Exception}. Stateless and thread-safe.
 */
public final class WireFormat {
    private static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile(
            "(?i)(bearer\\s+)[^\\s\"',;<>]+|\\bdk-[A-Za-z0-9._~+/=-]+");
    private static final int MAX_DECIMAL_DIGITS = 64;
    /** The path of the generation endpoint. */
    public static final String SUBMIT_PATH = "/api/image/gen";
    /** The path of the query endpoint. */
    public static final String QUERY_PATH = "/api/task/query";

    private WireFormat() {
    }

    /**
     * @param baseUrl the API's base URL, with or without a path prefix or trailing slash
     * @return the generation endpoint's URL
     */
    public static URI submitUri(URI baseUrl) {
        return URI.create(trimSlash(baseUrl) + SUBMIT_PATH);
    }

    /**
     * @param baseUrl the API's base URL
     * @param id the task to read
     * @return the query endpoint's URL for that task, the id encoded
     */
    public static URI queryUri(URI baseUrl, TaskId id) {
        return URI.create(trimSlash(baseUrl) + QUERY_PATH + "?task_id="
                + URLEncoder.encode(id.value(), StandardCharsets.UTF_8));
    }

    private static String trimSlash(URI baseUrl) {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * The body of {@code POST /api/image/gen}, in the spec's order and spelling: {@code model}, {@code prompt},
     * {@code images} (omitted when empty), {@code callback_url} (when set), then the extra fields as given.
     *
     * @param request the request
     * @return an ordered map of plain values for any JSON library
     */
    public static Map<String, Object> requestBody(ImageRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", request.model().id());
        body.put("prompt", request.prompt());
        if (!request.referenceImages().isEmpty()) {
            body.put("images", request.referenceImages().stream().map(URI::toString).toList());
        }
        request.callbackUrl().ifPresent(url -> body.put("callback_url", url.toString()));
        body.putAll(request.extra());
        return body;
    }

    /**
     * Reads the answer to a submit.
     *
     * @param response the answer
     * @return the new task's id
     * @throws GemPix2Exception the mapped error
     */
    public static TaskId readSubmitResponse(WireResponse response) {
        Map<?, ?> data = successData(response);
        Object id = data.get("task_id");
        if (!(id instanceof String text) || text.isBlank()) {
            throw new TransportException("GemPix2 accepted the request but its answer holds no data.task_id", null);
        }
        try {
            return TaskId.of(text);
        } catch (InvalidRequestException unusable) {
            // The provider created (and bills) this task: not the user's fault, and the record must stay in doubt.
            throw new TransportException("GemPix2 created a task but answered with an id this client cannot use ('"
                    + shownId(text) + "'); its record stays unfinished, in doubt", true, unusable);
        }
    }

    /**
     * Reads the answer to a query.
     *
     * @param response the answer
     * @param queried the task asked for, used when the answer omits {@code task_id}
     * @return the snapshot
     * @throws GemPix2Exception the mapped error
     */
    public static Task readQueryResponse(WireResponse response, TaskId queried) {
        return readTask(successData(response), queried);
    }

    /**
     * Reads a callback's body (the spec's {@code CallbackPayload}; a body wrapped in {@code {"data": ...}} is
     * accepted too).
     *
     * @param json the body as plain Java values
     * @return the reported snapshot
     * @throws InvalidRequestException naming the field at fault when the body is not a callback payload
     */
    public static Task readCallback(Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            throw InvalidRequestException.ofField("body", "a callback body must be a JSON object");
        }
        if (!map.containsKey("task_id") && map.get("data") instanceof Map<?, ?> inner) {
            map = inner;
        }
        if (!(map.get("task_id") instanceof String id) || id.isBlank()) {
            throw InvalidRequestException.ofField("task_id", "a callback must name its task");
        }
        if (!(map.get("status") instanceof String)) {
            throw InvalidRequestException.ofField("status", "a callback must carry a status string");
        }
        return readTask(map, TaskId.of(id));
    }

    /**
     * Maps a response that is not a success to its exception (also used by downloaders).
     *
     * @param response an answer with a status of 300 or more, or a 2xx whose {@code code} is not 0
     * @return the exception to throw
     */
    public static GemPix2Exception error(WireResponse response) {
        Duration retryAfter = parseRetryAfter(response.retryAfter(), Instant.now()).orElse(null);
        return byStatus(response, retryAfter)
                .withResponse(RequestIds.of(response).orElse(null), response.headers(), retryAfter);
    }

    private static ApiException byStatus(WireResponse response, Duration retryAfter) {
        Map<?, ?> body = response.parsed() && response.json() instanceof Map<?, ?> map ? map : Map.of();
        int status = response.status();
        int code = intValue(body.get("code")).orElse(-1);
        String message = redactSecrets(text(body.get("message")));
        String detail = redactSecrets(text(body.get("detail")));
        if (status == 400) {
            return InvalidRequestException.rejected(code, message, detail);
        }
        if (status == 401) {
            return new AuthenticationException(code, message, detail);
        }
        if (status == 404) {
            return new TaskNotFoundException(code, message, detail);
        }
        if (status == 429) {
            return new RateLimitedException(code, message, detail, retryAfter);
        }
        if (status >= 500 && status < 600) {
            return new ServerException(status, code, message, detail, retryAfter);
        }
        String summary = status < 300 ? "GemPix2 answered with an error code " + code : "GemPix2 answered an error";
        return new ApiException(summary + " (HTTP " + status + ")"
                + (message == null ? "" : ": " + message) + (detail == null ? "" : " - " + detail),
                status, code, message, detail);
    }

    /**
     * Reads a {@code Retry-After} header: delay-seconds or an HTTP-date.
     *
     * @param header the header's value, may be null
     * @param now the current time, to turn a date into a delay
     * @return the delay (never negative), or empty when absent or unreadable
     */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLarge) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = Duration.between(now, at);
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static Map<?, ?> successData(WireResponse response) {
        if (!response.isSuccessful()) {
            throw error(response);
        }
        if (!response.parsed() || !(response.json() instanceof Map<?, ?> body)) {
            throw new TransportException("GemPix2 answered HTTP " + response.status()
                    + " with a body that is not the JSON object the API promises", null);
        }
        int code = intValue(body.get("code")).orElse(0);
        if (code != 0) {
            throw error(response);
        }
        if (!(body.get("data") instanceof Map<?, ?> data)) {
            throw new TransportException("GemPix2 answered HTTP " + response.status() + " without a data object", null);
        }
        return data;
    }

    private static Task readTask(Map<?, ?> data, TaskId fallbackId) {
        TaskId id = data.get("task_id") instanceof String text && !text.isBlank() ? TaskId.of(text) : fallbackId;
        TaskStatus status = TaskStatus.fromWire(text(data.get("status")));
        List<GeneratedImage> images = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        if (data.get("result") instanceof List<?> results) {
            for (Object item : results) {
                readResultItem(item, images, texts);
            }
        }
        String reason = data.get("status_reason") instanceof Map<?, ?> reasonMap
                ? text(reasonMap.get("message")) : text(data.get("status_reason"));
        if (reason == null && !texts.isEmpty()) {
            reason = String.join("\n", texts);
        }
        return Task.builder(id, status)
                .images(images)
                .consumedCredits(decimal(data.get("consumed")).orElse(null))
                .statusMessage(reason)
                .createdAt(instant(data.containsKey("created_at") ? data.get("created_at") : data.get("created")))
                .build();
    }

    private static void readResultItem(Object item, List<GeneratedImage> images, List<String> texts) {
        if (item instanceof Map<?, ?> result) {
            String image = text(result.get("image"));
            if (image != null) {
                images.add(new GeneratedImage(image));
            }
            String words = text(result.get("text"));
            if (words != null) {
                texts.add(words);
            }
        } else if (item instanceof String words && !words.isBlank()) {
            texts.add(words);
        }
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static Optional<Integer> intValue(Object value) {
        if (value instanceof Number number) {
            return Optional.of(number.intValue());
        }
        if (value instanceof String text) {
            try {
                return Optional.of(Integer.parseInt(text.trim()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> decimal(Object value) {
        try {
            if (value instanceof String text && !text.isBlank()) {
                return sane(new BigDecimal(text.trim()));
            }
            if (value instanceof Number number) {
                return sane(new BigDecimal(number.toString()));
            }
        } catch (NumberFormatException notADecimal) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Masks what looks like a credential in text that came from the other side (a gateway that echoes the
     * request's headers would otherwise put the API key into an exception message and a log line):
     * {@code Bearer <anything>} and {@code dk-…} keys.
     *
     * @param text text from a response, or null
     * @return the text with credentials replaced by {@code ***}, or null
     */
    public static String redactSecrets(String text) {
        if (text == null) {
            return null;
        }
        return SECRET.matcher(text).replaceAll(match -> match.group(1) != null
                ? java.util.regex.Matcher.quoteReplacement(match.group(1)) + "***" : "dk-***");
    }

    private static String shownId(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("[^\\x21-\\x7e…]", "?");
    }

    /** A credit amount is a few digits: one of absurd size or scale is dropped, not printed into the heap. */
    private static Optional<BigDecimal> sane(BigDecimal value) {
        return value.precision() <= MAX_DECIMAL_DIGITS && Math.abs(value.scale()) <= MAX_DECIMAL_DIGITS
                ? Optional.of(value) : Optional.empty();
    }

    private static Instant instant(Object value) {
        if (value instanceof Number number) {
            long raw = number.longValue();
            try {
                // Ten-digit values are epoch seconds; larger ones are milliseconds.
                return raw > 100_000_000_000L ? Instant.ofEpochMilli(raw) : Instant.ofEpochSecond(raw);
            } catch (java.time.DateTimeException outOfRange) {
                return null;
            }
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
        return null;
    }
}
