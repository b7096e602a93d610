package com.coder.sdk.transport;

import static com.coder.sdk.transport.Fixtures.TOKEN;
import static com.coder.sdk.transport.Fixtures.json;
import static com.coder.sdk.transport.Fixtures.orgs;
import static org.assertj.core.api.Assertions.assertThat;

import com.coder.sdk.CoderAuth;
import com.coder.sdk.CoderClient;
import com.coder.sdk.HttpLogLevel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logging goes through System.Logger, here backed by java.util.logging as in a plain JVM. */
class LoggingTest {
  private static final String JWT =
      "eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJsaWNlbnNlX2V4cGlyZXMiOjE3MDB9.c2lnbmF0dXJlLWJ5dGVz";

  private final MockWebServer server = new MockWebServer();
  private final Logger logger = Logger.getLogger("com.coder.sdk.http");
  private final List<String> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void start() throws Exception {
    server.start();
    logger.setLevel(Level.FINE);
    logger.addHandler(handler);
  }

  @AfterEach
  void stop() {
    logger.removeHandler(handler);
    logger.setLevel(null);
    server.close();
  }

  @Test
  void logsNothingUnlessAskedTo() {
    server.enqueue(orgs());

    try (CoderClient client = Fixtures.client(server).build()) {
      client.organizations().list();
    }
    assertThat(records).isEmpty();
  }

  @Test
  void basicLogsTheRequestLineAndStatusAtDebug() {
    server.enqueue(orgs());

    try (CoderClient client = Fixtures.client(server).logging(HttpLogLevel.BASIC).build()) {
      client.organizations().list();
    }
    String url = server.url("/api/v2/organizations").toString();
    assertThat(records).hasSize(2);
    assertThat(records.get(0)).isEqualTo("FINE --> GET " + url);
    assertThat(records.get(1)).startsWith("FINE <-- 200 OK " + url + " (").endsWith(" ms)");
  }

  @Test
  void headersShowOnlyAllowListedValues() {
    server.enqueue(
        new MockResponse.Builder(orgs())
            .setHeader("Set-Cookie", "coder_session_token=" + TOKEN)
            .setHeader("X-RateLimit-Remaining", "511")
            .build());

    try (CoderClient client =
        CoderClient.builder()
            .baseUrl(server.url("/").toString())
            .auth(
                CoderAuth.sessionToken(TOKEN)
                    .and(CoderAuth.headers(Map.of("CF-Access-Client-Secret", "cf-secret"))))
            .logging(HttpLogLevel.HEADERS)
            .build()) {
      client.organizations().list();
    }
    String all = String.join("\n", records);
    assertThat(all)
        .contains("\nCoder-Session-Token: ██")
        .contains("\nCF-Access-Client-Secret: ██")
        .contains("\nAccept: application/json")
        .contains("\nSet-Cookie: ██")
        .contains("\nX-RateLimit-Remaining: 511")
        .contains("\nContent-Type: application/json; charset=utf-8")
        .doesNotContain(TOKEN)
        .doesNotContain("cf-secret");
  }

  @Test
  void bodiesHaveLicensesAndTokensMasked() {
    server.enqueue(
        json(
            201,
            "{\"id\":1,\"uuid\":\"5e0c6a43-4d4b-4c2a-9f56-0a1f4f1f2b11\","
                + "\"uploaded_at\":\"2025-01-02T03:04:05Z\",\"claims\":{\"raw\":\""
                + JWT
                + "\"},"
                + "\"note\":\"key "
                + TOKEN
                + "\"}"));

    try (CoderClient client = Fixtures.client(server).logging(HttpLogLevel.BODY).build()) {
      client.licenses().add(JWT);
    }
    String all = String.join("\n", records);
    assertThat(all)
        .contains("{\"license\":\"██\"}")
        .contains("\"claims\":{\"raw\":\"██\"}")
        .contains("\"note\":\"key ██\"")
        .doesNotContain(JWT)
        .doesNotContain(TOKEN);
  }
}
