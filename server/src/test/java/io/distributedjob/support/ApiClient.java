package io.distributedjob.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A REST client for tests: real HTTP against a running server, JSON in and out, optionally with a bearer
 * token. Bodies may be JSON text or any object Jackson can write.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;

    public ApiClient(String baseUrl) {
        this(baseUrl, null);
    }

    private ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public static ApiClient onPort(int port) {
        return new ApiClient("http://127.0.0.1:" + port + "/v1");
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The access token this client sends, or null. */
    public String token() {
        return token;
    }

    public ApiClient withToken(String bearerToken) {
        return new ApiClient(baseUrl, bearerToken);
    }

    /** Logs in through {@code POST /auth/login} and returns a client carrying the access token. */
    public ApiClient login(String username, String password) {
        ApiResult result = post("/auth/login", json("username", username, "password", password));
        if (result.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + result);
        }
        return withToken(result.data().get("token").asString());
    }

    public ApiResult get(String path) {
        return send("GET", path, null);
    }

    public ApiResult delete(String path) {
        return send("DELETE", path, null);
    }

    public ApiResult post(String path, Object body) {
        return send("POST", path, body);
    }

    public ApiResult put(String path, Object body) {
        return send("PUT", path, body);
    }

    public ApiResult patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public ApiResult send(String method, String path, Object body) {
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        return sendRaw(method, path, text, "application/json");
    }

    public ApiResult sendRaw(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResult(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Builds a JSON object from alternating keys and values. */
    public static JsonNode json(Object... keysAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
        }
        return node;
    }

    public static JsonMapper mapper() {
        return JSON;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
