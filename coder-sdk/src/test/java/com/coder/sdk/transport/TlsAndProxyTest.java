package com.coder.sdk.transport;

import static com.coder.sdk.transport.Fixtures.TOKEN;
import static com.coder.sdk.transport.Fixtures.org;
import static com.coder.sdk.transport.Fixtures.orgs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.coder.sdk.CoderClient;
import com.coder.sdk.CoderTransportException;
import com.coder.sdk.internal.Tls;
import com.coder.sdk.model.CreateOrganizationRequest;
import java.net.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlsAndProxyTest {
  private final HeldCertificate rootCa =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("Private CA").build();
  private final HeldCertificate serverCertificate =
      new HeldCertificate.Builder().addSubjectAlternativeName("localhost").signedBy(rootCa).build();
  private final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(serverCertificate, rootCa.certificate())
            .addTrustedCertificate(rootCa.certificate())
            .build()
            .sslSocketFactory());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void withoutTheDeploymentsCaTheHandshakeFails() {
    server.enqueue(orgs());

    try (CoderClient client = builder().build()) {
      CoderTransportException e =
          catchThrowableOfType(CoderTransportException.class, () -> client.organizations().list());

      assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class);
      assertThat(e.attempts()).isEqualTo(1);
    }
  }

  @Test
  void trustsACaFromAPemFile() throws Exception {
    server.enqueue(orgs());
    Path pem = Files.writeString(dir.resolve("ca.pem"), rootCa.certificatePem());

    try (CoderClient client = builder().trustCertificates(pem).build()) {
      assertThat(client.organizations().list()).hasSize(1);
    }
    assertThat(server.takeRequest().getHeaders().get("Coder-Session-Token")).isEqualTo(TOKEN);
  }

  @Test
  void trustsACaFromAKeyStore() throws Exception {
    server.enqueue(orgs());
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("private-ca", rootCa.certificate());

    try (CoderClient client = builder().trustCertificates(store).build()) {
      assertThat(client.organizations().list()).hasSize(1);
    }
  }

  @Test
  void extraCasAreAddedToTheJdksNotInsteadOfThem() throws Exception {
    X509Certificate[] platform = Tls.trustManager(List.of()).getAcceptedIssuers();

    X509Certificate[] combined =
        Tls.trustManager(List.of(rootCa.certificate())).getAcceptedIssuers();

    assertThat(platform).isNotEmpty();
    assertThat(combined).contains(platform).contains(rootCa.certificate());
    assertThat(combined).hasSize(platform.length + 1);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void presentsAClientCertificateFromPemFiles(boolean pkcs1) throws Exception {
    HeldCertificate clientCertificate = clientCertificate();
    server.requireClientAuth();
    server.enqueue(orgs());
    Path ca = Files.writeString(dir.resolve("ca.pem"), rootCa.certificatePem());
    Path cert = Files.writeString(dir.resolve("client.pem"), clientCertificate.certificatePem());
    String keyPem =
        pkcs1 ? clientCertificate.privateKeyPkcs1Pem() : clientCertificate.privateKeyPkcs8Pem();
    Path key = Files.writeString(dir.resolve("client.key"), keyPem);

    try (CoderClient client =
        builder().trustCertificates(ca).clientCertificate(cert, key).build()) {
      assertThat(client.organizations().list()).hasSize(1);
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHandshake().peerCertificates())
        .first()
        .isEqualTo(clientCertificate.certificate());
  }

  @Test
  void presentsAClientCertificateFromAKeyStore() throws Exception {
    HeldCertificate clientCertificate = clientCertificate();
    server.requireClientAuth();
    server.enqueue(orgs());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    char[] password = "changeit".toCharArray();
    keys.setKeyEntry(
        "me",
        clientCertificate.keyPair().getPrivate(),
        password,
        new java.security.cert.Certificate[] {clientCertificate.certificate()});
    Path ca = Files.writeString(dir.resolve("ca.pem"), rootCa.certificatePem());

    try (CoderClient client =
        builder().trustCertificates(ca).clientCertificate(keys, password).build()) {
      assertThat(client.organizations().list()).hasSize(1);
    }
    assertThat(server.takeRequest().getHandshake().peerCertificates())
        .first()
        .isEqualTo(clientCertificate.certificate());
  }

  @Test
  void aKeyFileThatIsNotAKeyIsReportedByName() throws Exception {
    Path cert = Files.writeString(dir.resolve("client.pem"), rootCa.certificatePem());
    Path key = Files.writeString(dir.resolve("client.key"), "not a key");

    assertThatThrownBy(() -> builder().clientCertificate(cert, key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key.toString())
        .hasMessageContaining("openssl pkcs8");
  }

  @Test
  void tlsSettingsDoNotMixWithTheCallersClient() throws Exception {
    Path pem = Files.writeString(dir.resolve("ca.pem"), rootCa.certificatePem());

    assertThatThrownBy(
            () -> builder().okHttpClient(new OkHttpClient()).trustCertificates(pem).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("set them on the OkHttpClient given to okHttpClient(...)");
  }

  @Test
  void sendsCallsThroughAnHttpProxyWithItsCredentials() throws Exception {
    try (MockWebServer proxy = new MockWebServer()) {
      proxy.start();
      proxy.enqueue(Fixtures.json(201, Fixtures.ORG_JSON));

      try (CoderClient client =
          CoderClient.builder()
              .baseUrl("http://coder.example.invalid")
              .sessionToken(TOKEN)
              .proxy(proxy.getProxyAddress())
              .proxyCredentials("robot", "pr0xy-pass")
              .build()) {
        CreateOrganizationRequest create = CreateOrganizationRequest.builder("data").build();
        assertThat(client.organizations().create(create).name()).isEqualTo("data");
      }
      RecordedRequest request = proxy.takeRequest();
      assertThat(request.getRequestLine())
          .isEqualTo("POST http://coder.example.invalid/api/v2/organizations HTTP/1.1");
      assertThat(request.getHeaders().get("Proxy-Authorization"))
          .isEqualTo(Credentials.basic("robot", "pr0xy-pass"));
      assertThat(request.getHeaders().get("Coder-Session-Token")).isEqualTo(TOKEN);
      assertThat(proxy.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void answersAProxysChallengeForAnHttpsDeployment() throws Exception {
    try (MockWebServer proxy = new MockWebServer()) {
      proxy.start();
      proxy.enqueue(
          new MockResponse.Builder()
              .code(407)
              .setHeader("Proxy-Authenticate", "Basic realm=\"corp\"")
              .inTunnel()
              .build());
      proxy.enqueue(new MockResponse.Builder().inTunnel().build());
      proxy.enqueue(org());
      proxy.useHttps(
          new HandshakeCertificates.Builder()
              .heldCertificate(serverCertificate, rootCa.certificate())
              .build()
              .sslSocketFactory());
      Path pem = Files.writeString(dir.resolve("ca.pem"), rootCa.certificatePem());

      try (CoderClient client =
          CoderClient.builder()
              .baseUrl("https://localhost")
              .sessionToken(TOKEN)
              .trustCertificates(pem)
              .proxy(new Proxy(Proxy.Type.HTTP, proxy.getSocketAddress()))
              .proxyCredentials("robot", "pr0xy-pass")
              .build()) {
        assertThat(client.organizations().get("data").name()).isEqualTo("data");
      }
      RecordedRequest connect = proxy.takeRequest();
      assertThat(connect.getRequestLine()).isEqualTo("CONNECT localhost:443 HTTP/1.1");
      RecordedRequest authenticated = proxy.takeRequest();
      assertThat(authenticated.getHeaders().get("Proxy-Authorization"))
          .isEqualTo(Credentials.basic("robot", "pr0xy-pass"));
      RecordedRequest call = proxy.takeRequest();
      assertThat(call.getUrl().encodedPath()).isEqualTo("/api/v2/organizations/data");
      assertThat(call.getHeaders().get("Coder-Session-Token")).isEqualTo(TOKEN);
      assertThat(call.getHeaders().get("Proxy-Authorization")).isNull();
    }
  }

  private HeldCertificate clientCertificate() {
    return new HeldCertificate.Builder().commonName("robot").rsa2048().signedBy(rootCa).build();
  }

  private CoderClient.Builder builder() {
    return CoderClient.builder()
        .baseUrl(server.url("/").toString())
        .sessionToken(TOKEN)
        .retryPolicy(Fixtures.FAST);
  }
}
