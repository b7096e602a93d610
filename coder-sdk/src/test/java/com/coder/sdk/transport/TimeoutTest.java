package com.coder.sdk.transport;

import static com.coder.sdk.transport.Fixtures.client;
import static com.coder.sdk.transport.Fixtures.orgs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.coder.sdk.CoderClient;
import com.coder.sdk.CoderTimeoutException;
import com.coder.sdk.CoderTimeoutException.Timeout;
import com.coder.sdk.RetryPolicy;
import com.coder.sdk.ServerErrorException;
import com.coder.sdk.model.CreateOrganizationRequest;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeoutTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aServerThatNeverAnswersFailsWithTheReadTimeout() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    try (CoderClient client =
        client(server)
            .retryPolicy(RetryPolicy.none())
            .readTimeout(Duration.ofMillis(200))
            .build()) {
      CoderTimeoutException e =
          catchThrowableOfType(CoderTimeoutException.class, () -> client.organizations().list());

      assertThat(e.timeout()).isEqualTo(Timeout.READ);
      assertThat(e.limit()).isEqualTo(Duration.ofMillis(200));
      assertThat(e.method()).isEqualTo("GET");
      assertThat(e.url()).isEqualTo(server.url("/api/v2/organizations").toString());
      assertThat(e.getMessage())
          .isEqualTo(
              "GET "
                  + server.url("/api/v2/organizations")
                  + " timed out: the server sent nothing within the readTimeout of 200 ms"
                  + " (1 attempt; retries are off)");
    }
  }

  @Test
  void aBodyThatStopsHalfwayFailsWithTheReadTimeout() {
    server.enqueue(new MockResponse.Builder(orgs()).throttleBody(10, 5, TimeUnit.SECONDS).build());

    try (CoderClient client = client(server).readTimeout(Duration.ofMillis(200)).build()) {
      CoderTimeoutException e =
          catchThrowableOfType(CoderTimeoutException.class, () -> client.organizations().list());

      assertThat(e.timeout()).isEqualTo(Timeout.READ);
      assertThat(e.attempts()).isEqualTo(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theCallTimeoutBoundsTheWholeCall() {
    server.enqueue(new MockResponse.Builder(orgs()).headersDelay(5, TimeUnit.SECONDS).build());

    try (CoderClient client =
        client(server)
            .readTimeout(Duration.ofSeconds(10))
            .callTimeout(Duration.ofMillis(300))
            .build()) {
      CoderTimeoutException e =
          catchThrowableOfType(CoderTimeoutException.class, () -> client.organizations().list());

      assertThat(e.timeout()).isEqualTo(Timeout.CALL);
      assertThat(e.limit()).isEqualTo(Duration.ofMillis(300));
      assertThat(e.getMessage())
          .isEqualTo(
              "GET "
                  + server.url("/api/v2/organizations")
                  + " timed out: the call did not finish within the callTimeout of 300 ms");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theCallTimeoutSpansRetries() {
    server.enqueue(
        new MockResponse.Builder(orgs()).code(503).setHeader("Retry-After", "5").build());
    server.enqueue(orgs());

    try (CoderClient client = client(server).callTimeout(Duration.ofMillis(500)).build()) {
      ServerErrorException e =
          catchThrowableOfType(ServerErrorException.class, () -> client.organizations().list());

      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.getMessage())
          .endsWith("(1 attempt; the callTimeout would pass before the next attempt)");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aServerThatDoesNotReadTheBodyFailsWithTheWriteTimeout() {
    server.enqueue(new MockResponse.Builder().onRequestStart(SocketEffect.Stall.INSTANCE).build());
    String big = "x".repeat(32 * 1024 * 1024);

    try (CoderClient client = client(server).writeTimeout(Duration.ofMillis(300)).build()) {
      CoderTimeoutException e =
          catchThrowableOfType(
              CoderTimeoutException.class,
              () ->
                  client
                      .organizations()
                      .create(CreateOrganizationRequest.builder("data").description(big).build()));

      assertThat(e.timeout()).isEqualTo(Timeout.WRITE);
      assertThat(e.limit()).isEqualTo(Duration.ofMillis(300));
      assertThat(e.method()).isEqualTo("POST");
      assertThat(e.getMessage())
          .contains(" timed out: could not send the request within the writeTimeout of 300 ms")
          .endsWith("(1 attempt; not retried: the server may have received the POST)");
    }
  }

  @Test
  void aHostThatDoesNotAcceptConnectionsFailsWithTheConnectTimeout() throws Exception {
    // A listening socket whose backlog is full drops further connection attempts unanswered.
    try (ServerSocket full = new ServerSocket(0, 1)) {
      List<Socket> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          Socket filler = new Socket();
          try {
            filler.connect(new InetSocketAddress("127.0.0.1", full.getLocalPort()), 100);
            fillers.add(filler);
          } catch (java.io.IOException e) {
            filler.close();
            break;
          }
        }

        try (CoderClient client =
            CoderClient.builder()
                .baseUrl("http://127.0.0.1:" + full.getLocalPort())
                .retryPolicy(RetryPolicy.none())
                .connectTimeout(Duration.ofMillis(250))
                .build()) {
          CoderTimeoutException e =
              catchThrowableOfType(
                  CoderTimeoutException.class, () -> client.organizations().list());

          assertThat(e.timeout()).isEqualTo(Timeout.CONNECT);
          assertThat(e.limit()).isEqualTo(Duration.ofMillis(250));
          assertThat(e.getMessage())
              .contains(" timed out: could not connect within the connectTimeout of 250 ms");
        }
      } finally {
        for (Socket filler : fillers) {
          filler.close();
        }
      }
    }
  }
}
