package com.coder.sdk.transport;

import static com.coder.sdk.transport.Fixtures.FAST;
import static com.coder.sdk.transport.Fixtures.TOKEN;
import static com.coder.sdk.transport.Fixtures.client;
import static com.coder.sdk.transport.Fixtures.json;
import static com.coder.sdk.transport.Fixtures.org;
import static com.coder.sdk.transport.Fixtures.orgs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.coder.sdk.CoderClient;
import com.coder.sdk.CoderTransportException;
import com.coder.sdk.FakeTimer;
import com.coder.sdk.RateLimitException;
import com.coder.sdk.RetryPolicy;
import com.coder.sdk.ServerErrorException;
import com.coder.sdk.internal.ApiRequest;
import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.internal.RetryRules;
import com.coder.sdk.internal.RetryTimer;
import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.Organization;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient okHttp = new OkHttpClient();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 502, 503, 504})
  void retriesIdempotentCallsOnStatusesThatMeanTryAgain(int status) throws Exception {
    server.enqueue(json(status, "{\"message\":\"busy\"}"));
    server.enqueue(orgs());

    try (CoderClient client = client(server).build()) {
      List<Organization> orgs = client.organizations().list();

      assertThat(orgs).extracting(Organization::name).containsExactly("data");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      RecordedRequest request = server.takeRequest();
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/organizations");
      assertThat(request.getHeaders().get("Coder-Session-Token")).isEqualTo(TOKEN);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 409, 500, 501})
  void doesNotRetryOtherErrors(int status) {
    server.enqueue(json(status, "{\"message\":\"no\"}"));

    try (CoderClient client = client(server).build()) {
      assertThatThrownBy(() -> client.organizations().delete("data"))
          .hasMessageContaining("DELETE /api/v2/organizations/data failed with " + status)
          .hasMessageNotContaining("attempt");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesDeleteAndSaysHowManyAttemptsWhenTheyRunOut() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, "{\"message\":\"Service unavailable\"}"));
    }

    try (CoderClient client = client(server).build()) {
      ServerErrorException e =
          catchThrowableOfType(
              ServerErrorException.class, () -> client.organizations().delete("data"));

      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e.getMessage())
          .isEqualTo(
              "DELETE /api/v2/organizations/data failed with 503: Service unavailable"
                  + " (3 attempts)");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRateLimitThatOutlastsTheAttemptsReachesTheCallerAsRateLimitException() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(
          new MockResponse.Builder(json(429, "{\"message\":\"You've been rate limited.\"}"))
              .setHeader("Retry-After", "0")
              .build());
    }

    try (CoderClient client =
        client(server).retryPolicy(FAST.toBuilder().maxAttempts(2).build()).build()) {
      RateLimitException e =
          catchThrowableOfType(RateLimitException.class, () -> client.organizations().list());

      assertThat(e.attempts()).isEqualTo(2);
      assertThat(e.retryAfter()).contains(Duration.ZERO);
      assertThat(e.getMessage()).endsWith("(2 attempts)");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void neverRetriesAPostThatTheServerAnswered() {
    server.enqueue(json(503, "{\"message\":\"busy\"}"));

    try (CoderClient client = client(server).build()) {
      assertThatThrownBy(
              () ->
                  client.organizations().create(CreateOrganizationRequest.builder("data").build()))
          .isInstanceOf(ServerErrorException.class)
          .hasMessageNotContaining("attempt");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void okHttpDoesNotResendAPostOnItsOwnEither() {
    // OkHttp repeats a request answered with 503 and Retry-After: 0, unless its body is one-shot.
    server.enqueue(
        new MockResponse.Builder(json(503, "{\"message\":\"busy\"}"))
            .setHeader("Retry-After", "0")
            .build());
    server.enqueue(org());

    try (CoderClient client = client(server).build()) {
      assertThatThrownBy(() -> client.licenses().refreshEntitlements())
          .isInstanceOf(ServerErrorException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void doesNotResendAPostWhoseConnectionDroppedAfterItWasSent() throws Exception {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(org());

    try (CoderClient client = client(server).build()) {
      CoderTransportException e =
          catchThrowableOfType(
              CoderTransportException.class,
              () ->
                  client.organizations().create(CreateOrganizationRequest.builder("data").build()));

      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.method()).isEqualTo("POST");
      assertThat(e.getMessage())
          .startsWith("POST " + server.url("/api/v2/organizations") + " failed: ")
          .endsWith("(1 attempt; not retried: the server may have received the POST)");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"name\":\"data\"}");
  }

  @Test
  void retriesAGetWhoseConnectionDroppedBeforeTheAnswer() throws Exception {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(org());

    try (CoderClient client = client(server).build()) {
      assertThat(client.organizations().get("data").name()).isEqualTo("data");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retriesAPostWhenTheConnectionCouldNotBeOpened() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    try (CoderClient client =
        CoderClient.builder()
            .baseUrl("http://127.0.0.1:" + closedPort)
            .sessionToken(TOKEN)
            .retryPolicy(FAST)
            .build()) {
      CoderTransportException e =
          catchThrowableOfType(
              CoderTransportException.class,
              () ->
                  client.organizations().create(CreateOrganizationRequest.builder("data").build()));

      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e.getMessage())
          .startsWith("POST http://127.0.0.1:" + closedPort + "/api/v2/organizations failed: ")
          .endsWith("(3 attempts)");
    }
  }

  @Test
  void noneSendsEveryCallOnce() {
    server.enqueue(json(503, "{\"message\":\"busy\"}"));

    try (CoderClient client = client(server).retryPolicy(RetryPolicy.none()).build()) {
      ServerErrorException e =
          catchThrowableOfType(ServerErrorException.class, () -> client.organizations().list());

      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.getMessage()).endsWith("(1 attempt; retries are off)");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void waitsAsLongAsRetryAfterSaysInSeconds() {
    server.enqueue(
        new MockResponse.Builder(json(429, "{\"message\":\"slow down\"}"))
            .setHeader("Retry-After", "7")
            .build());
    server.enqueue(orgs());
    FakeTimer timer = new FakeTimer();

    List<Organization> orgs = list(RetryPolicy.defaults(), timer);

    assertThat(orgs).hasSize(1);
    assertThat(timer.waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void waitsUntilTheDateInRetryAfter() {
    FakeTimer timer = new FakeTimer();
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            timer.start.plusSeconds(30).atZone(java.time.ZoneOffset.UTC));
    server.enqueue(
        new MockResponse.Builder(json(503, "{\"message\":\"maintenance\"}"))
            .setHeader("Retry-After", date)
            .build());
    server.enqueue(orgs());

    list(RetryPolicy.defaults(), timer);

    assertThat(timer.waits).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void waitsForCodersRateLimitResetWhenRetryAfterIsMissing() {
    FakeTimer timer = new FakeTimer();
    server.enqueue(
        new MockResponse.Builder(json(429, "{\"message\":\"You've been rate limited\"}"))
            .setHeader("X-RateLimit-Limit", "512")
            .setHeader("X-RateLimit-Remaining", "0")
            .setHeader("X-RateLimit-Reset", timer.start.plusSeconds(42).getEpochSecond())
            .build());
    server.enqueue(orgs());

    list(RetryPolicy.defaults(), timer);

    assertThat(timer.waits).containsExactly(Duration.ofSeconds(42));
  }

  @Test
  void aServerWaitBeyondTheBudgetEndsTheCallAtOnce() {
    server.enqueue(
        new MockResponse.Builder(json(429, "{\"message\":\"You've been rate limited\"}"))
            .setHeader("Retry-After", "60")
            .build());
    FakeTimer timer = new FakeTimer();
    RetryPolicy policy = RetryPolicy.builder().timeBudget(Duration.ofSeconds(30)).build();

    RateLimitException e =
        catchThrowableOfType(RateLimitException.class, () -> list(policy, timer));

    assertThat(timer.waits).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v2/organizations failed with 429: You've been rate limited (retry after 60 s)"
                + " (1 attempt; the server asked to wait 60 s, beyond the retry time budget of"
                + " 30 s)");
  }

  @Test
  void backsOffExponentiallyWithFullJitterUpToTheCap() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(json(502, "<html>Bad gateway</html>"));
    }
    FakeTimer timer = new FakeTimer();
    timer.random = 0.5;
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxAttempts(5)
            .initialBackoff(Duration.ofSeconds(1))
            .maxBackoff(Duration.ofSeconds(3))
            .build();

    ServerErrorException e =
        catchThrowableOfType(ServerErrorException.class, () -> list(policy, timer));

    // Bounds 1 s, 2 s, then 4 s capped at 3 s, twice; half of each bound at random 0.5.
    assertThat(timer.waits)
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofMillis(1500),
            Duration.ofMillis(1500));
    assertThat(e.attempts()).isEqualTo(5);
  }

  @Test
  void stopsWhenTheNextWaitWouldPassTheTimeBudget() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(504, "{\"message\":\"timeout\"}"));
    }
    FakeTimer timer = new FakeTimer();
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxAttempts(10)
            .initialBackoff(Duration.ofSeconds(1))
            .timeBudget(Duration.ofMillis(2500))
            .build();

    ServerErrorException e =
        catchThrowableOfType(ServerErrorException.class, () -> list(policy, timer));

    // Waits of almost 1 s and almost 2 s: the second would end past 2.5 s.
    assertThat(timer.waits).hasSize(1);
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(e.getMessage()).endsWith("(2 attempts; the retry time budget of 2.5 s is spent)");
  }

  @Test
  void backoffBoundsDoubleFromTheInitialValueAndStopAtTheCap() {
    RetryRules rules =
        new RetryRules(
            10,
            Duration.ofMillis(100),
            Duration.ofMillis(700),
            Duration.ofMinutes(1),
            RetryTimer.system());

    assertThat(rules.backoff(1, 1.0)).isEqualTo(Duration.ofMillis(100));
    assertThat(rules.backoff(2, 1.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(rules.backoff(3, 1.0)).isEqualTo(Duration.ofMillis(400));
    assertThat(rules.backoff(4, 1.0)).isEqualTo(Duration.ofMillis(700));
    assertThat(rules.backoff(60, 1.0)).isEqualTo(Duration.ofMillis(700));
    assertThat(rules.backoff(3, 0.0)).isEqualTo(Duration.ZERO);
    assertThat(rules.backoff(3, 0.25)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void anAsyncRetryWaitsWithoutHoldingADispatcherThread() throws Exception {
    server.enqueue(json(503, "{\"message\":\"busy\"}"));
    server.enqueue(orgs());
    FakeTimer timer = new FakeTimer();
    timer.hold = true;

    CompletableFuture<List<Organization>> future =
        pipeline(RetryPolicy.defaults(), timer)
            .callForListAsync(ApiRequest.get("organizations"), Organization.class);

    server.takeRequest(5, TimeUnit.SECONDS);
    Fixtures.await(() -> timer.waits.size() == 1, "the retry waits");
    Fixtures.await(
        () -> okHttp.dispatcher().runningCallsCount() == 0, "no call holds the dispatcher");
    assertThat(future).isNotDone();

    timer.held.complete(null);

    assertThat(future.get(5, TimeUnit.SECONDS)).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  private List<Organization> list(RetryPolicy policy, RetryTimer timer) {
    return pipeline(policy, timer).callForList(ApiRequest.get("organizations"), Organization.class);
  }

  private HttpPipeline pipeline(RetryPolicy policy, RetryTimer timer) {
    return Fixtures.pipeline(server, okHttp, policy, timer);
  }
}
