package com.coder.sdk.testkit;

import com.coder.sdk.testkit.internal.QueryParams;
import com.coder.sdk.testkit.internal.SessionTokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One request a {@link FakeCoderServer} received, as sent, for tests to assert on. See {@link
 * FakeCoderServer#requests()}.
 *
 * <pre>{@code
 * RecordedCall call = coder.lastRequest();
 * assertThat(call.method()).isEqualTo("GET");
 * assertThat(call.path()).isEqualTo("/api/v2/organizations/default/provisionerjobs");
 * assertThat(call.queryParameter("status")).isEqualTo("pending,running");
 * assertThat(call.sessionToken()).contains(coder.adminToken());
 * }</pre>
 *
 * <p>The accessors return credentials as they were sent, but {@link #toString()} hides the values
 * of {@code Coder-Session-Token}, {@code Authorization}, {@code Cookie} and {@code
 * Proxy-Authorization}, the token query parameters, and the body (shown as its length), so a
 * failing assertion does not print a secret.
 *
 * @param method the HTTP method
 * @param path the path as sent, still percent-encoded, such as {@code /api/v2/organizations}
 * @param query the query as sent, still percent-encoded, without {@code ?}; {@code ""} if none
 * @param headers the headers, names in lower case, values in the order sent
 * @param body the body as UTF-8 text; {@code ""} if none
 */
public record RecordedCall(
    String method, String path, String query, Map<String, List<String>> headers, String body) {

  private static final Set<String> SECRET_HEADERS =
      Set.of("coder-session-token", "authorization", "cookie", "proxy-authorization");
  private static final Set<String> SECRET_PARAMETERS =
      Set.of("coder_session_token", "access_token");

  /**
   * Creates a call, copying the headers with their names in lower case.
   *
   * @param method the HTTP method
   * @param path the path as sent, still percent-encoded
   * @param query the query as sent, still percent-encoded, without {@code ?}; {@code ""} if none
   * @param headers the headers, names in any case, values in the order sent
   * @param body the body as UTF-8 text; {@code ""} if none
   */
  public RecordedCall {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
  }

  /**
   * {@return the first value of a header (name ignoring case), or null if it was not sent}
   *
   * @param name the header's name, in any case
   */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * {@return the first decoded value of a query parameter, or null if it was not sent}
   *
   * @param name the parameter's decoded name
   */
  public @Nullable String queryParameter(String name) {
    List<String> values = queryParameters(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /**
   * {@return every decoded value of a query parameter, in order; empty if it was not sent}
   *
   * @param name the parameter's decoded name
   */
  public List<String> queryParameters(String name) {
    List<String> values = QueryParams.decode(query).get(name);
    return values == null ? List.of() : List.copyOf(values);
  }

  /**
   * {@return the session token the request carried, looked up as Coder does: the {@code
   * coder_session_token} cookie, then that query parameter, the {@code Coder-Session-Token} header,
   * a bearer {@code Authorization} header, and the {@code access_token} parameter}
   */
  public Optional<String> sessionToken() {
    return Optional.ofNullable(
        SessionTokens.find(
            header("Cookie"), query, header("Coder-Session-Token"), header("Authorization")));
  }

  /** Shows the call with every credential replaced by {@code ****} and the body as a length. */
  @Override
  public String toString() {
    List<String> shownHeaders = new ArrayList<>();
    headers.forEach(
        (name, values) -> {
          for (String value : values) {
            shownHeaders.add(name + ": " + (SECRET_HEADERS.contains(name) ? "****" : value));
          }
        });
    return "RecordedCall{"
        + method
        + " "
        + path
        + redactedQuery()
        + ", headers="
        + shownHeaders
        + ", body="
        + body.length()
        + " chars}";
  }

  private String redactedQuery() {
    if (query.isEmpty()) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      pairs.add(SECRET_PARAMETERS.contains(name) ? name + "=****" : pair);
    }
    return "?" + String.join("&", pairs);
  }
}
