package com.coder.sdk;

import static com.coder.sdk.Fixtures.DATA_ORG;
import static com.coder.sdk.Fixtures.TOKEN;
import static com.coder.sdk.Fixtures.TOKEN_SECRET;
import static com.coder.sdk.Fixtures.fixture;
import static com.coder.sdk.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.internal.SdkVersion;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's configuration: environment, base URL, credentials, redirects and lifecycle. */
class CoderClientTest extends MockServerTest {
  private static final String REDIRECT_NOTE =
      "; the client follows redirects only within the origin of its base URL, so set the base URL"
          + " to the deployment's own address";
  private static final String URL_HINT =
      "CODER_URL to the deployment URL (such as https://coder.example.com)";
  private static final String TOKEN_HINT =
      "CODER_SESSION_TOKEN to a session token (see `coder tokens create`)";

  // fromEnvironment

  @Test
  void environmentWithoutUrl() {
    IllegalStateException e =
        thrown(IllegalStateException.class, () -> fromEnvironment(null, TOKEN));

    assertThat(e).hasMessage("set " + URL_HINT);
  }

  @Test
  void environmentWithoutToken() {
    IllegalStateException e =
        thrown(IllegalStateException.class, () -> fromEnvironment(serverUrl(), null));

    assertThat(e).hasMessage("set " + TOKEN_HINT);
  }

  @Test
  void environmentWithNeither() {
    IllegalStateException e =
        thrown(IllegalStateException.class, () -> fromEnvironment(null, null));

    assertThat(e).hasMessage("set " + URL_HINT + " and " + TOKEN_HINT);
  }

  @Test
  void environmentWithBlankValuesCountsAsMissing() {
    IllegalStateException e = thrown(IllegalStateException.class, () -> fromEnvironment(" ", "\n"));

    assertThat(e).hasMessage("set " + URL_HINT + " and " + TOKEN_HINT);
  }

  @Test
  void environmentWithBothSetAuthenticatesWithTheStrippedToken() throws Exception {
    enqueue(json("[]"));

    try (CoderClient fromEnv = fromEnvironment(serverUrl() + "\n", TOKEN + "\n").build()) {
      fromEnv.organizations().list();

      assertThat(fromEnv.baseUrl()).isEqualTo(server.url("/").uri());
    }
    assertCall(takeRequest(), "GET", "/api/v2/organizations");
  }

