package dev.gempix2.testkit.internal;

import dev.gempix2.testkit.FakeResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** The provider's answers, in its own words (see the spec's examples). */
public final class ProviderAnswers {
    private ProviderAnswers() {
    }

    /**
     * @param data the {@code data} object
     * @return {@code 200 {"code":0,"message":"ok","data":...}}
     */
    public static FakeResponse ok(Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 0);
        body.put("message", "ok");
        body.put("data", data);
        return json(200, body);
    }

    /**
     * @param detail what is wrong, e.g. {@code prompt is required}
     * @return {@code 400 {"code":1,"message":"failed","detail":...}}
     */
    public static FakeResponse invalid(String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 1);
        body.put("message", "failed");
        body.put("detail", detail);
        return json(400, body);
    }

    /** @return the gen endpoint's 401: {@code {"code":1,"message":"Invalid API key"}} */
    public static FakeResponse unauthorizedOnSubmit() {
        return error(401, 1, "Invalid API key");
    }

    /** @return the query endpoint's 401: {@code {"code":401,"message":"Invalid API key"}} */
    public static FakeResponse unauthorizedOnQuery() {
        return error(401, 401, "Invalid API key");
    }

    /** @return {@code 404 {"code":1,"message":"task not found"}} */
    public static FakeResponse taskNotFound() {
        return error(404, 1, "task not found");
    }

    /**
     * @param what what was not found, e.g. {@code file}
     * @return {@code 404 {"code":1,"message":"<what> not found"}}
     */
    public static FakeResponse notFound(String what) {
        return error(404, 1, what + " not found");
    }

    /**
     * @param allowed the method the path takes
     * @return {@code 405} naming the method allowed
     */
    public static FakeResponse methodNotAllowed(String allowed) {
        return error(405, 1, "method not allowed, use " + allowed).withHeader("Allow", allowed);
    }

    /**
     * @param status the HTTP status
     * @param code the body's {@code code}
     * @param message the body's {@code message}
     * @return the answer
     */
    public static FakeResponse error(int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return json(status, body);
    }

    private static FakeResponse json(int status, Object body) {
        return FakeResponse.of(status, "application/json; charset=utf-8", Json.write(body));
    }
}
