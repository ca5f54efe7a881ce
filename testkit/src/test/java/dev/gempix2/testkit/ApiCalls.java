package dev.gempix2.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.TaskId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Raw HTTP calls to a fake, as any client would make them, for the fake's own tests. */
final class ApiCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final FakeGemPix2Backend fake;

    ApiCalls(FakeGemPix2Backend fake) {
        this.fake = fake;
    }

    static String body(String prompt) {
        return "{\"model\":\"google/gempix2\",\"prompt\":\"" + prompt + "\"}";
    }

    HttpResponse<String> submit(String json) {
        return send(submitRequest(json, fake.apiKey().authorizationHeader()));
    }

    HttpResponse<String> submitWith(String authorization, String json) {
        return send(submitRequest(json, authorization));
    }

    CompletableFuture<HttpResponse<String>> submitAsync(String json) {
        return HTTP.sendAsync(submitRequest(json, fake.apiKey().authorizationHeader()),
                HttpResponse.BodyHandlers.ofString());
    }

    TaskId submitPrompt(String prompt) {
        HttpResponse<String> response = submit(body(prompt));
        if (response.statusCode() != 200) {
            throw new AssertionError("submit answered " + response.statusCode() + ": " + response.body());
        }
        return TaskId.of((String) data(response).get("task_id"));
    }

    HttpResponse<String> query(TaskId id) {
        return send(queryRequest(id.value(), fake.apiKey()));
    }

    HttpResponse<String> queryWith(ApiKey key, String rawTaskId) {
        return send(queryRequest(rawTaskId, key));
    }

    CompletableFuture<HttpResponse<String>> queryAsync(TaskId id) {
        return HTTP.sendAsync(queryRequest(id.value(), fake.apiKey()), HttpResponse.BodyHandlers.ofString());
    }

    Map<String, Object> queryData(TaskId id) {
        HttpResponse<String> response = query(id);
        if (response.statusCode() != 200) {
            throw new AssertionError("query answered " + response.statusCode() + ": " + response.body());
        }
        return data(response);
    }

    HttpResponse<byte[]> get(URI url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    static Map<String, Object> json(String body) {
        try {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
        } catch (IOException notJson) {
            throw new AssertionError("not a JSON object: " + body, notJson);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(HttpResponse<String> response) {
        return (Map<String, Object>) json(response.body()).get("data");
    }

    private HttpRequest submitRequest(String json, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(fake.baseUrl().resolve("/api/image/gen"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private HttpRequest queryRequest(String rawTaskId, ApiKey key) {
        return HttpRequest.newBuilder(fake.baseUrl().resolve("/api/task/query?task_id=" + rawTaskId))
                .header("Authorization", key.authorizationHeader()).GET().build();
    }
}
