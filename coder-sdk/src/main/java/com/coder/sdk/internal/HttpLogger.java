package com.coder.sdk.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * Logs HTTP exchanges to the {@link System.Logger} {@code com.coder.sdk.http} at {@code DEBUG},
 * with secrets removed.
 *
 * <p>Redaction works by allow-list: a header's value is printed only if its name is on a short list
 * of headers that never carry secrets; every other value, including credentials the SDK does not
 * know about (extra headers for a proxy in front of Coder, cookies), is replaced. Bodies are cut
 * after 4 KiB, and license JWTs, session tokens, and the values of JSON fields named like secrets
 * are masked. Query values of parameters that can carry a token are masked too.
 *
 * <p>Installed as the last network interceptor, it sees each hop as it goes over the wire,
 * credentials included, which is why it redacts rather than trusts what it is given.
 */
public final class HttpLogger implements Interceptor {
  /** The name of the logger the SDK's HTTP records go to. */
  public static final String LOGGER_NAME = "com.coder.sdk.http";

  static final String MASK = "██";
  private static final long MAX_BODY = 4096;

  private static final Set<String> SHOWN_HEADERS =
      Set.of(
          "accept",
          "accept-encoding",
          "cache-control",
          "connection",
          "content-encoding",
          "content-length",
          "content-type",
          "date",
          "host",
          "location",
          "retry-after",
          "server",
          "transfer-encoding",
          "user-agent",
          "vary",
          "x-coder-build-version",
          "x-ratelimit-limit",
          "x-ratelimit-remaining",
          "x-ratelimit-reset");

  private static final Set<String> SECRET_QUERY_PARAMETERS =
      Set.of("coder_session_token", "access_token", "token");

  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*");
  private static final Pattern SESSION_TOKEN =
      Pattern.compile("(?<![A-Za-z0-9])[A-Za-z0-9]{10}-[A-Za-z0-9]{22}(?![A-Za-z0-9])");
  private static final Pattern SECRET_FIELD =
      Pattern.compile(
          "(\"[A-Za-z_]*(?:license|token|key|secret|password)[A-Za-z_]*\"\\s*:\\s*)"
              + "\"(?:[^\"\\\\]|\\\\.)*\"",
          Pattern.CASE_INSENSITIVE);

  private final System.Logger log;
  private final boolean headers;
  private final boolean bodies;

  /**
   * @param headers whether to log headers
   * @param bodies whether to log bodies as well (implies headers)
   */
  public HttpLogger(boolean headers, boolean bodies) {
    this.log = System.getLogger(LOGGER_NAME);
    this.headers = headers || bodies;
    this.bodies = bodies;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!log.isLoggable(Level.DEBUG)) {
      return chain.proceed(request);
    }

    StringBuilder out = new StringBuilder("--> ").append(request.method()).append(' ');
    out.append(url(request.url()));
    if (headers) {
      appendHeaders(out, request.headers());
    }
    if (bodies) {
      appendRequestBody(out, request.body());
    }
    log.log(Level.DEBUG, out.toString());

    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log.log(Level.DEBUG, "<-- FAILED " + url(request.url()) + ": " + e);
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    StringBuilder in = new StringBuilder("<-- ").append(response.code());
    if (!response.message().isEmpty()) {
      in.append(' ').append(response.message());
    }
    in.append(' ').append(url(response.request().url())).append(" (").append(millis).append(" ms)");
    if (headers) {
      appendHeaders(in, response.headers());
    }
    if (bodies) {
      appendResponseBody(in, response);
    }
    log.log(Level.DEBUG, in.toString());
    return response;
  }

  /** Returns the URL with the values of token-bearing query parameters masked. */
  static String url(HttpUrl url) {
    HttpUrl.Builder builder = url.newBuilder().username("").password("");
    for (String name : url.queryParameterNames()) {
      if (SECRET_QUERY_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
        builder.setQueryParameter(name, MASK);
      }
    }
    return builder.build().toString();
  }

  private static void appendHeaders(StringBuilder out, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      if (!SHOWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        value = MASK;
      } else if (name.equalsIgnoreCase("location")) {
        // A redirect target can carry one-time codes in its query.
        int query = value.indexOf('?');
        value = query < 0 ? value : value.substring(0, query) + "?" + MASK;
      }
      out.append('\n').append(name).append(": ").append(value);
    }
  }

  private static void appendRequestBody(StringBuilder out, @Nullable RequestBody body) {
    if (body == null) {
      return;
    }
    if (!(body instanceof JsonBody)) {
      out.append("\n(body not logged)");
      return;
    }
    byte[] bytes = ((JsonBody) body).bytes();
    if (bytes.length > 0) {
      Buffer buffer = new Buffer().write(bytes);
      out.append('\n').append(text(buffer, bytes.length));
    }
  }

  private static void appendResponseBody(StringBuilder out, Response response) throws IOException {
    MediaType type = response.body().contentType();
    if (type != null && !HttpPipeline.isJson(type) && !type.type().equals("text")) {
      out.append("\n(").append(type).append(" body not logged)");
      return;
    }
    BufferedSource peek = response.body().source().peek();
    if ("gzip".equalsIgnoreCase(response.header("Content-Encoding"))) {
      peek = Okio.buffer(new GzipSource(peek));
    }
    Buffer head = new Buffer();
    try {
      while (head.size() < MAX_BODY + 1 && peek.read(head, MAX_BODY + 1 - head.size()) != -1) {
        // Read until the limit or the end of the body.
      }
    } catch (IOException e) {
      // The body broke off; log what came and let the caller meet the failure when it reads.
    }
    if (head.size() > 0) {
      out.append('\n').append(text(head, head.size() > MAX_BODY ? -1 : head.size()));
    }
  }

  /**
   * Returns the first 4 KiB of {@code body} as masked text.
   *
   * @param total the body's full size, or -1 when it is known only to be longer than the limit
   */
  private static String text(Buffer body, long total) {
    long shown = Math.min(body.size(), MAX_BODY);
    Buffer head = new Buffer();
    body.copyTo(head, 0, shown);
    String text = mask(head.readUtf8());
    if (total < 0 || total > shown) {
      text += "\n(cut after " + shown + " bytes)";
    }
    return text;
  }

  /** Masks license JWTs, session tokens and the values of fields named like secrets. */
  static String mask(String text) {
    String masked = SECRET_FIELD.matcher(text).replaceAll("$1\"" + MASK + "\"");
    masked = JWT.matcher(masked).replaceAll(MASK);
    return SESSION_TOKEN.matcher(masked).replaceAll(MASK);
  }
}
