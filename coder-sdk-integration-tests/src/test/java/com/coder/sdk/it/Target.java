package com.coder.sdk.it;

import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.coder.sdk.CoderClient;
import com.coder.sdk.NotFoundException;
import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.Organization;
import com.coder.sdk.testkit.FakeCoderServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the integration tests run against: the fake server (default) or, with {@code -Plive}, the
 * deployment in {@code CODER_URL} with the owner token in {@code CODER_SESSION_TOKEN}. Tests take a
 * target and skip, through JUnit assumptions, what the target cannot do. Organizations created
 * through {@link #createOrganization} are deleted when the target closes.
 */
final class Target implements AutoCloseable {
  private final String name;
  private final @Nullable FakeCoderServer fake;
  private final URI url;
  private final String token;
  private final CoderClient client;
  private final Http http;
  private final List<UUID> created = new ArrayList<>();
  private final List<AutoCloseable> owned = new ArrayList<>();

  private Target(String name, @Nullable FakeCoderServer fake, URI url, String token) {
    this.name = name;
    this.fake = fake;
    this.url = url;
    this.token = token;
    this.client = CoderClient.builder().baseUrl(url).sessionToken(token).build();
    this.http = new Http(url);
  }

  /** Returns the target chosen by the {@code coder.it.target} system property. */
  static Target fromSystemProperty() {
    String kind = System.getProperty("coder.it.target", "fake");
    if (kind.equals("live")) {
      String url = System.getenv(CoderClient.URL_VARIABLE);
      String token = System.getenv(CoderClient.TOKEN_VARIABLE);
      if (url == null || url.isBlank() || token == null || token.isBlank()) {
        throw new IllegalStateException(
            "-Plive needs CODER_URL and CODER_SESSION_TOKEN (an owner's token) to be set");
      }
      return new Target("live", null, URI.create(url.strip()), token.strip());
    }
    return fake(FakeCoderServer.builder().build().start());
  }

  private static Target fake(FakeCoderServer server) {
    Target target = new Target("fake", server, server.url(), server.adminToken());
    target.owned.add(server);
    return target;
  }

  String name() {
    return name;
  }

  boolean isFake() {
    return fake != null;
  }

  URI url() {
    return url;
  }

  String token() {
    return token;
  }

  CoderClient client() {
    return client;
  }

  Http http() {
    return http;
  }

  /** Returns the fake server; skips the test on a live deployment. */
  FakeCoderServer fake(String why) {
    assumeTrue(fake != null, () -> "needs the fake server: " + why);
    return fake;
  }

  /** Sends a raw request with the target's token in {@code Coder-Session-Token}. */
  Http.Answer send(String method, String pathAndQuery, @Nullable String body) {
    return http.send(method, pathAndQuery, body, "Coder-Session-Token", token);
  }

  /** Returns true if the deployment may create, update and delete organizations. */
  boolean multipleOrganizationsEnabled() {
    if (fake != null) {
      return fake.licenses().multipleOrganizationsEnabled();
    }
    Http.Answer entitlements = send("GET", "/api/v2/entitlements", null);
    return entitlements.status() == 200
        && entitlements
            .json()
            .path("features")
            .path("multiple_organizations")
            .path("enabled")
            .asBoolean(false);
  }

  /** Skips the test unless the deployment is licensed for multiple organizations. */
  void requireMultipleOrganizations() {
    assumeTrue(
        multipleOrganizationsEnabled(),
        () -> name + " deployment lacks the multiple_organizations entitlement");
  }

  /**
   * Returns a target without the multiple-organizations license: a fresh unlicensed fake, or this
   * live deployment when it is unlicensed (otherwise the test is skipped).
   */
  Target unlicensed() {
    if (fake != null) {
      Target other = fake(FakeCoderServer.builder().licensed(false).build().start());
      owned.add(other);
      return other;
    }
    assumeFalse(
        multipleOrganizationsEnabled(),
        "the live deployment is licensed for multiple organizations; cannot test the gate");
    return this;
  }

  /** Returns a name no other run uses: {@code prefix-} and 8 random hex digits. */
  static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates an organization over HTTP and remembers it for deletion. */
  Organization createOrganization(CreateOrganizationRequest request) {
    Organization org = client.organizations().create(request);
    created.add(org.id());
    return org;
  }

  /** Creates an organization with a unique name from {@code prefix}. */
  Organization createOrganization(String prefix) {
    return createOrganization(CreateOrganizationRequest.builder(uniqueName(prefix)).build());
  }

  /**
   * Deletes what this target created on a live deployment (a fake is simply closed, including
   * organizations its jobs keep from being deleted); organizations already gone are fine.
   */
  @Override
  public void close() throws Exception {
    try {
      for (UUID id : fake == null ? created : List.<UUID>of()) {
        try {
          client.organizations().delete(id);
        } catch (NotFoundException alreadyGone) {
          // The test deleted it itself.
        }
      }
    } finally {
      client.close();
      http.close();
      for (AutoCloseable resource : owned) {
        resource.close();
      }
    }
  }

  @Override
  public String toString() {
    return name + " " + url;
  }
}
