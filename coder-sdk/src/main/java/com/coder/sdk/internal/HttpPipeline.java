package com.coder.sdk.internal;

import com.coder.sdk.CoderApiException;
import com.coder.sdk.CoderDecodeException;
import com.coder.sdk.CoderException;
import com.coder.sdk.CoderTimeoutException;
import com.coder.sdk.CoderTimeoutException.Timeout;
import com.coder.sdk.CoderTransportException;
import com.coder.sdk.model.Response;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@link ApiRequest}s: builds the URL below {@code <deployment>/api/v2}, serialises the body,
 * sends the call, retries it when that is safe, and turns the answer into a decoded value or one of
 * the SDK's exceptions. It is the only place that talks to OkHttp and Jackson on behalf of the
 * sub-clients, synchronously ({@code call...}) or through OkHttp's dispatcher ({@code
 * call...Async}).
 *
 * <p>Retries live here rather than in an OkHttp interceptor: an interceptor runs on the thread of
 * the call, so waiting between attempts there would hold a dispatcher thread (and one of its
 * per-host slots) for the whole backoff. Here an asynchronous call waits on a timer and enqueues
 * its next attempt as a new call, and each attempt gets its own event listener, which tells whether
 * a request can have reached the server.
 */
public final class HttpPipeline implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient client;
  private final OkHttpClient webSocketClient;
  private final AuthInterceptor auth;
  private final HttpUrl apiRoot;
  private final String userAgent;
  private final boolean ownsClient;
  private final RetryRules retries;
  private final ObjectMapper mapper = Json.mapper();
  private volatile boolean closed;

  /**
   * @param apiRoot the deployment URL with {@code api/v2} appended
   * @param client the client to send calls with, already carrying the SDK's interceptors
   * @param auth adds credentials; used directly for WebSocket upgrades, which OkHttp does not pass
   *     through network interceptors
   * @param ownsClient whether {@link #close()} releases the client's threads and connections
   * @param userAgent the {@code User-Agent} header to send
   * @param retries when and how to retry failed attempts
   */
  public HttpPipeline(
      HttpUrl apiRoot,
      OkHttpClient client,
      AuthInterceptor auth,
      boolean ownsClient,
      String userAgent,
      RetryRules retries) {
    this.apiRoot = apiRoot;
    this.client = client;
    this.auth = auth;
    // Credentials are set on the upgrade request itself, so no redirect may carry them elsewhere.
    this.webSocketClient = client.newBuilder().followRedirects(false).build();
    this.ownsClient = ownsClient;
    this.userAgent = userAgent;
    this.retries = retries;
  }

  /** Sends the call and decodes the body as {@code type}; an empty or {@code null} body fails. */
  public <T> T call(ApiRequest request, Class<T> type) {
    return execute(new Exchange<>(request, single(type)));
  }

  /** Like {@link #call}, through OkHttp's dispatcher; cancelling the future cancels the call. */
  public <T> CompletableFuture<T> callAsync(ApiRequest request, Class<T> type) {
    return enqueue(new Exchange<>(request, single(type)));
  }

  /**
   * Sends the call and decodes a JSON array; an empty or {@code null} body is an empty list, and
   * {@code null} elements are dropped.
   */
  public <T> List<T> callForList(ApiRequest request, Class<T> elementType) {
    return execute(new Exchange<>(request, list(elementType)));
  }

  /** Like {@link #callForList}, through OkHttp's dispatcher. */
  public <T> CompletableFuture<List<T>> callForListAsync(ApiRequest request, Class<T> elementType) {
    return enqueue(new Exchange<>(request, list(elementType)));
  }

  /** Sends a call whose answer is only a message; an empty body is a message of {@code ""}. */
  public Response callForMessage(ApiRequest request) {
    return execute(new Exchange<>(request, message()));
  }

  /** Like {@link #callForMessage}, through OkHttp's dispatcher. */
  public CompletableFuture<Response> callForMessageAsync(ApiRequest request) {
    return enqueue(new Exchange<>(request, message()));
  }

  /** Serialises {@code value} with the SDK's JSON configuration, for query values. */
  public String toJson(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JacksonException e) {
      throw new CoderException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** Returns the URL the request goes to. */
  public HttpUrl url(ApiRequest request) {
    HttpUrl.Builder url = apiRoot.newBuilder();
    for (String segment : request.segments()) {
      url.addPathSegment(segment);
    }
    for (Map.Entry<String, String> parameter : request.queryParameters()) {
      url.addQueryParameter(parameter.getKey(), parameter.getValue());
    }
    return url.build();
  }

  /**
   * Opens a WebSocket for {@code request} (a GET) and delivers each text message, decoded as {@code
   * type}, to {@code sink}. Credentials are added only because the URL is on the deployment's
   * origin; redirects are not followed.
   *
   * @return a handle that closes the socket
   */
  public <T> AutoCloseable stream(ApiRequest request, Class<T> type, StreamSink<T> sink) {
    checkOpen();
    HttpUrl url = url(request);
    String target = target(url);
    Request upgrade;
    try {
      upgrade =
          auth.authenticate(new Request.Builder().url(url).header("User-Agent", userAgent).build());
    } catch (AuthInterceptor.AuthenticationFailure e) {
      throw new CoderException(
          "GET " + target + ": could not add credentials: " + e.getMessage(), e.getCause());
    }

    WebSocket socket =
        webSocketClient.newWebSocket(upgrade, new StreamListener<>(url, target, type, sink));
    return () -> socket.close(1000, null);
  }

  /** Receives the values of a {@link #stream}; called on OkHttp's threads. */
  public interface StreamSink<T> {
    void onValue(T value);

    /** The server closed the stream normally. */
    void onEnd();

    void onFailure(CoderException failure);
  }

  private final class StreamListener<T> extends WebSocketListener {
    private final HttpUrl url;
    private final String target;
    private final Class<T> type;
    private final StreamSink<T> sink;

    StreamListener(HttpUrl url, String target, Class<T> type, StreamSink<T> sink) {
      this.url = url;
      this.target = target;
      this.type = type;
      this.sink = sink;
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      try {
        sink.onValue(mapper.readValue(text, type));
      } catch (JacksonException e) {
        socket.cancel();
        String excerpt = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        sink.onFailure(
            new CoderDecodeException(
                "GET "
                    + target
                    + " streamed a message that is not the expected JSON: "
                    + e.getOriginalMessage(),
                101,
                "GET",
                target,
                null,
                excerpt,
                e));
      }
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason) {
      socket.close(1000, null);
      sink.onEnd();
    }

    @Override
    public void onClosed(WebSocket socket, int code, String reason) {
      sink.onEnd();
    }

    @Override
    public void onFailure(
        WebSocket socket, Throwable failure, okhttp3.@Nullable Response response) {
      if (response != null && response.code() != 101) {
        sink.onFailure(ErrorMapper.toException("GET", target, response));
      } else if (failure instanceof IOException) {
        sink.onFailure(
            new CoderTransportException(
                "GET "
                    + redacted(url)
                    + " failed while streaming: "
                    + describe((IOException) failure),
                "GET",
                redacted(url),
                failure));
      } else {
        sink.onFailure(new CoderException("GET " + target + " failed while streaming", failure));
      }
    }
  }

  /** Returns true once {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Refuses further calls. When the client is the SDK's own, also cancels the calls in flight,
   * stops the dispatcher's threads and closes the pooled connections.
   */
  @Override
  public void close() {
    closed = true;
    if (ownsClient) {
      client.dispatcher().cancelAll();
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this CoderClient is closed");
    }
  }

  private <T> T execute(Exchange<T> exchange) {
    while (true) {
      checkOpen();
      Call call = exchange.newCall();
      Step<T> step;
      try {
        step = exchange.onResponse(call.execute());
      } catch (IOException e) {
        step = exchange.onFailure(e);
      }

      if (step.error != null) {
        throw step.error;
      }
      if (step.wait == null) {
        return step.value();
      }
      try {
        retries.timer().delay(step.wait).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw exchange.interrupted(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("the retry timer failed", e.getCause());
      }
    }
  }

  private <T> CompletableFuture<T> enqueue(Exchange<T> exchange) {
    checkOpen();
    CompletableFuture<T> future = new CompletableFuture<>();
    // Whoever completes the future first (a caller's cancel() included) stops the work behind it.
    future.whenComplete((value, error) -> exchange.cancel());
    exchange.startAsync(future);
    return future;
  }

  /**
   * Completes a future off the thread of the OkHttp call: OkHttp releases the call's dispatcher
   * slot only when its callback returns, and a caller's dependent stage that waits for another call
   * of the same host would otherwise hold it.
   */
  private void completeLater(Runnable completion) {
    try {
      client.dispatcher().executorService().execute(completion);
    } catch (RejectedExecutionException e) {
      completion.run();
    }
  }

  /** What to do after an attempt: return a value, throw an exception, or wait and try again. */
  private static final class Step<T> {
    final @Nullable T value;
    final @Nullable RuntimeException error;
    final @Nullable Duration wait;

    private Step(@Nullable T value, @Nullable RuntimeException error, @Nullable Duration wait) {
      this.value = value;
      this.error = error;
      this.wait = wait;
    }

    static <T> Step<T> done(T value) {
      return new Step<>(value, null, null);
    }

    static <T> Step<T> fail(RuntimeException error) {
      return new Step<>(null, error, null);
    }

    static <T> Step<T> retry(Duration wait) {
      return new Step<>(null, null, wait);
    }

    /** Returns the value of a step made by {@link #done}; decoders never produce null. */
    T value() {
      if (value == null) {
        throw new IllegalStateException("the step has no value: it failed or waits to retry");
      }
      return value;
    }
  }

  /** Turns a 2xx answer into the value the caller asked for. */
  @FunctionalInterface
  private interface Decoder<T> {
    T decode(String method, String target, okhttp3.Response response) throws IOException;
  }

  private <T> Decoder<T> single(Class<T> type) {
    JavaType javaType = mapper.constructType(type);
    return (method, target, response) -> {
      T value = decode(method, target, response, javaType);
      if (value == null) {
        throw ErrorMapper.decodeFailure(
            method, target, response, "", "the body is empty or JSON null", null);
      }
      return value;
    };
  }

  private <T> Decoder<List<T>> list(Class<T> elementType) {
    JavaType listType = mapper.getTypeFactory().constructCollectionType(List.class, elementType);
    return (method, target, response) -> {
      return Json.withoutNulls(decode(method, target, response, listType));
    };
  }

  private Decoder<Response> message() {
    JavaType type = mapper.constructType(Response.class);
    return (method, target, response) -> {
      Response value = decode(method, target, response, type);
      return value == null ? Response.of("") : value;
    };
  }

  /**
   * One call as the caller sees it, across all its attempts. The synchronous path uses it from one
   * thread; the asynchronous one hands it from callback to timer to callback, each step after the
   * previous one.
   */
  private final class Exchange<T> {
    private final String method;
    private final HttpUrl url;
    private final String target;
    private final @Nullable RequestBody body;
    private final Decoder<T> decoder;
    private final long startNanos;
    private final long deadlineNanos;
    private int attempt;
    private CallPhase phase = new CallPhase();
    private volatile @Nullable Call current;
    private volatile @Nullable CompletableFuture<Void> pendingWait;
    private volatile boolean cancelled;

    Exchange(ApiRequest request, Decoder<T> decoder) {
      this.method = request.method();
      this.url = url(request);
      this.target = target(url);
      this.body = requestBody(request);
      this.decoder = decoder;
      this.startNanos = retries.timer().nanoTime();
      long callTimeout = TimeUnit.MILLISECONDS.toNanos(client.callTimeoutMillis());
      this.deadlineNanos = callTimeout == 0 ? Long.MAX_VALUE : startNanos + callTimeout;
    }

    Call newCall() {
      attempt++;
      Request request =
          new Request.Builder()
              .url(url)
              .method(method, body)
              .header("Accept", "application/json")
              .header("User-Agent", userAgent)
              .build();
      Call call = client.newCall(request);
      phase = new CallPhase();
      call.addEventListener(phase);
      current = call;
      if (deadlineNanos != Long.MAX_VALUE) {
        // OkHttp's call timeout counts per call; the whole-call limit spans every attempt.
        long left = Math.max(1, deadlineNanos - retries.timer().nanoTime());
        call.timeout().timeout(left, TimeUnit.NANOSECONDS);
      }
      return call;
    }

    Step<T> onResponse(okhttp3.Response response) {
      try (response) {
        if (!response.isSuccessful()) {
          CoderApiException error = ErrorMapper.toException(method, target, response);
          if (!RetryRules.idempotent(method) || !RetryRules.retryableStatus(response.code())) {
            return failed(error, attempt > 1, null);
          }
          Duration serverWait = RetryRules.serverWait(response, retries.timer().now());
          return afterRetryableFailure(error, serverWait);
        }
        return Step.done(decoder.decode(method, target, response));
      } catch (IOException e) {
        // The answer had begun, so the server acted on the call: it is not sent again.
        return failed(transportFailure(e), attempt > 1, null);
      } catch (CoderException e) {
        return failed(e, attempt > 1, null);
      }
    }

    Step<T> onFailure(IOException e) {
      if (e instanceof AuthInterceptor.AuthenticationFailure) {
        return Step.fail(
            new CoderException(
                method + " " + target + ": could not add credentials: " + e.getMessage(),
                e.getCause()));
      }
      if (closed && (cancelled || callCanceled() || isRejected(e))) {
        return Step.fail(
            new IllegalStateException("this CoderClient was closed during the call", e));
      }

      CoderTransportException error = transportFailure(e);
      boolean callTimedOut =
          error instanceof CoderTimeoutException
              && ((CoderTimeoutException) error).timeout() == Timeout.CALL;
      boolean safeToRepeat = RetryRules.idempotent(method) || !phase.requestStarted();
      if (callTimedOut || !safeToRepeat || !worthRetrying(e)) {
        String note =
            safeToRepeat ? null : "not retried: the server may have received the " + method;
        return failed(error, attempt > 1 || note != null, note);
      }
      return afterRetryableFailure(error, null);
    }

    private Step<T> afterRetryableFailure(CoderException error, @Nullable Duration serverWait) {
      RetryRules.Verdict verdict = retries.next(attempt, startNanos, deadlineNanos, serverWait);
      if (verdict.wait == null) {
        return failed(error, true, verdict.stopNote);
      }
      return Step.retry(verdict.wait);
    }

    private Step<T> failed(CoderException error, boolean report, @Nullable String note) {
      if (report) {
        error.withAttempts(attempt, note);
      }
      return Step.fail(error);
    }

    CoderTransportException interrupted(InterruptedException e) {
      CoderTransportException error =
          new CoderTransportException(
              method + " " + redacted(url) + " was interrupted while waiting to retry",
              method,
              redacted(url),
              e);
      error.withAttempts(attempt, null);
      return error;
    }

    /** Builds the exception for an I/O failure, naming the timeout that fired if one did. */
    private CoderTransportException transportFailure(IOException e) {
      String where = redacted(url);
      Timeout fired = null;
      if (e instanceof SocketTimeoutException) {
        fired = phase.phase();
      } else if (e instanceof InterruptedIOException && callCanceled() && !cancelled) {
        // OkHttp cancels a call whose call timeout passes and reports it as interrupted.
        fired = Timeout.CALL;
      }
      if (fired == null) {
        return new CoderTransportException(
            method + " " + where + " failed: " + describe(e), method, where, e);
      }
      Duration limit = limit(fired);
      return new CoderTimeoutException(
          method
              + " "
              + where
              + " timed out: "
              + whatTimedOut(fired)
              + " within the "
              + fired.setting()
              + " of "
              + Durations.describe(limit),
          method,
          where,
          fired,
          limit,
          e);
    }

    /**
     * Returns true if the current attempt was canceled, by the caller or by OkHttp's call timeout.
     * OkHttp marks the call before it closes the socket, so this holds by the time the failure
     * arrives.
     */
    private boolean callCanceled() {
      Call call = current;
      return call != null && call.isCanceled();
    }

    void startAsync(CompletableFuture<T> future) {
      if (future.isDone()) {
        return;
      }
      if (closed) {
        future.completeExceptionally(new IllegalStateException("this CoderClient is closed"));
        return;
      }
      Call call;
      try {
        call = newCall();
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
        return;
      }
      if (future.isDone()) {
        call.cancel();
        return;
      }
      call.enqueue(
          new Callback() {
            @Override
            public void onResponse(Call call, okhttp3.Response response) {
              settle(future, () -> Exchange.this.onResponse(response));
            }

            @Override
            public void onFailure(Call call, IOException e) {
              settle(future, () -> Exchange.this.onFailure(e));
            }
          });
    }

    private void settle(CompletableFuture<T> future, Supplier<Step<T>> outcome) {
      Step<T> step;
      try {
        step = outcome.get();
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
        return;
      } catch (Error e) {
        future.completeExceptionally(e);
        throw e;
      }
      if (step.wait != null) {
        CompletableFuture<Void> wait = retries.timer().delay(step.wait);
        pendingWait = wait;
        wait.thenRun(() -> startAsync(future));
        if (future.isDone()) {
          wait.cancel(false);
        }
      } else if (step.error != null) {
        RuntimeException error = step.error;
        completeLater(() -> future.completeExceptionally(error));
      } else {
        T value = step.value();
        completeLater(() -> future.complete(value));
      }
    }

    /** Stops the work of an asynchronous call whose future is complete. */
    void cancel() {
      cancelled = true;
      Call call = current;
      if (call != null) {
        call.cancel();
      }
      CompletableFuture<Void> wait = pendingWait;
      if (wait != null) {
        wait.cancel(false);
      }
    }
  }

  private Duration limit(Timeout timeout) {
    switch (timeout) {
      case CONNECT:
        return Duration.ofMillis(client.connectTimeoutMillis());
      case WRITE:
        return Duration.ofMillis(client.writeTimeoutMillis());
      case READ:
        return Duration.ofMillis(client.readTimeoutMillis());
      default:
        return Duration.ofMillis(client.callTimeoutMillis());
    }
  }

  private static String whatTimedOut(Timeout timeout) {
    switch (timeout) {
      case CONNECT:
        return "could not connect";
      case WRITE:
        return "could not send the request";
      case READ:
        return "the server sent nothing";
      default:
        return "the call did not finish";
    }
  }

  /**
   * Returns false for failures that another attempt would meet again: the certificate or host name
   * did not check out, or the client refused the connection (such as cleartext that is not
   * allowed).
   */
  private static boolean worthRetrying(IOException e) {
    return !(e instanceof SSLPeerUnverifiedException)
        && !(e instanceof SSLHandshakeException
            && e.getCause() instanceof java.security.cert.CertificateException)
        && !(e instanceof java.net.UnknownServiceException)
        && !(e instanceof java.net.ProtocolException);
  }

  private static boolean isRejected(IOException e) {
    return e.getCause() instanceof RejectedExecutionException;
  }

  /**
   * Decodes a 2xx body straight from the stream, without holding it as a string. Returns null for
   * an empty body or JSON {@code null}.
   */
  private <T> @Nullable T decode(
      String method, String target, okhttp3.Response response, JavaType type) throws IOException {
    ResponseBody body = response.body();
    BufferedSource source = body.source();
    if (source.exhausted()) {
      return null;
    }

    String otherType = nonJsonType(response.header("Content-Type"));
    if (otherType != null) {
      throw ErrorMapper.decodeFailure(
          method,
          target,
          response,
          ErrorMapper.excerpt(source),
          "the body is "
              + otherType
              + ", not JSON; a proxy or sign-in page may have answered instead of Coder",
          null);
    }

    byte[] head = ErrorMapper.head(source);
    if (isBlank(head) && !source.request(head.length + 1L)) {
      // Only white space, such as the newline Coder ends every body with: nothing was sent.
      return null;
    }
    try {
      return mapper.readValue(source.inputStream(), type);
    } catch (JacksonException e) {
      // Jackson wraps a connection that broke or stalled mid-body; that is not bad JSON.
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof IOException && !(cause instanceof JacksonException)) {
          throw (IOException) cause;
        }
      }
      throw ErrorMapper.decodeFailure(
          method,
          target,
          response,
          ErrorMapper.excerpt(head),
          "the body is not the expected JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  private @Nullable RequestBody requestBody(ApiRequest request) {
    boolean oneShot = !RetryRules.idempotent(request.method());
    Object body = request.body();
    if (body != null) {
      try {
        return new JsonBody(mapper.writeValueAsBytes(body), JSON, oneShot);
      } catch (JacksonException e) {
        throw new CoderException(
            "cannot serialise the body of " + request.method() + " " + request.segments(), e);
      }
    }
    return request.method().equals("GET") ? null : new JsonBody(new byte[0], null, oneShot);
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  static boolean isJson(MediaType type) {
    return isJsonSubtype(type.subtype());
  }

  private static boolean isJsonSubtype(String subtype) {
    return subtype.equals("json") || subtype.endsWith("+json");
  }

  /**
   * Returns the {@code type/subtype}, in lower case, of a {@code Content-Type} that names something
   * other than JSON; null when it names JSON, is absent, or does not parse. It reads the header by
   * hand because {@link MediaType#parse} runs regular expressions, a cost every call would pay.
   */
  static @Nullable String nonJsonType(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    int end = contentType.indexOf(';');
    String essence =
        (end < 0 ? contentType : contentType.substring(0, end)).trim().toLowerCase(Locale.ROOT);
    int slash = essence.indexOf('/');
    if (slash <= 0
        || slash == essence.length() - 1
        || essence.indexOf('/', slash + 1) >= 0
        || essence.chars().anyMatch(Character::isWhitespace)) {
      return null;
    }
    return isJsonSubtype(essence.substring(slash + 1)) ? null : essence;
  }

  /** Returns the path and query of {@code url}, as used in exception messages. */
  static String target(HttpUrl url) {
    String query = url.encodedQuery();
    return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
  }

  /** Returns {@code url} without user info, which might carry a password. */
  static String redacted(HttpUrl url) {
    return url.newBuilder().username("").password("").build().toString();
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
