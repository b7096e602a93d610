package com.coder.sdk.transport;

import static com.coder.sdk.transport.Fixtures.TOKEN;
import static com.coder.sdk.transport.Fixtures.org;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.coder.sdk.CoderApiException;
import com.coder.sdk.CoderAuth;
import com.coder.sdk.CoderClient;
import com.coder.sdk.model.CreateOrganizationRequest;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redirects are followed only within the base URL's origin; nothing else ever leaves it. */
class RedirectTest {
  private final MockWebServer coder = new MockWebServer();
  private final MockWebServer other = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    coder.start();
    other.start();
  }

  @AfterEach
  void stop() {
    coder.close();
    other.close();
  }

  @Test
  void followsARedirectWithinTheOriginAndAuthenticatesEveryHop() throws Exception {
    coder.enqueue(redirect(302, "/api/v2/organizations/data-renamed"));
    coder.enqueue(org());

    try (CoderClient client = client(coder.url("/").toString())) {
      assertThat(client.organizations().get("data").name()).isEqualTo("data");
    }
    assertThat(coder.takeRequest().getHeaders().get("Coder-Session-Token")).isEqualTo(TOKEN);
    RecordedRequest second = coder.takeRequest();
    assertThat(second.getUrl().encodedPath()).isEqualTo("/api/v2/organizations/data-renamed");
    assertThat(second.getHeaders().get("Coder-Session-Token")).isEqualTo(TOKEN);
    assertThat(second.getHeaders().get("X-Proxy-Secret")).isEqualTo("s3cret");
  }

  @Test
  void refusesARedirectToAnotherHostAndSendsItNothing() {
    String target = other.url("/login?code=one-time").toString();
    coder.enqueue(redirect(302, target));
    other.enqueue(org());

    try (CoderClient client = client(coder.url("/").toString())) {
      CoderApiException e =
          catchThrowableOfType(CoderApiException.class, () -> client.organizations().get("data"));

      assertThat(e.statusCode()).isEqualTo(302);
      assertThat(e.getMessage())
          .startsWith(
              "GET /api/v2/organizations/data failed with 302: redirect to http://"
                  + other.getHostName()
                  + ":"
                  + other.getPort()
                  + " was not followed;")
          .doesNotContain("one-time");
    }
    assertThat(other.getRequestCount()).isZero();
  }

  @Test
  void refusesATemporaryRedirectOfAPostToAnotherHost() {
    coder.enqueue(redirect(307, other.url("/api/v2/licenses").toString()));
    other.enqueue(org());

    try (CoderClient client = client(coder.url("/").toString())) {
      CoderApiException e =
          catchThrowableOfType(
              CoderApiException.class,
              () -> client.organizations().create(CreateOrganizationRequest.builder("d").build()));

      assertThat(e.statusCode()).isEqualTo(307);
    }
    assertThat(other.getRequestCount()).isZero();
  }

  @Test
  void refusesADowngradeFromHttpsToHttp() throws Exception {
    HeldCertificate certificate =
        new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    coder.close();
    MockWebServer secure = new MockWebServer();
    secure.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(certificate)
            .build()
            .sslSocketFactory());
    secure.start();
    try {
      String downgrade = "http://localhost:" + other.getPort() + "/api/v2/organizations";
      secure.enqueue(redirect(301, downgrade));
      other.enqueue(org());
      java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("coder", certificate.certificate());

      try (CoderClient client =
          CoderClient.builder()
              .baseUrl("https://localhost:" + secure.getPort())
              .sessionToken(TOKEN)
              .trustCertificates(trust)
              .build()) {
        CoderApiException e =
            catchThrowableOfType(CoderApiException.class, () -> client.organizations().list());

        assertThat(e.statusCode()).isEqualTo(301);
        assertThat(e.getMessage())
            .contains("redirect to http://localhost:" + other.getPort() + " was not followed");
      }
      assertThat(secure.getRequestCount()).isEqualTo(1);
      assertThat(other.getRequestCount()).isZero();
    } finally {
      secure.close();
    }
  }

  @Test
  void refusesAnUpgradeFromHttpToHttpsToo() {
    coder.enqueue(redirect(301, "https://localhost:" + other.getPort() + "/api/v2/organizations"));

    try (CoderClient client = client("http://localhost:" + coder.getPort())) {
      CoderApiException e =
          catchThrowableOfType(CoderApiException.class, () -> client.organizations().list());

      assertThat(e.getMessage())
          .contains("redirect to https://localhost:" + other.getPort() + " was not followed")
          .contains("set the base URL to the deployment's own address");
    }
    assertThat(other.getRequestCount()).isZero();
  }

  private static CoderClient client(String baseUrl) {
    return CoderClient.builder()
        .baseUrl(baseUrl)
        .auth(
            CoderAuth.sessionToken(TOKEN)
                .and(CoderAuth.headers(Map.of("X-Proxy-Secret", "s3cret"))))
        .build();
  }

  private static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).setHeader("Location", location).build();
  }
}
