package com.coder.sdk.internal;

import java.io.IOException;
import java.net.Proxy;
import okhttp3.Authenticator;
import okhttp3.Connection;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;

/**
 * Basic credentials for an HTTP proxy. As the proxy authenticator it answers a 407 and OkHttp's
 * pre-emptive challenge before a CONNECT tunnel (https deployments). As a network interceptor it
 * adds them up front to plain-http requests sent through the proxy, because a POST whose body is
 * sent only once could not be repeated after a 407.
 */
public final class ProxyAuth implements Authenticator, Interceptor {
  private static final String HEADER = "Proxy-Authorization";

  private final String credentials;

  public ProxyAuth(String user, String password) {
    this.credentials = Credentials.basic(user, password);
  }

  @Override
  public @Nullable Request authenticate(@Nullable Route route, Response response) {
    if (credentials.equals(response.request().header(HEADER))) {
      // These credentials were refused already; asking again would loop.
      return null;
    }
    return response.request().newBuilder().header(HEADER, credentials).build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Connection connection = chain.connection();
    if (connection != null
        && !request.isHttps()
        && connection.route().proxy().type() == Proxy.Type.HTTP) {
      request = request.newBuilder().header(HEADER, credentials).build();
    }
    return chain.proceed(request);
  }

  @Override
  public String toString() {
    return "ProxyAuth(****)";
  }
}
