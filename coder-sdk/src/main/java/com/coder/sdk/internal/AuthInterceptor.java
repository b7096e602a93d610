package com.coder.sdk.internal;

import com.coder.sdk.CoderAuth;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds credentials to each network request whose origin (scheme, host and port) is the
 * deployment's, and to no other.
 *
 * <p>It must be installed as a network interceptor. OkHttp rebuilds a redirect from the original
 * request, so credentials added here never travel to a redirect target on their own; this
 * interceptor runs again for every hop and adds them back only when the hop stays on the origin.
 */
public final class AuthInterceptor implements Interceptor {
  private final HttpUrl origin;
  private final CoderAuth auth;

  public AuthInterceptor(HttpUrl origin, CoderAuth auth) {
    this.origin = origin;
    this.auth = auth;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(authenticate(chain.request()));
  }

  /**
   * Returns {@code request} with credentials added when it goes to the deployment's origin, and
   * unchanged otherwise.
   *
   * @throws AuthenticationFailure if the {@link CoderAuth} failed
   */
  public Request authenticate(Request request) throws AuthenticationFailure {
    if (!sameOrigin(request.url(), origin)) {
      return request;
    }

    Request.Builder authenticated = request.newBuilder();
    try {
      auth.authenticate((name, value) -> authenticated.header(name, checkedValue(name, value)));
    } catch (RuntimeException e) {
      throw new AuthenticationFailure(e);
    }
    return authenticated.build();
  }

  static boolean sameOrigin(HttpUrl url, HttpUrl origin) {
    return url.scheme().equals(origin.scheme())
        && url.host().equals(origin.host())
        && url.port() == origin.port();
  }

  /**
   * Checks a header before OkHttp does, because OkHttp's own message quotes the value, and the
   * value here is a credential.
   */
  private static String checkedValue(String name, String value) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("header name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == ':') {
        throw new IllegalArgumentException(
            "header name \"" + name + "\" has a character not allowed");
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c >= 0x7f) {
        throw new IllegalArgumentException(
            "value of header " + name + " has a character not allowed in HTTP at index " + i);
      }
    }
    return value;
  }

  /** Credentials could not be added; carried through OkHttp as an I/O failure. */
  public static final class AuthenticationFailure extends IOException {
    private static final long serialVersionUID = 1L;

    AuthenticationFailure(RuntimeException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
