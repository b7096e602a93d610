package com.coder.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.CoderClient;
import com.coder.sdk.CoderTransportException;
import com.coder.sdk.RateLimitException;
import com.coder.sdk.RetryPolicy;
import com.coder.sdk.ServerErrorException;
import com.coder.sdk.model.CreateOrganizationRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsAndJournalTest {
  private FakeCoderServer coder;
  private CoderClient client;

  @BeforeEach
  void start() {
    coder = FakeCoderServer.builder().start();
    // One request, one answer: these tests look at each fault as the client receives it.
    client = coder.clientBuilder().retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    coder.close();
  }

  @Test
  void rateLimitAnswers429LikeCodersLimiter() {
    coder.inject(Fault.rateLimit(Duration.ofSeconds(7)).onPath("/api/v2/organizations").times(2));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.organizations().list())
          .isInstanceOfSatisfying(
              RateLimitException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(429);
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                assertThat(e.serverMessage())
                    .isEqualTo(
                        "You've been rate limited for sending more than 512 requests in 1m0s.");
              });
    }
    assertThat(client.organizations().list()).hasSize(1);
    assertThat(coder.requests()).hasSize(3);
  }

  @Test
  void rateLimitCarriesTheLimiterHeaders() {
    coder.inject(Fault.rateLimit(Duration.ofSeconds(60)));
    try (okhttp3.Response response =
        new okhttp3.OkHttpClient()
            .newCall(new okhttp3.Request.Builder().url(coder.url() + "/api/v2/licenses").build())
            .execute()) {
      assertThat(response.code()).isEqualTo(429);
      assertThat(response.header("Retry-After")).isEqualTo("60");
      assertThat(response.header("X-RateLimit-Limit")).isEqualTo("512");
      assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("0");
      assertThat(Long.parseLong(response.header("X-RateLimit-Reset")))
          .isBetween(Instant.now().getEpochSecond() + 55, Instant.now().getEpochSecond() + 60);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void burstOfServerErrorsEndsAfterItsCount() {
    coder.inject(Fault.serverError(503).times(3));

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> client.organizations().get("default"))
          .isInstanceOfSatisfying(
              ServerErrorException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(503);
                assertThat(e.serverMessage()).isEqualTo("An internal server error occurred.");
              });
    }
    assertThat(client.organizations().get("default").isDefault()).isTrue();
  }

  @Test
  void defaultClientRidesOutABurstOfServerErrors() {
    coder.inject(Fault.serverError(503).times(2));
    RetryPolicy quick =
        RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5))
            .build();
    try (CoderClient retrying = coder.clientBuilder().retryPolicy(quick).build()) {
      assertThat(retrying.organizations().get("default").isDefault()).isTrue();
    }
    assertThat(coder.requests()).hasSize(3);
  }

  @Test
  void gatewayErrorIsAnHtmlPage() {
    coder.inject(Fault.gatewayError(502));

    assertThatThrownBy(() -> client.organizations().list())
        .isInstanceOfSatisfying(
            ServerErrorException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(502);
              assertThat(e.response()).isEmpty();
              assertThat(e.bodyExcerpt()).contains("502 Bad Gateway");
            });
  }

  @Test
  void disconnectDropsTheConnection() {
    coder.inject(Fault.disconnect().method("POST").times(5));

    assertThatThrownBy(
            () -> client.organizations().create(CreateOrganizationRequest.builder("x").build()))
        .isInstanceOf(CoderTransportException.class);
    assertThat(coder.organizations().find("x")).isEmpty();
    assertThat(client.organizations().list()).hasSize(1);
  }

  @Test
  void faultsMatchMethodAndPathGlobs() {
    coder.inject(Fault.serverError(500).method("DELETE").onPath("/api/v2/organizations/*"));
    coder.inject(Fault.serverError(500).onPath("/api/v2/**/provisionerjobs"));
    coder.organizations().create("gone");

    assertThat(client.organizations().get("gone").name()).isEqualTo("gone");
    assertThatThrownBy(() -> client.organizations().delete("gone"))
        .isInstanceOf(ServerErrorException.class);
    assertThatThrownBy(() -> client.provisionerJobs().list("default"))
        .isInstanceOf(ServerErrorException.class);
    assertThat(client.organizations().delete("gone").message())
        .isEqualTo("Organization has been deleted.");

    coder.inject(Fault.serverError(500));
    coder.clearFaults();
    assertThat(client.provisionerJobs().list("default")).isEmpty();
  }

  @Test
  void latencyDelaysTheRealAnswer() {
    coder.inject(Fault.latency(Duration.ofMillis(300)));

    long start = System.nanoTime();
    assertThat(client.organizations().get("default").name()).isEqualTo("coder");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void journalRecordsRequestsAndHidesSecretsWhenPrinted() {
    client
        .organizations()
        .create(CreateOrganizationRequest.builder("journal").description("<b>").build());

    RecordedCall call = coder.lastRequest();
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/api/v2/organizations");
    assertThat(call.query()).isEmpty();
    assertThat(call.header("coder-session-token")).isEqualTo(coder.adminToken());
    assertThat(call.sessionToken()).contains(coder.adminToken());
    assertThat(call.header("Content-Type")).startsWith("application/json");
    assertThat(call.body()).isEqualTo("{\"name\":\"journal\",\"description\":\"<b>\"}");
    assertThat(call.toString())
        .contains("POST /api/v2/organizations", "coder-session-token: ****")
        .doesNotContain(coder.adminToken());

    coder.clearRequests();
    assertThat(coder.requests()).isEmpty();
    assertThatThrownBy(coder::lastRequest).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void journalFindsTokensInCookiesBearersAndQueries() {
    RecordedCall cookie =
        new RecordedCall(
            "GET",
            "/",
            "",
            java.util.Map.of("Cookie", java.util.List.of("coder_session_token=c")),
            "");
    RecordedCall bearer =
        new RecordedCall(
            "GET", "/", "", java.util.Map.of("Authorization", java.util.List.of("Bearer b")), "");
    RecordedCall query =
        new RecordedCall("GET", "/", "access_token=q&x=%2F", java.util.Map.of(), "");

    assertThat(cookie.sessionToken()).contains("c");
    assertThat(bearer.sessionToken()).contains("b");
    assertThat(query.sessionToken()).contains("q");
    assertThat(query.queryParameter("x")).isEqualTo("/");
    assertThat(query.toString()).contains("access_token=****").doesNotContain("=q");
    assertThat(cookie.toString()).contains("cookie: ****");
  }
}
