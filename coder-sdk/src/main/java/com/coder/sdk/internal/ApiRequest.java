package com.coder.sdk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A description of one API call: method, path segments below {@code /api/v2}, query parameters in
 * order, and an optional body to serialise as JSON. Segments are encoded one by one, so a value
 * containing {@code /} or {@code ?} stays inside its segment.
 */
public final class ApiRequest {
  private final String method;
  private final List<String> segments;
  private final List<Map.Entry<String, String>> query = new ArrayList<>();
  private @Nullable Object body;

  private ApiRequest(String method, String... segments) {
    this.method = method;
    this.segments = List.of(segments);
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        // HTTP clients resolve dot segments, which would change the path.
        throw new IllegalArgumentException("not a valid path segment: \"" + segment + "\"");
      }
    }
  }

  public static ApiRequest get(String... segments) {
    return new ApiRequest("GET", segments);
  }

  public static ApiRequest post(String... segments) {
    return new ApiRequest("POST", segments);
  }

  public static ApiRequest put(String... segments) {
    return new ApiRequest("PUT", segments);
  }

  public static ApiRequest patch(String... segments) {
    return new ApiRequest("PATCH", segments);
  }

  public static ApiRequest delete(String... segments) {
    return new ApiRequest("DELETE", segments);
  }

  /** Adds a query parameter; parameters are sent in the order added. */
  public ApiRequest query(String name, String value) {
    query.add(Map.entry(name, Objects.requireNonNull(value, name + " == null")));
    return this;
  }

  /** Sets the value to send as the JSON body. */
  public ApiRequest body(Object body) {
    this.body = Objects.requireNonNull(body, "body == null");
    return this;
  }

  public String method() {
    return method;
  }

  public List<String> segments() {
    return segments;
  }

  public List<Map.Entry<String, String>> queryParameters() {
    return List.copyOf(query);
  }

  public @Nullable Object body() {
    return body;
  }
}
