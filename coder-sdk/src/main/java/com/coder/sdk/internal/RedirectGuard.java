package com.coder.sdk.internal;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from following a redirect that leaves the deployment's origin (scheme, host and
 * port), http to https on the same host included.
 *
 * <p>Such a redirect is refused rather than followed without credentials: the other origin would
 * answer an API call without the token with 401 or a sign-in page, which hides the real cause,
 * while OkHttp would still copy every other header (and, for 307 and 308, the body) onto it. A
 * same-host upgrade to https is refused too: following it would keep a client configured with an
 * http URL sending its token in clear text on every call. The answer reaches the caller as an error
 * that names the target's origin.
 *
 * <p>It must be installed as a network interceptor, where it sees every hop's answer before OkHttp
 * decides to follow it.
 */
public final class RedirectGuard implements Interceptor {
  /** Carries a refused redirect's target to the error mapper; never sent over the network. */
  static final String REFUSED_LOCATION = "X-Coder-Sdk-Refused-Location";

  private final HttpUrl origin;

  public RedirectGuard(HttpUrl origin) {
    this.origin = origin;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (!response.isRedirect()) {
      return response;
    }
    String location = response.header("Location");
    if (location == null) {
      return response;
    }
    HttpUrl target = response.request().url().resolve(location);
    if (target != null && AuthInterceptor.sameOrigin(target, origin)) {
      return response;
    }
    // Without a Location header OkHttp hands the 3xx back instead of following it.
    return response
        .newBuilder()
        .removeHeader("Location")
        .header(REFUSED_LOCATION, location)
        .build();
  }
}
