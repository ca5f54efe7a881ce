package dev.gempix2.repository.jdbc.internal;

import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.wire.JsonText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request and snapshot columns: exact round trips of {@link ImageRequest} and {@link Task} through JSON text.
 * An extra field's value is stored with its Java type ({@code ["i","3"]} is an Integer, {@code ["d","1.5"]} a
 * Double), so that the request read back equals the one saved. The callback token inside the callback URL is
 * replaced by a placeholder, so the column never holds it.
 */
public final class RecordJson {
    /** Stands for the callback token inside a stored callback URL. */
    static final String TOKEN_PLACEHOLDER = "{token}";

    private RecordJson() {
    }

    /**
     * @param request the request
     * @param token its callback token, or null
     * @return the column's text, the token replaced by a placeholder
     */
    public static String request(ImageRequest request, String token) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", request.model().id());
        json.put("prompt", request.prompt());
        json.put("images", request.referenceImages().stream().map(URI::toString).toList());
        request.callbackUrl().map(URI::toString).ifPresent(url -> json.put("callback_url",
                token != null && url.endsWith("/" + token)
                        ? url.substring(0, url.length() - token.length()) + TOKEN_PLACEHOLDER : url));
        Map<String, Object> extra = new LinkedHashMap<>();
        request.extra().forEach((name, value) -> extra.put(name, typed(value)));
        json.put("extra", extra);
        return JsonText.write(json);
    }

    /**
     * @param text the column's text
     * @param token what replaces the placeholder: the token, or its masked form
     * @return the request
     */
    public static ImageRequest request(String text, String token) {
        Map<String, Object> json = object(read(text), "request");
        ImageRequest.Builder builder = ImageRequest.builder()
                .model(Model.of(string(json, "model")))
                .prompt(string(json, "prompt"))
                .referenceImages(list(json.get("images")).stream().map(image -> URI.create((String) image)).toList());
        Object url = json.get("callback_url");
        if (url != null) {
            builder.callbackUrl(URI.create(((String) url).replace(TOKEN_PLACEHOLDER, token == null ? "" : token)));
        }
        object(json.getOrDefault("extra", Map.of()), "extra").forEach((name, value) -> builder.extra(name, untyped(value)));
        return builder.build();
    }

    /**
     * @param task a snapshot
     * @return the column's text
     */
    public static String snapshot(Task task) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", task.id().value());
        json.put("status", task.status().name());
        json.put("images", task.images().stream().map(GeneratedImage::location).toList());
        task.consumedCredits().ifPresent(credits -> json.put("consumed_credits", credits.toString()));
        task.statusMessage().ifPresent(message -> json.put("status_message", message));
        task.createdAt().ifPresent(at -> json.put("created_at", at.toString()));
        return JsonText.write(json);
    }

    /**
     * @param text the column's text
     * @return the snapshot
     */
    public static Task snapshot(String text) {
        Map<String, Object> json = object(read(text), "snapshot");
        return new Task(TaskId.of(string(json, "id")), TaskStatus.valueOf(string(json, "status")),
                list(json.get("images")).stream().map(image -> new GeneratedImage((String) image)).toList(),
                Optional.ofNullable((String) json.get("consumed_credits")).map(BigDecimal::new),
                Optional.ofNullable((String) json.get("status_message")),
                Optional.ofNullable((String) json.get("created_at")).map(Instant::parse));
    }

    private static Object typed(Object value) {
        if (value instanceof String string) {
            return List.of("s", string);
        } else if (value instanceof Boolean bool) {
            return List.of("b", bool);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return List.of(value instanceof Integer ? "i" : value instanceof Short ? "sh" : "by", value.toString());
        } else if (value instanceof Long) {
            return List.of("l", value.toString());
        } else if (value instanceof Double || value instanceof Float) {
            return List.of(value instanceof Double ? "d" : "f", value.toString());
        } else if (value instanceof BigInteger) {
            return List.of("bi", value.toString());
        } else if (value instanceof Number number) {
            return List.of("bd", new BigDecimal(number.toString()).toString());
        } else if (value instanceof List<?> items) {
            return List.of("L", items.stream().map(RecordJson::typed).toList());
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((name, item) -> fields.put((String) name, typed(item)));
            return List.of("M", fields);
        }
        throw new IllegalArgumentException("an extra field holds a " + value.getClass().getName());
    }

    private static Object untyped(Object stored) {
        List<Object> pair = list(stored);
        if (pair.size() != 2 || !(pair.get(0) instanceof String type)) {
            throw new IllegalArgumentException("an extra field is not a [type, value] pair");
        }
        Object value = pair.get(1);
        return switch (type) {
            case "s", "b" -> value;
            case "i" -> Integer.valueOf((String) value);
            case "sh" -> Short.valueOf((String) value);
            case "by" -> Byte.valueOf((String) value);
            case "l" -> Long.valueOf((String) value);
            case "d" -> Double.valueOf((String) value);
            case "f" -> Float.valueOf((String) value);
            case "bi" -> new BigInteger((String) value);
            case "bd" -> new BigDecimal((String) value);
            case "L" -> {
                List<Object> items = new ArrayList<>();
                list(value).forEach(item -> items.add(untyped(item)));
                yield items;
            }
            case "M" -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                object(value, "extra").forEach((name, item) -> fields.put(name, untyped(item)));
                yield fields;
            }
            default -> throw new IllegalArgumentException("an extra field has the unknown type '" + type + "'");
        };
    }

    /** The columns hold text this module wrote: read back however deep a request's extra fields nest. */
    private static Object read(String text) {
        return JsonText.parse(text.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw new IllegalArgumentException("the " + what + " is not a JSON object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?>) {
            return (List<Object>) value;
        }
        throw new IllegalArgumentException("expected a JSON array, got " + value.getClass().getSimpleName());
    }

    private static String string(Map<String, Object> json, String field) {
        if (json.get(field) instanceof String value) {
            return value;
        }
        throw new IllegalArgumentException("the field '" + field + "' is missing or not a string");
    }
}
