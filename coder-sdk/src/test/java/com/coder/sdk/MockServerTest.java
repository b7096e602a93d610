package com.coder.sdk;

import static com.coder.sdk.Fixtures.JSON_UTF8;
import static com.coder.sdk.Fixtures.TOKEN;
import static com.coder.sdk.Fixtures.TOKEN_SECRET;
import static com.coder.sdk.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs each test against a fresh {@link MockWebServer} and a client for it that authenticates with
 * {@link Fixtures#TOKEN}, and offers assertions on what went over the wire.
 */
abstract class MockServerTest {
  protected final MockWebServer server = new MockWebServer();
  protected CoderClient client;

  @BeforeEach
  void startServer() throws IOException {
    server.start();
    client = clientBuilder().build();
  }

  @AfterEach
  void stopServer() {
    client.close();
    server.close();
  }

  /** Returns a builder pointed at the mock server, with the test token. */
  protected CoderClient.Builder clientBuilder() {
    // Retries have their own tests; here one answer maps to one outcome.
    return CoderClient.builder()
        .baseUrl(server.url("/").toString())
        .sessionToken(TOKEN)
        .retryPolicy(RetryPolicy.none());
  }

  protected void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  /** Returns the next request the server received; fails if none arrives within 5 s. */
  protected RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    return request;
  }

  /**
   * Checks the request line (method, then the raw path and query exactly as sent) and the headers
   * every call carries: the session token, {@code Accept} and the SDK's {@code User-Agent}.
   */
  protected static void assertCall(RecordedRequest request, String method, String target) {
    assertThat(request.getMethod()).isEqualTo(method);
    assertThat(request.getTarget()).isEqualTo(target);
    assertThat(request.getHeaders().get("Coder-Session-Token")).isEqualTo(TOKEN);
    assertThat(request.getHeaders().values("Coder-Session-Token")).hasSize(1);
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("User-Agent")).startsWith("coder-java-sdk/");
  }

  /** Checks that the request carried exactly this JSON, with a JSON content type. */
  protected static void assertJsonBody(RecordedRequest request, String expectedJson) {
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo(JSON_UTF8);
    String body = request.getBody().utf8();
    assertThat(tree(body)).isEqualTo(tree(expectedJson));
  }

  /** Checks that the request had no body and therefore no content type. */
  protected static void assertNoBody(RecordedRequest request) {
    assertThat(request.getBodySize()).isZero();
    assertThat(request.getHeaders().get("Content-Type")).isNull();
  }

  /**
   * Runs {@code call}, checks that it threw {@code type}, and that neither the exception nor any
   * cause mentions the token, then returns the exception for further checks.
   */
  protected static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
    Throwable failure = catchThrowable(call);
    assertThat(failure).isInstanceOf(type);
    assertNoSecret(failure);
    return type.cast(failure);
  }

  /** Checks messages, {@code toString()} and the printed stack trace of a whole cause chain. */
  protected static void assertNoSecret(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(TOKEN_SECRET);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN_SECRET);
      assertThat(t.toString()).doesNotContain(TOKEN_SECRET);
    }
  }
}
