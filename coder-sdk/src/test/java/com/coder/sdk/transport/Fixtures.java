package com.coder.sdk.transport;

import com.coder.sdk.CoderAuth;
import com.coder.sdk.CoderClient;
import com.coder.sdk.RetryPolicy;
import com.coder.sdk.internal.AuthInterceptor;
import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.internal.RetryRules;
import com.coder.sdk.internal.RetryTimer;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Answers, clients and timers shared by the transport tests. */
final class Fixtures {
  static final String TOKEN = "Ab3dE5gH7j-KlMnOpQrStUvWxYz012345";
  static final String ORG_ID = "5e0c6a43-4d4b-4c2a-9f56-0a1f4f1f2b11";

  static final String ORG_JSON =
      "{\"id\":\""
          + ORG_ID
          + "\",\"name\":\"data\",\"display_name\":\"Data\",\"description\":\"d\",\"icon\":\"\","
          + "\"created_at\":\"2025-01-02T03:04:05Z\",\"updated_at\":\"2025-01-03T03:04:05Z\","
          + "\"is_default\":false,"
          + "\"default_org_member_roles\":[\"organization-workspace-access\"]}";

  /** A policy that retries at once, so tests that go through the public builder stay fast. */
  static final RetryPolicy FAST =
      RetryPolicy.builder()
          .maxAttempts(3)
          .initialBackoff(Duration.ofMillis(1))
          .maxBackoff(Duration.ofMillis(2))
          .build();

  private Fixtures() {}

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  static MockResponse org() {
    return json(200, ORG_JSON);
  }

  static MockResponse orgs() {
    return json(200, "[" + ORG_JSON + "]");
  }

  static CoderClient.Builder client(MockWebServer server) {
    return CoderClient.builder()
        .baseUrl(server.url("/").toString())
        .sessionToken(TOKEN)
        .retryPolicy(FAST);
  }

  /** Returns a pipeline over {@code server} that waits and draws jitter through {@code timer}. */
  static HttpPipeline pipeline(
      MockWebServer server, OkHttpClient client, RetryPolicy policy, RetryTimer timer) {
    RetryRules rules =
        new RetryRules(
            policy.maxAttempts(),
            policy.initialBackoff(),
            policy.maxBackoff(),
            policy.timeBudget(),
            timer);
    HttpUrl root = server.url("/api/v2");
    AuthInterceptor auth = new AuthInterceptor(root, CoderAuth.sessionToken(TOKEN));
    return new HttpPipeline(root, client, auth, false, "test", rules);
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }
}
