package com.coder.sdk;

import com.coder.sdk.internal.AuthSchemes;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Adds credentials to the requests a {@link CoderClient} sends.
 *
 * <p>The client calls {@link #authenticate} for every request (every attempt and every redirect
 * hop) whose scheme, host and port equal those of the deployment URL, and never for any other
 * origin: a redirect to another host does not carry the credentials. Because it is called per
 * request, a supplier-based scheme picks up a rotated token without rebuilding the client.
 *
 * <pre>{@code
 * // The usual case: a session token in the Coder-Session-Token header.
 * CoderAuth auth = CoderAuth.sessionToken(System.getenv("CODER_SESSION_TOKEN"));
 *
 * // A token read from a secret store on each request, plus a header for a proxy in front of Coder.
 * CoderAuth rotating = CoderAuth.sessionToken(vault::currentCoderToken)
 *     .and(CoderAuth.headers(Map.of("CF-Access-Client-Id", clientId)));
 * }</pre>
 *
 * <p>Implementations must be thread-safe. The factories here never reveal a credential in {@code
 * toString()}.
 */
@FunctionalInterface
public interface CoderAuth {

  /** The name of the header Coder reads the session token from. */
  String SESSION_TOKEN_HEADER = "Coder-Session-Token";

  /**
   * Sets the credential headers of one request.
   *
   * @param headers the request's headers; {@link RequestHeaders#set} replaces a header of the same
   *     name
   */
  void authenticate(RequestHeaders headers);

  /** The headers of a request being authenticated. */
  interface RequestHeaders {
    /**
     * Sets a header, replacing any value it had.
     *
     * @param name the header name
     * @param value the header value
     * @throws IllegalArgumentException if the name or value cannot be sent in an HTTP header (the
     *     message never includes the value)
     */
    void set(String name, String value);
  }

  /**
   * {@return a scheme that runs this one, then {@code next}}
   *
   * @param next the scheme to run after this one
   */
  default CoderAuth and(CoderAuth next) {
    return AuthSchemes.both(this, next);
  }

  /** {@return a scheme that sends no credentials} */
  static CoderAuth none() {
    return AuthSchemes.none();
  }

  /**
   * Sends {@code token} in the {@code Coder-Session-Token} header, as Coder's own clients do.
   *
   * @param token the session token or API token
   * @return the scheme
   */
  static CoderAuth sessionToken(String token) {
    Objects.requireNonNull(token, "token == null");
    return sessionToken(() -> token);
  }

  /**
   * Sends the token that {@code tokens} returns, asked again for every request, in the {@code
   * Coder-Session-Token} header.
   *
   * @param tokens asked for the token on every request; it must not return null or a blank string,
   *     or the call fails with {@link CoderException}
   * @return the scheme
   */
  static CoderAuth sessionToken(Supplier<String> tokens) {
    return AuthSchemes.token(tokens, SESSION_TOKEN_HEADER, "", "CoderAuth.sessionToken(****)");
  }

  /**
   * Sends {@code token} as {@code Authorization: Bearer <token>}. Coder accepts this form in recent
   * releases; older servers read only {@code Coder-Session-Token}.
   *
   * @param token the session token or API token
   * @return the scheme
   */
  static CoderAuth bearerToken(String token) {
    Objects.requireNonNull(token, "token == null");
    return bearerToken(() -> token);
  }

  /**
   * Sends the token that {@code tokens} returns, asked again per request, as a bearer token.
   *
   * @param tokens asked for the token on every request; it must not return null or a blank string,
   *     or the call fails with {@link CoderException}
   * @return the scheme
   */
  static CoderAuth bearerToken(Supplier<String> tokens) {
    return AuthSchemes.token(tokens, "Authorization", "Bearer ", "CoderAuth.bearerToken(****)");
  }

  /**
   * Sends fixed extra headers, for example those an identity-aware proxy in front of Coder needs.
   * Their values are treated as secrets: they go only to the deployment's origin and are never
   * printed.
   *
   * @param headers header names and values; copied, so later changes to the map are not seen
   * @return the scheme
   */
  static CoderAuth headers(Map<String, String> headers) {
    return AuthSchemes.fixedHeaders(headers);
  }
}