  @Test
  void environmentWithAnUnusableUrl() {
    IllegalStateException e =
        thrown(IllegalStateException.class, () -> fromEnvironment("coder.example.com", TOKEN));

    assertThat(e)
        .hasMessage(
            "CODER_URL is not usable: baseUrl must be an absolute http:// or https:// URL, such as"
                + " https://coder.example.com")
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void environmentUrlWithATokenInItsQueryDoesNotLeakIt() {
    thrown(
        IllegalStateException.class,
        () -> fromEnvironment("https://coder.example.com/?coder_session_token=" + TOKEN, TOKEN));
  }

  private static CoderClient.Builder fromEnvironment(String url, String token) {
    Map<String, String> environment = new HashMap<>();
    environment.put(CoderClient.URL_VARIABLE, url);
    environment.put(CoderClient.TOKEN_VARIABLE, token);
    return CoderClient.builder().fromEnvironment(environment::get);
  }

  private String serverUrl() {
    return server.url("/").toString();
  }

  // Base URL

  @ParameterizedTest
  @ValueSource(strings = {"/coder/", "/coder", "/coder/api/v2", "/coder/api/v2/"})
  void pathPrefixIsKeptAndApiSuffixDropped(String path) throws Exception {
    enqueue(json("[]"));

    try (CoderClient prefixed = clientFor(server.url(path).toString())) {
      prefixed.organizations().list();

      assertThat(prefixed.baseUrl()).isEqualTo(server.url("/coder").uri());
    }
    assertCall(takeRequest(), "GET", "/coder/api/v2/organizations");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v2", "/api/v2/", "/"})
  void apiSuffixAloneIsDropped(String path) throws Exception {
    enqueue(json(fixture("organizations/data-platform.json")));

    try (CoderClient root = clientFor(" " + server.url(path) + " ")) {
      root.organizations().get(DATA_ORG);

      assertThat(root.baseUrl()).isEqualTo(server.url("/").uri());
    }
    assertCall(takeRequest(), "GET", "/api/v2/organizations/d897e3d8-4e0e-4efc-a319-3e7808bcf658");
  }

  @Test
  void baseUrlAsUri() throws Exception {
    enqueue(json("[]"));

    try (CoderClient fromUri =
        CoderClient.builder().baseUrl(URI.create(serverUrl())).sessionToken(TOKEN).build()) {
      fromUri.organizations().list();
    }
    assertCall(takeRequest(), "GET", "/api/v2/organizations");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "coder.example.com",
        "ftp://coder.example.com",
        "",
        "   ",
        "https://",
        "https://coder example.com",
        "//coder.example.com"
      })
  void invalidBaseUrlsAreRefused(String url) {
    IllegalArgumentException e =
        thrown(IllegalArgumentException.class, () -> CoderClient.builder().baseUrl(url));

    assertThat(e)
        .hasMessage(
            "baseUrl must be an absolute http:// or https:// URL, such as"
                + " https://coder.example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://admin:" + TOKEN_SECRET + "@coder.example.com",
        "https://" + TOKEN_SECRET + "@coder.example.com/",
      })
  void userInfoIsRefusedWithoutRepeatingIt(String url) {
    IllegalArgumentException e =
        thrown(IllegalArgumentException.class, () -> CoderClient.builder().baseUrl(url));

    assertThat(e)
        .hasMessage(
            "baseUrl must not contain a user name or password; use sessionToken(...) or auth(...)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://coder.example.com/?coder_session_token=" + TOKEN,
        "https://coder.example.com/#" + TOKEN,
      })
  void queryAndFragmentAreRefusedWithoutRepeatingThem(String url) {
    IllegalArgumentException e =
        thrown(IllegalArgumentException.class, () -> CoderClient.builder().baseUrl(url));

    assertThat(e)
        .hasMessage(
            "baseUrl must not have a query or fragment; give only the deployment URL, such as"
                + " https://coder.example.com");
  }

  @Test
  void buildWithoutBaseUrlIsRefused() {
    assertThatThrownBy(() -> CoderClient.builder().sessionToken(TOKEN).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("baseUrl is required, for example https://coder.example.com");
  }

  @Test
  void invalidSettingsAreRefused() {
    CoderClient.Builder builder = CoderClient.builder();

    assertThatThrownBy(() -> builder.sessionToken(" \n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token is blank");
    assertThatThrownBy(() -> builder.sessionToken(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("token == null");
    assertThatThrownBy(() -> builder.auth(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("auth == null");
    assertThatThrownBy(() -> builder.userAgent(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userAgent is blank");
    assertThatThrownBy(() -> builder.readTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("readTimeout must not be negative, was PT-1S");
    assertThatThrownBy(() -> builder.connectTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("connectTimeout == null");
  }

  // Credentials

  @Test
  void tokenSupplierIsAskedForEveryRequest() throws Exception {
    AtomicReference<String> current = new AtomicReference<>("Aa1Bb2Cc3D-firstsecretfirstsecret12");
    AtomicInteger asked = new AtomicInteger();
    enqueue(json("[]"));
    enqueue(json("[]"));

    try (CoderClient rotating =
        clientBuilder()
            .auth(
                CoderAuth.sessionToken(
                    () -> {
                      asked.incrementAndGet();
                      return current.get();
                    }))
            .build()) {
      rotating.organizations().list();
      current.set("Aa1Bb2Cc3D-rotatedsecretrotated123");
      rotating.organizations().list();
    }

    assertThat(takeRequest().getHeaders().get("Coder-Session-Token"))
        .isEqualTo("Aa1Bb2Cc3D-firstsecretfirstsecret12");
    assertThat(takeRequest().getHeaders().get("Coder-Session-Token"))
        .isEqualTo("Aa1Bb2Cc3D-rotatedsecretrotated123");
    assertThat(asked).hasValue(2);
  }

  @Test
  void bearerTokenUsesTheAuthorizationHeader() throws Exception {
    enqueue(json("[]"));

    try (CoderClient bearer = clientBuilder().auth(CoderAuth.bearerToken(TOKEN + "\n")).build()) {
      bearer.organizations().list();
    }

    Headers headers = takeRequest().getHeaders();
    assertThat(headers.get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(headers.get("Coder-Session-Token")).isNull();
  }

  @Test
  void extraHeadersCombineWithTheToken() throws Exception {
    enqueue(json("[]"));
    CoderAuth auth =
        CoderAuth.sessionToken(TOKEN)
            .and(CoderAuth.headers(Map.of("CF-Access-Client-Id", "ci.access")));

    try (CoderClient combined = clientBuilder().auth(auth).build()) {
      combined.organizations().list();
    }

    RecordedRequest request = takeRequest();
    assertCall(request, "GET", "/api/v2/organizations");
    assertThat(request.getHeaders().get("CF-Access-Client-Id")).isEqualTo("ci.access");
  }

  @Test
  void headersAloneSendNoToken() throws Exception {
    enqueue(json("[]"));

    try (CoderClient proxied =
        clientBuilder()
            .auth(CoderAuth.headers(Map.of("X-Proxy-Key", "k1", "X-Proxy-Team", "admins")))
            .build()) {
      proxied.organizations().list();
    }

    Headers headers = takeRequest().getHeaders();
    assertThat(headers.get("X-Proxy-Key")).isEqualTo("k1");
    assertThat(headers.get("X-Proxy-Team")).isEqualTo("admins");
    assertThat(headers.get("Coder-Session-Token")).isNull();
    assertThat(headers.get("Authorization")).isNull();
  }

  @Test
  void noCredentialsByDefault() throws Exception {
    enqueue(json("[]"));

    try (CoderClient anonymous = CoderClient.builder().baseUrl(serverUrl()).build()) {
      anonymous.organizations().list();
    }

    Headers headers = takeRequest().getHeaders();
    assertThat(headers.get("Coder-Session-Token")).isNull();
    assertThat(headers.get("Authorization")).isNull();
  }

  @Test
  void tokenWithATrailingNewlineIsSentStripped() throws Exception {
    enqueue(json("[]"));
    enqueue(json("[]"));

    try (CoderClient viaBuilder = clientBuilder().sessionToken(TOKEN + "\r\n").build();
        CoderClient viaAuth = clientBuilder().auth(CoderAuth.sessionToken(TOKEN + "\n")).build()) {
      viaBuilder.organizations().list();
      viaAuth.organizations().list();
    }

    assertCall(takeRequest(), "GET", "/api/v2/organizations");
    assertCall(takeRequest(), "GET", "/api/v2/organizations");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Fx3kq9ZtBa-7hT2mW8p\u0000LxR4vN6cYs1d", "Fx3kq9ZtBa-7hT2mW8p\u00fcLxR4vN6cYs1d"})
  void tokenWithAnIllegalCharacterFailsWithoutRevealingIt(String token) {
    try (CoderClient broken = clientBuilder().sessionToken(token).build()) {
      CoderException e = thrown(CoderException.class, () -> broken.organizations().list());

      assertThat(e).isExactlyInstanceOf(CoderException.class);
      assertThat(e)
          .hasMessage(
              "GET /api/v2/organizations: could not add credentials: value of header"
                  + " Coder-Session-Token has a character not allowed in HTTP at index 19");
      assertThat(e.getMessage()).doesNotContain("7hT2mW8p", "LxR4vN6c");
      assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void headerNameThatCannotBeSentIsReported() {
    IllegalArgumentException e =
        thrown(
            IllegalArgumentException.class,
            () -> CoderAuth.headers(Map.of("X Proxy Key", TOKEN_SECRET)));

    assertThat(e.getMessage())
        .isEqualTo("header name \"X Proxy Key\" has a character not allowed at index 1");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void tokenSupplierThatFailsIsReported() {
    try (CoderClient empty = clientBuilder().auth(CoderAuth.sessionToken(() -> null)).build();
        CoderClient failing =
            clientBuilder()
                .auth(
                    CoderAuth.bearerToken(
                        () -> {
                          throw new IllegalStateException("vault is sealed");
                        }))
                .build()) {
      CoderException none = thrown(CoderException.class, () -> empty.organizations().list());
      CoderException broken = thrown(CoderException.class, () -> failing.organizations().list());

      assertThat(none)
          .hasMessage(
              "GET /api/v2/organizations: could not add credentials: the token supplier returned"
                  + " no token");
      assertThat(broken)
          .hasMessage("GET /api/v2/organizations: could not add credentials: vault is sealed")
          .hasCauseInstanceOf(IllegalStateException.class);
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void toStringNeverShowsACredential() {
    CoderAuth session = CoderAuth.sessionToken(TOKEN);
    CoderAuth bearer = CoderAuth.bearerToken(() -> TOKEN);
    CoderAuth headers = CoderAuth.headers(Map.of("CF-Access-Client-Secret", TOKEN));

    assertThat(session).hasToString("CoderAuth.sessionToken(****)");
    assertThat(bearer).hasToString("CoderAuth.bearerToken(****)");
    assertThat(headers).hasToString("CoderAuth.headers([CF-Access-Client-Secret])");
    assertThat(session.and(headers))
        .hasToString(
            "CoderAuth[CoderAuth.sessionToken(****),"
                + " CoderAuth.headers([CF-Access-Client-Secret])]");
    assertThat(CoderAuth.none()).hasToString("CoderAuth.none()");
    assertThat(client).hasToString("CoderClient{baseUrl=" + serverUrl() + "}");
    assertThat(client.toString()).doesNotContain(TOKEN_SECRET);
  }

  // Redirects

  @Test
  void sameOriginRedirectKeepsTheToken() throws Exception {
    enqueue(redirect(302, "/api/v2/organizations/data-platform"));
    enqueue(json(fixture("organizations/data-platform.json")));

    OrganizationsTest.assertDataPlatform(client.organizations().get("coder-data"));

    assertCall(takeRequest(), "GET", "/api/v2/organizations/coder-data");
    assertCall(takeRequest(), "GET", "/api/v2/organizations/data-platform");
  }

  @Test
  void redirectToAnotherOriginIsRefusedAndNothingReachesIt() throws Exception {
    CoderAuth everything =
        CoderAuth.sessionToken(TOKEN)
            .and(CoderAuth.bearerToken(TOKEN))
            .and(CoderAuth.headers(Map.of("CF-Access-Client-Secret", TOKEN_SECRET)));
    try (MockWebServer other = new MockWebServer();
        CoderClient loaded = clientBuilder().auth(everything).build()) {
      other.start();
      enqueue(redirect(307, other.url("/api/v2/organizations/data-platform").toString()));

      CoderApiException e =
          thrown(CoderApiException.class, () -> loaded.organizations().get("data-platform"));

      assertThat(e.statusCode()).isEqualTo(307);
      assertThat(e.getMessage())
          .startsWith(
              "GET /api/v2/organizations/data-platform failed with 307: redirect to http://"
                  + other.getHostName()
                  + ":"
                  + other.getPort()
                  + " was not followed");
      Headers first = takeRequest().getHeaders();
      assertThat(first.get("Coder-Session-Token")).isEqualTo(TOKEN);
      assertThat(first.get("Authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(first.get("CF-Access-Client-Secret")).isEqualTo(TOKEN_SECRET);
      assertThat(other.getRequestCount()).isZero();
    }
  }

  @Test
  void redirectFromHttpsToHttpIsNotFollowed() throws IOException {
    try (MockWebServer secure = httpsServer();
        CoderClient viaTls = clientFor(secure.url("/").toString(), trustingTestCertificate())) {
      secure.enqueue(
          redirect(302, server.url("/api/v2/organizations?code=one-time-code").toString()));

      CoderApiException e = thrown(CoderApiException.class, () -> viaTls.organizations().list());

      assertThat(e.statusCode()).isEqualTo(302);
      assertThat(e)
          .hasMessage(
              "GET /api/v2/organizations failed with 302: redirect to http://localhost:"
                  + server.getPort()
                  + " was not followed"
                  + REDIRECT_NOTE);
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void redirectFromHttpToHttpsIsNotFollowed() throws IOException {
    try (MockWebServer secure = httpsServer();
        CoderClient plain = clientFor(serverUrl(), trustingTestCertificate())) {
      enqueue(redirect(308, secure.url("/api/v2/organizations").toString()));

      CoderApiException e = thrown(CoderApiException.class, () -> plain.organizations().list());

      assertThat(e.statusCode()).isEqualTo(308);
      assertThat(e)
          .hasMessage(
              "GET /api/v2/organizations failed with 308: redirect to https://localhost:"
                  + secure.getPort()
                  + " was not followed"
                  + REDIRECT_NOTE);
      assertThat(secure.getRequestCount()).isZero();
    }
  }

  private static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).setHeader("Location", location).build();
  }

  // Lifecycle

  @Test
  void closedClientRefusesCalls() {
    client.close();
    client.close();

    assertThatThrownBy(() -> client.organizations().list())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this CoderClient is closed");
    assertThatThrownBy(() -> client.licenses().refreshEntitlements())
        .isInstanceOf(IllegalStateException.class);
    assertThat(client).hasToString("CoderClient{baseUrl=" + serverUrl() + ", closed}");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void callerSuppliedOkHttpClientOutlivesTheCoderClient() throws Exception {
    OkHttpClient shared = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    enqueue(json("[]"));
    enqueue(json("[]"));
    enqueue(new MockResponse.Builder().body("pong").build());
    enqueue(json("[]"));

    try {
      CoderClient first = clientFor(serverUrl(), shared);
      first.organizations().list();
      first.close();

      try (CoderClient second = clientFor(serverUrl(), shared)) {
        second.organizations().list();
      }
      try (okhttp3.Response pong =
          shared.newCall(new Request.Builder().url(server.url("/ping")).build()).execute()) {
        assertThat(pong.body().string()).isEqualTo("pong");
      }
      assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
      assertThat(shared.networkInterceptors()).isEmpty();
      assertThat(shared.followSslRedirects()).isTrue();

      try (CoderClient third = clientFor(serverUrl(), shared)) {
        third.organizations().list();
      }
    } finally {
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }
  }

  @Test
  void builderTimeoutsOverrideTheSuppliedClient() {
    OkHttpClient shared = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    enqueue(json("[]").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());

    try (CoderClient impatient =
        CoderClient.builder()
            .baseUrl(serverUrl())
            .okHttpClient(shared)
            .readTimeout(Duration.ofMillis(200))
            .build()) {
      thrown(CoderTimeoutException.class, () -> impatient.organizations().list());
    } finally {
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }
  }

  @Test
  void defaultUserAgentNamesTheSdkAndJava() throws Exception {
    enqueue(json("[]"));

    client.organizations().list();

    assertThat(takeRequest().getHeaders().get("User-Agent"))
        .startsWith("coder-java-sdk/" + SdkVersion.get() + " (Java ")
        .isEqualTo(SdkVersion.userAgent());
    assertThat(SdkVersion.get()).isNotBlank().isNotEqualTo("${project.version}");
  }

  @Test
  void applicationUserAgentComesFirst() throws Exception {
    enqueue(json("[]"));

    try (CoderClient named = clientBuilder().userAgent(" nightly-cleanup/1.4 ").build()) {
      named.organizations().list();
    }

    assertThat(takeRequest().getHeaders().get("User-Agent"))
        .isEqualTo("nightly-cleanup/1.4 " + SdkVersion.userAgent());
  }

  private static CoderClient clientFor(String baseUrl) {
    return CoderClient.builder().baseUrl(baseUrl).sessionToken(TOKEN).build();
  }

  private static CoderClient clientFor(String baseUrl, OkHttpClient okHttpClient) {
    return CoderClient.builder()
        .baseUrl(baseUrl)
        .sessionToken(TOKEN)
        .okHttpClient(okHttpClient)
        .build();
  }

  // TLS for the redirect tests: one self-signed certificate for localhost, made once.

  private static final class Tls {
    static final HeldCertificate LOCALHOST =
        new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    static final HandshakeCertificates SERVER =
        new HandshakeCertificates.Builder().heldCertificate(LOCALHOST).build();
    static final HandshakeCertificates CLIENT =
        new HandshakeCertificates.Builder().addTrustedCertificate(LOCALHOST.certificate()).build();
  }

  private static MockWebServer httpsServer() throws IOException {
    MockWebServer secure = new MockWebServer();
    secure.useHttps(Tls.SERVER.sslSocketFactory());
    secure.start();
    return secure;
  }

  private static OkHttpClient trustingTestCertificate() {
    return new OkHttpClient.Builder()
        .sslSocketFactory(Tls.CLIENT.sslSocketFactory(), Tls.CLIENT.trustManager())
        .build();
  }
}
