package com.coder.sdk.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * Sends raw requests for the cases the SDK cannot produce (repeated query parameters, unknown
 * parameters, missing fields, other credential forms), so the same assertions run against the fake
 * and a live deployment.
 */
final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final OkHttpClient client = new OkHttpClient();
  private final URI base;

  Http(URI base) {
    this.base = base;
  }

  /** An answer, read whole. */
  record Answer(int status, okhttp3.Headers headers, String body) {
    /** Parses the first JSON value of the body. */
    JsonNode json() {
      try {
        return JSON.readTree(JSON.getFactory().createParser(body));
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String message() {
      return json().path("message").asText();
    }

    String detail() {
      return json().path("detail").asText();
    }

    /** The validations as "field: detail" strings. */
    List<String> validations() {
      List<String> result = new java.util.ArrayList<>();
      json()
          .path("validations")
          .forEach(v -> result.add(v.path("field").asText() + ": " + v.path("detail").asText()));
      return result;
    }
  }

  Answer send(String method, String pathAndQuery, @Nullable String body, String... headers) {
    Request.Builder request =
        new Request.Builder()
            .url(base.toString().replaceAll("/$", "") + pathAndQuery)
            .method(method, body == null ? null : RequestBody.create(body, JSON_TYPE));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try (okhttp3.Response response = client.newCall(request.build()).execute()) {
      return new Answer(response.code(), response.headers(), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
    }
  }

  void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
