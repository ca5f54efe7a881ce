package dev.gempix2.core.model;

import dev.gempix2.core.error.InvalidRequestException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What to generate: a prompt, a model, up to four reference images, an optional callback URL, and extra body
 * fields passed to the provider as they are (such as {@code aspect_ratio}). Validated on construction, so an
 * invalid request fails here, naming the field, before anything is sent.
 *
 * <pre>{@code
 * ImageRequest simple = ImageRequest.of("a lighthouse at dawn, oil painting");
 * ImageRequest edit = ImageRequest.builder()
 *         .model(Model.GEMINI_2_5_FLASH_IMAGE)
 *         .prompt("Put them in a basket")
 *         .referenceImage(URI.create("https://example.com/soap.png"))
 *         .extra("aspect_ratio", "16:9")
 *         .build();
 * }</pre>
 *
 * @param model the model to use
 * @param prompt the text describing the image; not blank
 * @param referenceImages at most {@value #MAX_REFERENCE_IMAGES} http(s) URLs or {@code data:image/...} URIs
 * @param callbackUrl where the provider POSTs the final state; usually set by the client, not by hand
 * @param extra further body fields, sent as they are; values are strings, numbers, booleans, lists or maps
 */
public record ImageRequest(Model model, String prompt, List<URI> referenceImages, Optional<URI> callbackUrl,
                           Map<String, Object> extra) {

    /**
     * Shows no secrets: the callback URL without its path (whose last segment is a token), reference images
     * without user info, query or fragment (a signed URL's signature), data URIs by their length only.
     */
    @Override
    public String toString() {
        return "ImageRequest[model=" + model + ", prompt=" + Printable.truncate(prompt) + ", referenceImages="
                + referenceImages.stream().map(ImageRequest::shown).toList() + ", callbackUrl="
                + callbackUrl.map(url -> url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":"
                        + url.getPort()) + "/…").orElse("none") + ", extra=" + extra.keySet() + "]";
    }

    private static String shown(URI url) {
        if ("data".equalsIgnoreCase(url.getScheme())) {
            return "data URI of " + url.toString().length() + " chars";
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null && url.getRawFragment() == null ? "" : "?…");
    }

    /** The provider accepts at most this many reference images. */
    public static final int MAX_REFERENCE_IMAGES = 4;

    private static final Set<String> RESERVED = Set.of("model", "prompt", "images", "callback_url");

    /**
     * @param model the model to use
     * @param prompt the text describing the image; not blank
     * @param referenceImages at most {@value #MAX_REFERENCE_IMAGES} http(s) URLs or {@code data:image/...} URIs
     * @param callbackUrl where the provider POSTs the final state; usually set by the client, not by hand
     * @param extra further body fields, sent as they are; values are strings, numbers, booleans, lists or maps
     * @throws InvalidRequestException naming the field at fault
     */
    public ImageRequest {
        if (model == null) {
            throw InvalidRequestException.ofField("model", "must be set");
        }
        if (prompt == null || prompt.isBlank()) {
            throw InvalidRequestException.ofField("prompt", "must not be blank");
        }
        referenceImages = referenceImages == null ? List.of() : List.copyOf(checkImages(referenceImages));
        callbackUrl = callbackUrl == null ? Optional.empty() : callbackUrl;
        callbackUrl.ifPresent(url -> checkHttp("callback_url", url));
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(checkExtra(extra)));
    }

    /**
     * A request for {@link Model#GEMPIX2} with nothing but a prompt.
     *
     * @param prompt the text describing the image
     * @return the request
     */
    public static ImageRequest of(String prompt) {
        return builder().prompt(prompt).build();
    }

    /** @return a builder whose model defaults to {@link Model#GEMPIX2} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this request's values, to derive a changed copy */
    public Builder toBuilder() {
        Builder builder = new Builder().model(model).prompt(prompt).referenceImages(referenceImages);
        callbackUrl.ifPresent(builder::callbackUrl);
        extra.forEach(builder::extra);
        return builder;
    }

    /**
     * @param url the callback URL to use instead of this request's
     * @return a copy of this request with that callback URL
     */
    public ImageRequest withCallbackUrl(URI url) {
        return new ImageRequest(model, prompt, referenceImages, Optional.of(url), extra);
    }

    private static List<URI> checkImages(List<URI> images) {
        if (images.size() > MAX_REFERENCE_IMAGES) {
            throw InvalidRequestException.ofField("images",
                    "at most " + MAX_REFERENCE_IMAGES + " reference images are allowed, got " + images.size());
        }
        for (int i = 0; i < images.size(); i++) {
            URI image = images.get(i);
            String field = "images[" + i + "]";
            if (image == null) {
                throw InvalidRequestException.ofField(field, "must not be null");
            }
            if ("data".equalsIgnoreCase(image.getScheme())) {
                if (!image.toString().regionMatches(true, 0, "data:image/", 0, "data:image/".length())
                        || !image.toString().contains(",")) {
                    throw InvalidRequestException.ofField(field, "a data: URI must be data:image/<type>;base64,...");
                }
            } else {
                checkHttp(field, image);
            }
        }
        return images;
    }

    private static void checkHttp(String field, URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || url.getHost() == null) {
            throw InvalidRequestException.ofField(field,
                    "'" + Printable.truncate(url.toString()) + "' must be an absolute http(s) URL"
                            + (field.startsWith("images") ? " or a data: URI" : ""));
        }
    }

    private static Map<String, Object> checkExtra(Map<String, Object> extra) {
        extra.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw InvalidRequestException.ofField("extra", "field names must not be blank");
            }
            if (RESERVED.contains(key)) {
                throw InvalidRequestException.ofField(key, "set it with its own builder method, not as an extra field");
            }
            checkJsonValue(key, value);
        });
        return extra;
    }

    private static void checkJsonValue(String field, Object value) {
        if ((value instanceof Double number && !Double.isFinite(number))
                || (value instanceof Float single && !Float.isFinite(single))) {
            // JSON has no NaN or infinity: each JSON library would write something else, or fail.
            throw InvalidRequestException.ofField(field, "numbers must be finite, got " + value);
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(item -> checkJsonValue(field, item));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (!(k instanceof String)) {
                    throw InvalidRequestException.ofField(field, "nested field names must be strings");
                }
                checkJsonValue(field, v);
            });
            return;
        }
        throw InvalidRequestException.ofField(field, "values must be strings, numbers, booleans, lists or maps, got "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    /** Builds an {@link ImageRequest}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private Model model = Model.GEMPIX2;
        private String prompt;
        private final List<URI> referenceImages = new ArrayList<>();
        private URI callbackUrl;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param model the model; default {@link Model#GEMPIX2}
         * @return this builder
         */
        public Builder model(Model model) {
            this.model = model;
            return this;
        }

        /**
         * @param modelId a model id such as {@code google/gempix2}
         * @return this builder
         */
        public Builder model(String modelId) {
            return model(Model.of(modelId));
        }

        /**
         * @param prompt the text describing the image; required
         * @return this builder
         */
        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        /**
         * @param image a reference image to append (http(s) URL or data URI)
         * @return this builder
         */
        public Builder referenceImage(URI image) {
            referenceImages.add(image);
            return this;
        }

        /**
         * @param images the reference images, replacing any added before; default none
         * @return this builder
         */
        public Builder referenceImages(List<URI> images) {
            referenceImages.clear();
            if (images != null) {
                referenceImages.addAll(images);
            }
            return this;
        }

        /**
         * @param url where the provider POSTs the final state; default none
         * @return this builder
         */
        public Builder callbackUrl(URI url) {
            this.callbackUrl = url;
            return this;
        }

        /**
         * @param name a body field the provider accepts but this library does not model, e.g. {@code aspect_ratio}
         * @param value its value: a string, number, boolean, list or map
         * @return this builder
         */
        public Builder extra(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        /**
         * @return the validated request
         * @throws InvalidRequestException naming the field at fault
         */
        public ImageRequest build() {
            return new ImageRequest(model, prompt, referenceImages, Optional.ofNullable(callbackUrl), extra);
        }
    }
}
