package dev.gempix2.testkit.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a {@code POST /api/image/gen} body like the provider does, in its words. */
final class SubmitValidation {
    private static final int MAX_IMAGES = 4;

    private SubmitValidation() {
    }

    /**
     * @param json the parsed body, empty when it was not JSON
     * @param models the model ids accepted
     * @return the {@code detail} of the 400 to answer, or empty when the body is valid
     */
    static Optional<String> problem(Optional<Object> json, Set<String> models) {
        if (json.isEmpty()) {
            return Optional.of("invalid JSON body");
        }
        if (!(json.get() instanceof Map<?, ?> body)) {
            return Optional.of("request body must be a JSON object");
        }
        Object model = body.get("model");
        if (model == null || model instanceof String text && text.isBlank()) {
            return Optional.of("model is required");
        }
        if (!(model instanceof String modelId)) {
            return Optional.of("model must be a string");
        }
        if (!models.contains(modelId)) {
            return Optional.of("model '" + modelId + "' is not supported");
        }
        Object prompt = body.get("prompt");
        if (prompt == null || prompt instanceof String text && text.isBlank()) {
            return Optional.of("prompt is required");
        }
        if (!(prompt instanceof String)) {
            return Optional.of("prompt must be a string");
        }
        Optional<String> images = imagesProblem(body.get("images"));
        if (images.isPresent()) {
            return images;
        }
        Object callback = body.get("callback_url");
        if (callback != null && !(callback instanceof String url && isHttpUrl(url))) {
            return Optional.of("callback_url must be an http(s) URL");
        }
        return Optional.empty();
    }

    private static Optional<String> imagesProblem(Object images) {
        if (images == null) {
            return Optional.empty();
        }
        if (!(images instanceof List<?> list)) {
            return Optional.of("images must be an array of strings");
        }
        if (list.size() > MAX_IMAGES) {
            return Optional.of("images must contain at most " + MAX_IMAGES + " items");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String image)) {
                return Optional.of("images must be an array of strings");
            }
            if (!isHttpUrl(image) && !image.regionMatches(true, 0, "data:image/", 0, 11)) {
                return Optional.of("images[" + i + "] must be an http(s) URL or a data: URI");
            }
        }
        return Optional.empty();
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException malformed) {
            return false;
        }
    }
}
