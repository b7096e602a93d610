package com.coder.sdk;

import static com.coder.sdk.Fixtures.fixture;
import static com.coder.sdk.Fixtures.json;
import static com.coder.sdk.Fixtures.jsonArray;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** Calls that get no complete answer: broken, refused or slow connections. */
class TransportFailureTest extends MockServerTest {

  @Test
  void connectionDroppedInTheMiddleOfTheBody() {
    enqueue(
        json(jsonArray(
                fixture("jobs/pending.json"),
                fixture("jobs/running.json"),
                fixture("jobs/failed.json")))
            .newBuilder()
            .onResponseBody(new SocketEffect.CloseSocket())
            .build());
    String url = server.url("/api/v2/organizations/default/provisionerjobs").toString();

    CoderTransportException e =
        thrown(CoderTransportException.class, () -> client.provisionerJobs().list("default"));

    assertThat(e).isExactlyInstanceOf(CoderTransportException.class);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.url()).isEqualTo(url);
    assertThat(e.getMessage()).startsWith("GET " + url + " failed: ");
    assertThat(e.getCause()).isInstanceOf(IOException.class);
  }

  @Test
  void connectionRefusedByAClosedServer() {
    String url = server.url("/api/v2/organizations").toString();
    server.close();

    CoderTransportException e =
        thrown(CoderTransportException.class, () -> client.organizations().list());

    assertThat(e).isExactlyInstanceOf(CoderTransportException.class);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.url()).isEqualTo(url);
    assertThat(e.getMessage()).startsWith("GET " + url + " failed: ");
    assertThat(e.getCause()).isInstanceOf(ConnectException.class);
  }

  @Test
  void readTimeoutWhileWaitingForTheAnswer() {
    enqueue(json("[]").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    String url = server.url("/api/v2/organizations").toString();

    try (CoderClient impatient = clientBuilder().readTimeout(Duration.ofMillis(200)).build()) {
      CoderTimeoutException e =
          thrown(CoderTimeoutException.class, () -> impatient.organizations().list());

      assertThat(e.method()).isEqualTo("GET");
      assertThat(e.url()).isEqualTo(url);
      assertThat(e.getMessage()).startsWith("GET " + url + " timed out: ");
    }
  }

  @Test
  void readTimeoutInTheMiddleOfTheBody() {
    // The stall comes after the first kilobyte, so it hits the JSON parser mid-array.
    enqueue(
        json(jsonArray(fixture("jobs/pending.json"), fixture("jobs/running.json")))
            .newBuilder()
            .throttleBody(1500, 2, TimeUnit.SECONDS)
            .build());

    try (CoderClient impatient = clientBuilder().readTimeout(Duration.ofMillis(200)).build()) {
      CoderTimeoutException e =
          thrown(CoderTimeoutException.class, () -> impatient.provisionerJobs().list("default"));

      assertThat(e.method()).isEqualTo("GET");
    }
  }

  @Test
  void callTimeoutCoversTheWholeCall() {
    enqueue(json("[]").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());

    try (CoderClient impatient = clientBuilder().callTimeout(Duration.ofMillis(200)).build()) {
      CoderTimeoutException e =
          thrown(CoderTimeoutException.class, () -> impatient.organizations().list());

      assertThat(e.getMessage()).startsWith("GET http://");
    }
  }
}
