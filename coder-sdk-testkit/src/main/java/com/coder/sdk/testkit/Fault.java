package com.coder.sdk.testkit;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A failure a {@link FakeCoderServer} injects into the next matching requests, for testing how code
 * copes with slow, throttled or failing servers. Immutable; pass one to {@link
 * FakeCoderServer#inject(Fault)}.
 *
 * <pre>{@code
 * // The next two job listings are throttled for 3 s, then the server answers normally.
 * coder.inject(Fault.rateLimit(Duration.ofSeconds(3))
 *     .onPath("/api/v2/organizations/default/provisionerjobs")
 *     .method("GET")
 *     .times(2));
 * // Three 503s in a row on any request.
 * coder.inject(Fault.serverError(503).times(3));
 * }</pre>
 *
 * <p>A request that meets a fault is still recorded in {@link FakeCoderServer#requests()}. Apart
 * from {@link #latency}, a fault answers in the server's place, so the request changes nothing.
 * Defaults: every path, every method, once.
 */
public final class Fault {
  /** The limit the fake reports in {@code X-RateLimit-Limit}: Coder's default of 512 a minute. */
  public static final int RATE_LIMIT = 512;

  enum Kind {
    LATENCY,
    RATE_LIMIT,
    SERVER_ERROR,
    GATEWAY_ERROR,
    DISCONNECT
  }

  private final Kind kind;
  private final Duration duration;
  private final int status;
  private final String pathGlob;
  private final Pattern path;
  private final @Nullable String method;
  private final int times;

  private Fault(
      Kind kind,
      Duration duration,
      int status,
      String pathGlob,
      @Nullable String method,
      int times) {
    this.kind = kind;
    this.duration = duration;
    this.status = status;
    this.pathGlob = pathGlob;
    this.path = compile(pathGlob);
    this.method = method;
    this.times = times;
  }

  /**
   * Delays the server's normal answer by {@code delay} before its headers are sent.
   *
   * @param delay how long to hold the answer back
   * @return the fault, once, on every path and method
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public static Fault latency(Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay is negative: " + delay);
    }
    return new Fault(Kind.LATENCY, delay, 200, "/**", null, 1);
  }

  /**
   * Answers 429 as Coder's rate limiter does: {@code Retry-After} in whole seconds, {@code
   * X-RateLimit-Limit: 512}, {@code X-RateLimit-Remaining: 0}, {@code X-RateLimit-Reset} (Unix
   * seconds when the wait ends) and the message {@code You've been rate limited for sending more
   * than 512 requests in 1m0s.}
   *
   * @param retryAfter the wait to announce in {@code Retry-After} and {@code X-RateLimit-Reset}
   * @return the fault, once, on every path and method
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public static Fault rateLimit(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter == null");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter is negative: " + retryAfter);
    }
    return new Fault(Kind.RATE_LIMIT, retryAfter, 429, "/**", null, 1);
  }

  /**
   * Answers with a 5xx status and Coder's error JSON, {@code An internal server error occurred.}
   *
   * @param status the status to answer, 500 to 599
   * @return the fault, once, on every path and method
   * @throws IllegalArgumentException unless {@code status} is 500 to 599
   */
  public static Fault serverError(int status) {
    return new Fault(Kind.SERVER_ERROR, Duration.ZERO, checkServerStatus(status), "/**", null, 1);
  }

  /**
   * Answers with a 5xx status and an HTML page, as a proxy or load balancer in front of Coder does
   * (typically 502, 503 or 504).
   *
   * @param status the status to answer, 500 to 599
   * @return the fault, once, on every path and method
   * @throws IllegalArgumentException unless {@code status} is 500 to 599
   */
  public static Fault gatewayError(int status) {
    return new Fault(Kind.GATEWAY_ERROR, Duration.ZERO, checkServerStatus(status), "/**", null, 1);
  }

  /**
   * Closes the connection after reading the request, without answering: the client sees the
   * connection drop. OkHttp retries some such failures on a new connection by itself, which counts
   * as another request.
   *
   * @return the fault, once, on every path and method
   */
  public static Fault disconnect() {
    return new Fault(Kind.DISCONNECT, Duration.ZERO, 0, "/**", null, 1);
  }

  /**
   * Limits the fault to paths that match {@code glob}, matched against the request path as sent
   * (still percent-encoded, without the query): {@code *} matches within one segment and {@code **}
   * across segments. Example: {@code /api/v2/organizations/*}. Default {@code /**}.
   *
   * @param glob the path pattern, starting with {@code /}
   * @return a copy of this fault limited to those paths
   * @throws IllegalArgumentException if {@code glob} does not start with {@code /}
   */
  public Fault onPath(String glob) {
    Objects.requireNonNull(glob, "glob == null");
    if (!glob.startsWith("/")) {
      throw new IllegalArgumentException("glob must start with /: " + glob);
    }
    return new Fault(kind, duration, status, glob, method, times);
  }

  /**
   * Limits the fault to one HTTP method, such as {@code GET}. Default: every method.
   *
   * @param method the method, in any case
   * @return a copy of this fault limited to that method
   */
  public Fault method(String method) {
    Objects.requireNonNull(method, "method == null");
    return new Fault(kind, duration, status, pathGlob, method.toUpperCase(Locale.ROOT), times);
  }

  /**
   * Sets how many matching requests meet the fault before it is spent. Default 1.
   *
   * @param times how many requests, at least 1
   * @return a copy of this fault with that count
   * @throws IllegalArgumentException if {@code times} is below 1
   */
  public Fault times(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    return new Fault(kind, duration, status, pathGlob, method, times);
  }

  /** {@return how many matching requests meet this fault before it is spent} */
  public int times() {
    return times;
  }

  Kind kind() {
    return kind;
  }

  Duration duration() {
    return duration;
  }

  int status() {
    return status;
  }

  boolean matches(String requestMethod, String encodedPath) {
    return (method == null || method.equals(requestMethod)) && path.matcher(encodedPath).matches();
  }

  @Override
  public String toString() {
    String what;
    switch (kind) {
      case LATENCY:
        what = "latency " + duration;
        break;
      case RATE_LIMIT:
        what = "429 retry after " + duration.toSeconds() + " s";
        break;
      case DISCONNECT:
        what = "disconnect";
        break;
      default:
        what = status + (kind == Kind.GATEWAY_ERROR ? " (HTML)" : "");
    }
    return "Fault{"
        + what
        + " on "
        + (method == null ? "" : method + " ")
        + pathGlob
        + " x"
        + times
        + "}";
  }

  private static int checkServerStatus(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be 500 to 599, was " + status);
    }
    return status;
  }

  private static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          regex.append(".*");
          i++;
        } else {
          regex.append("[^/]*");
        }
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
