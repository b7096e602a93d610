package com.coder.sdk.transport;

import static com.coder.sdk.transport.Fixtures.ORG_JSON;
import static com.coder.sdk.transport.Fixtures.client;
import static com.coder.sdk.transport.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.coder.sdk.CoderClient;
import com.coder.sdk.CoderDecodeException;
import com.coder.sdk.CoderTransportException;
import com.coder.sdk.RetryPolicy;
import com.coder.sdk.ServerErrorException;
import com.coder.sdk.model.Organization;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of bad answer ends in one of the SDK's exceptions with a message that says what. */
class BadInputTest {
  private final MockWebServer server = new MockWebServer();
  private CoderClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client =
        client(server).retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(2)).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void malformedJson() {
    server.enqueue(json(200, "{\"id\": oops}"));

    CoderDecodeException e = decodeFailure();

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getMessage())
        .startsWith(
            "GET /api/v2/organizations/data answered 200, but the body is not the expected JSON: ")
        .contains("Unrecognized token 'oops'");
  }

  @Test
  void jsonThatEndsEarly() {
    server.enqueue(json(200, ORG_JSON.substring(0, 40)));

    assertThat(decodeFailure().getMessage()).contains("the body is not the expected JSON");
  }

  @Test
  void aBodyCutShortOfItsContentLength() {
    server.enqueue(
        new MockResponse.Builder(json(200, ORG_JSON.substring(0, 40)))
            .setHeader("Content-Length", ORG_JSON.length())
            .onResponseEnd(new SocketEffect.CloseSocket())
            .build());

    CoderTransportException e =
        catchThrowableOfType(
            CoderTransportException.class, () -> client.organizations().get("data"));

    assertThat(e.getMessage())
        .startsWith("GET " + server.url("/api/v2/organizations/data") + " failed: ");
  }

  @Test
  void anEmptyBodyOn200() {
    server.enqueue(json(200, ""));

    assertThat(decodeFailure().getMessage())
        .isEqualTo(
            "GET /api/v2/organizations/data answered 200, but the body is empty or JSON null");
  }

  @Test
  void anHtmlErrorPageFromAProxy() {
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .setHeader("Content-Type", "text/html")
            .body("<html><body><h1>502 Bad Gateway</h1></body></html>")
            .build());

    ServerErrorException e =
        catchThrowableOfType(ServerErrorException.class, () -> client.organizations().get("data"));

    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.response()).isEmpty();
    assertThat(e.bodyExcerpt()).isEqualTo("<html><body><h1>502 Bad Gateway</h1></body></html>");
    assertThat(e.getMessage())
        .startsWith(
            "GET /api/v2/organizations/data failed with 502 and a body that is not Coder's error"
                + " JSON (text/html)");
  }

  @Test
  void jsonOfTheWrongShape() {
    server.enqueue(json(200, "{\"name\":\"data\"}"));

    assertThat(decodeFailure().getMessage()).contains("\"id\" is missing");
  }

  @Test
  void anArrayWhereAnObjectBelongs() {
    server.enqueue(json(200, "[" + ORG_JSON + "]"));

    assertThat(decodeFailure().getMessage()).contains("the body is not the expected JSON");
  }

  @Test
  void a200WithAnHtmlContentType() {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/html; charset=utf-8")
            .body("<html>Sign in to continue</html>")
            .build());

    CoderDecodeException e = decodeFailure();

    assertThat(e.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(e.bodyExcerpt()).isEqualTo("<html>Sign in to continue</html>");
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v2/organizations/data answered 200, but the body is text/html, not JSON;"
                + " a proxy or sign-in page may have answered instead of Coder:"
                + " <html>Sign in to continue</html>");
  }

  @Test
  void aConnectionDroppedMidBody() {
    server.enqueue(
        new MockResponse.Builder(json(200, "[" + ORG_JSON + "," + ORG_JSON + "]"))
            .onResponseBody(new SocketEffect.CloseSocket())
            .build());

    CoderTransportException e =
        catchThrowableOfType(CoderTransportException.class, () -> client.organizations().list());

    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.getMessage())
        .startsWith("GET " + server.url("/api/v2/organizations") + " failed: ");
  }

  @Test
  void aVeryLargeBodyIsDecodedAsAStream() {
    int count = 20_000;
    Buffer body = new Buffer().writeUtf8("[");
    for (int i = 0; i < count; i++) {
      body.writeUtf8(i == 0 ? "" : ",").writeUtf8(ORG_JSON);
    }
    body.writeUtf8("]");
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/json")
            .body(body)
            .build());

    List<Organization> orgs = client.organizations().list();

    assertThat(orgs).hasSize(count);
    assertThat(orgs.get(count - 1).name()).isEqualTo("data");
  }

  @Test
  void theValueIsDecodedBeforeTheRestOfTheBodyArrives() {
    // The array is complete after the first bytes; the rest trickles in far slower than the read
    // timeout allows. Reading the whole body before decoding would time out.
    String value = "[" + ORG_JSON + "]";
    Buffer body = new Buffer().writeUtf8(value).writeUtf8(" ".repeat(64 * 1024));
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/json")
            .body(body)
            .throttleBody(value.length(), 10, TimeUnit.SECONDS)
            .build());

    assertThat(client.organizations().list()).hasSize(1);
  }

  private CoderDecodeException decodeFailure() {
    return catchThrowableOfType(
        CoderDecodeException.class, () -> client.organizations().get("data"));
  }
}
