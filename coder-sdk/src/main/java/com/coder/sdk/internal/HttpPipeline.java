package com.coder.sdk.internal;

import com.coder.sdk.CoderDecodeException;
import com.coder.sdk.CoderException;
import com.coder.sdk.CoderTimeoutException;
import com.coder.sdk.CoderTransportException;
import com.coder.sdk.model.Response;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
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
 * sends the call, and turns the answer into a decoded value or one of the SDK's exceptions. It is
 * the only place that talks to OkHttp and Jackson on behalf of the sub-clients.
 */
public final class HttpPipeline implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

  private final OkHttpClient client;
  private final OkHttpClient webSocketClient;
  private final AuthInterceptor auth;
  private final HttpUrl apiRoot;
  private final String userAgent;
  private final boolean ownsClient;
  private final ObjectMapper mapper = Json.mapper();
  private volatile boolean closed;

  /**
   * @param apiRoot the deployment URL with {@code api/v2} appended
   * @param client the client to send calls with, already carrying {@code auth} as a network
   *     interceptor
   * @param auth adds credentials; used directly for WebSocket upgrades, which OkHttp does not pass
   *     through network interceptors
   * @param ownsClient whether {@link #close()} releases the client's threads and connections
   */
  public HttpPipeline(
      HttpUrl apiRoot,
      OkHttpClient client,
      AuthInterceptor auth,
      boolean ownsClient,
      String userAgent) {
    this.apiRoot = apiRoot;
    this.client = client;
    this.auth = auth;
    // Credentials are set on the upgrade request itself, so no redirect may carry them elsewhere.
    this.webSocketClient = client.newBuilder().followRedirects(false).build();
    this.ownsClient = ownsClient;
    this.userAgent = userAgent;
  }

  /** Sends the call and decodes the body as {@code type}; an empty or {@code null} body fails. */
  public <T> T call(ApiRequest request, Class<T> type) {
    return send(request, mapper.constructType(type), Empty.FAIL);
  }

  /** Sends the call and decodes a JSON array; an empty or {@code null} body is an empty list. */
  public <T> List<T> callForList(ApiRequest request, Class<T> elementType) {
    JavaType listType = mapper.getTypeFactory().constructCollectionType(List.class, elementType);
    List<T> values = send(request, listType, Empty.EMPTY_LIST);
    return List.copyOf(values);
  }

  /** Sends a call whose answer is only a message; an empty body is a message of {@code ""}. */
  public Response callForMessage(ApiRequest request) {
    return send(request, mapper.constructType(Response.class), Empty.EMPTY_MESSAGE);
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

  @Override
  public void close() {
    closed = true;
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this CoderClient is closed");
    }
  }

  private enum Empty {
    FAIL,
    EMPTY_LIST,
    EMPTY_MESSAGE
  }

  @SuppressWarnings("unchecked")
  private <T> T send(ApiRequest request, JavaType type, Empty onEmpty) {
    checkOpen();
    HttpUrl url = url(request);
    String target = target(url);
    Request httpRequest =
        new Request.Builder()
            .url(url)
            .method(request.method(), requestBody(request))
            .header("Accept", "application/json")
            .header("User-Agent", userAgent)
            .build();

    try (okhttp3.Response response = client.newCall(httpRequest).execute()) {
      if (!response.isSuccessful()) {
        throw ErrorMapper.toException(request.method(), target, response);
      }
      Object value = decode(request.method(), target, response, type);
      if (value == null) {
        switch (onEmpty) {
          case EMPTY_LIST:
            return (T) List.of();
          case EMPTY_MESSAGE:
            return (T) Response.of("");
          default:
            throw ErrorMapper.decodeFailure(
                request.method(), target, response, "", "the body is empty or JSON null", null);
        }
      }
      return (T) value;
    } catch (AuthInterceptor.AuthenticationFailure e) {
      throw new CoderException(
          request.method() + " " + target + ": could not add credentials: " + e.getMessage(),
          e.getCause());
    } catch (InterruptedIOException e) {
      throw new CoderTimeoutException(
          request.method() + " " + redacted(url) + " timed out (" + describe(e) + ")",
          request.method(),
          redacted(url),
          e);
    } catch (IOException e) {
      throw new CoderTransportException(
          request.method() + " " + redacted(url) + " failed: " + describe(e),
          request.method(),
          redacted(url),
          e);
    }
  }

  /**
   * Decodes a 2xx body straight from the stream, without holding it as a string. Returns null for
   * an empty body or JSON {@code null}.
   */
  private @Nullable Object decode(
      String method, String target, okhttp3.Response response, JavaType type) throws IOException {
    ResponseBody body = response.body();
    BufferedSource source = body.source();
    if (source.exhausted()) {
      return null;
    }

    MediaType contentType = body.contentType();
    if (contentType != null && !isJson(contentType)) {
      throw ErrorMapper.decodeFailure(
          method,
          target,
          response,
          ErrorMapper.excerpt(source),
          "expected JSON but the body is "
              + contentType.type()
              + "/"
              + contentType.subtype()
              + "; a proxy or sign-in page may have answered instead of Coder",
          null);
    }

    try {
      return mapper.readValue(source.inputStream(), type);
    } catch (JacksonException e) {
      throw ErrorMapper.decodeFailure(
          method,
          target,
          response,
          "",
          "the body is not the expected JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  private @Nullable RequestBody requestBody(ApiRequest request) {
    Object body = request.body();
    if (body != null) {
      try {
        return RequestBody.create(mapper.writeValueAsBytes(body), JSON);
      } catch (JacksonException e) {
        throw new CoderException(
            "cannot serialise the body of " + request.method() + " " + request.segments(), e);
      }
    }
    return request.method().equals("GET") ? null : EMPTY;
  }

  static boolean isJson(MediaType type) {
    String subtype = type.subtype();
    return subtype.equals("json") || subtype.endsWith("+json");
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
