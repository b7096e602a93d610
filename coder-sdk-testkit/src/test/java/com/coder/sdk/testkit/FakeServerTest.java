package com.coder.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.CoderClient;
import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.LogLevel;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.model.ProvisionerJobType;
import com.coder.sdk.testkit.internal.LicenseAuthority;
import com.coder.sdk.testkit.internal.Wire;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class FakeServerTest {
  private static final Instant T0 = Instant.parse("2030-05-17T17:39:01.382920999Z");

  @Test
  void organizationJsonHasCodersOrderEscapesAndTimestamps() throws Exception {
    try (FakeCoderServer coder =
        FakeCoderServer.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).build().start()) {
      Organization org =
          coder
              .organizations()
              .create(CreateOrganizationRequest.builder("acme").displayName("A <&> B").build());

      String body = get(coder, "/api/v2/organizations/acme");

      assertThat(body)
          .isEqualTo(
              "{\"id\":\""
                  + org.id()
                  + "\",\"name\":\"acme\",\"display_name\":\"A \\u003c\\u0026"
                  + "\\u003e B\",\"icon\":\"\",\"description\":\"\","
                  + "\"created_at\":\"2030-05-17T17:39:01.38292Z\","
                  + "\"updated_at\":\"2030-05-17T17:39:01.38292Z\",\"is_default\":false,"
                  + "\"default_org_member_roles\":[\"organization-workspace-access\"]}\n");
    }
  }

  @Test
  void urlTokenAndClientPointAtTheServer() {
    try (FakeCoderServer coder =
        FakeCoderServer.builder().adminToken("0123456789-abcdefghijklmnopqrstuv").build(); ) {
      assertThatThrownBy(coder::url).isInstanceOf(IllegalStateException.class);
      coder.start();
      assertThatThrownBy(coder::start).isInstanceOf(IllegalStateException.class);
      URI url = coder.url();
      try (CoderClient client = coder.newClient()) {
        assertThat(url.getScheme()).isEqualTo("http");
        assertThat(url.getPath()).isEmpty();
        assertThat(client.baseUrl().getPort()).isEqualTo(url.getPort());
        assertThat(coder.adminToken()).isEqualTo("0123456789-abcdefghijklmnopqrstuv");
        assertThat(client.organizations().get("default")).isEqualTo(coder.defaultOrganization());
        assertThat(coder.lastRequest().sessionToken()).contains(coder.adminToken());
      }
    }
    assertThatThrownBy(() -> FakeCoderServer.builder().adminToken("short"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seedingChecksWhatTheServerWouldCheck() {
    try (FakeCoderServer coder = FakeCoderServer.builder().licensed(false).build()) {
      coder.organizations().create("Mixed-Case");

      assertThatThrownBy(() -> coder.organizations().create("mixed-case"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> coder.organizations().create("default"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> coder.organizations().create("no_underscore"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> coder.provisionerDaemons().register("nowhere", "d"))
          .isInstanceOf(IllegalArgumentException.class);
      coder.provisionerDaemons().register("mixed-case", "d");
      assertThatThrownBy(() -> coder.provisionerDaemons().register("MIXED-CASE", "d"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> coder.provisionerJobs().acquire("ghost"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(coder.licenses().list()).isEmpty();
      assertThat(coder.licenses().multipleOrganizationsEnabled()).isFalse();
    }
  }

  @Test
  void usersJobOwnersAndLogsRefuseWhatCoderRefuses() {
    try (FakeCoderServer coder = FakeCoderServer.builder().build()) {
      coder.users().create("Alice", "alice@example.com");
      UUID version = UUID.randomUUID();
      ProvisionerJob imported =
          coder
              .provisionerJobs()
              .enqueue(
                  ProvisionerJobSpec.builder(ProvisionerJobType.TEMPLATE_VERSION_IMPORT)
                      .templateVersionId(version)
                      .build());

      assertThatThrownBy(() -> coder.users().create("ALICE", "other@example.com"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> coder.users().create("bob", "Alice@Example.com"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> UserSpec.builder("me")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> UserSpec.builder("bob").siteRoles("member"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () ->
                  coder.users().create(UserSpec.builder("carol").organizations("nowhere").build()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(coder.users().find("carol")).isEmpty();
      assertThat(coder.users().get("alice").organizationIds())
          .containsExactly(coder.defaultOrganization().id());
      assertThat(coder.users().owner().id()).isEqualTo(coder.adminUserId());
      assertThatThrownBy(
              () ->
                  coder
                      .provisionerJobs()
                      .enqueue(
                          ProvisionerJobSpec.builder(ProvisionerJobType.TEMPLATE_VERSION_IMPORT)
                              .templateVersionId(version)
                              .build()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () -> coder.provisionerJobs().log(imported.id(), "s", LogLevel.INFO, "too early"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is pending");
      assertThat(coder.provisionerJobs().logs(imported.id())).isEmpty();
    }
  }

  @Test
  void jobsRefuseMovesTheirStateDoesNotAllow() {
    try (FakeCoderServer coder = FakeCoderServer.builder().build()) {
      ProvisionerJob job =
          coder
              .provisionerJobs()
              .enqueue(
                  ProvisionerJobSpec.builder(ProvisionerJobType.TEMPLATE_VERSION_IMPORT).build());

      assertThatThrownBy(() -> coder.provisionerJobs().complete(job.id()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is pending");
      coder.provisionerJobs().fail(job.id(), "bad template");
      assertThatThrownBy(() -> coder.provisionerJobs().fail(job.id(), "again"))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> coder.provisionerJobs().fail(job.id(), ""))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(coder.provisionerJobs().get(job.id()).status())
          .isEqualTo(ProvisionerJobStatus.FAILED);
      assertThat(coder.provisionerJobs().delete(job.id())).isTrue();
      assertThatThrownBy(() -> coder.provisionerJobs().get(job.id()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void sampleDataHasJobsInEveryState() {
    try (FakeCoderServer coder = FakeCoderServer.builder().build()) {
      SampleData sample = coder.seedSampleData();

      assertThat(sample.organizations())
          .extracting(Organization::name)
          .containsExactly("data-platform", "mobile");
      assertThat(sample.daemons()).hasSize(3);
      assertThat(sample.jobs())
          .extracting(ProvisionerJob::status)
          .containsExactly(
              ProvisionerJobStatus.PENDING, ProvisionerJobStatus.PENDING,
              ProvisionerJobStatus.PENDING, ProvisionerJobStatus.RUNNING,
              ProvisionerJobStatus.CANCELED, ProvisionerJobStatus.CANCELING,
              ProvisionerJobStatus.FAILED, ProvisionerJobStatus.SUCCEEDED);
      assertThat(sample.jobs())
          .extracting(ProvisionerJob::queuePosition)
          .containsExactly(3, 2, 1, 0, 0, 0, 0, 0);
      assertThat(sample.job(ProvisionerJobStatus.RUNNING).workerName()).isEqualTo("dp-gpu-1");
      assertThat(sample.jobs().get(1).availableWorkers()).isEmpty();
      assertThat(sample.job(ProvisionerJobStatus.FAILED).errorCode()).isNotNull();
      assertThat(coder.provisionerJobs().list()).isEqualTo(sample.jobs());
    }
  }

  @Test
  void licenseChecksFailWithTheLibrarysMessages() throws Exception {
    LicenseAuthority authority = new LicenseAuthority("k1");
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    ObjectNode claims = FakeLicenses.claims(LicenseSpec.builder().build(), now);
    String good = authority.sign(claims);
    String[] parts = good.split("\\.");
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();

    assertThat(authority.verify(good, now).claims().toString()).isEqualTo(claims.toString());
    assertThat(
            problem(
                authority,
                now,
                b64.encodeToString("{\"alg\":\"HS256\",\"kid\":\"k1\"}".getBytes())
                    + "."
                    + parts[1]
                    + "."
                    + parts[2]))
        .isEqualTo("signing method HS256 is invalid");
    assertThat(
            problem(
                authority,
                now,
                b64.encodeToString("{\"alg\":\"EdDSA\"}".getBytes())
                    + "."
                    + parts[1]
                    + "."
                    + parts[2]))
        .isEqualTo("JOSE header must contain kid");
    assertThat(
            problem(
                authority,
                now,
                b64.encodeToString("{\"alg\":\"XYZ\"}".getBytes())
                    + "."
                    + parts[1]
                    + "."
                    + parts[2]))
        .isEqualTo("signing method (alg) is unavailable.");
    assertThat(problem(authority, now, parts[0] + "." + parts[1] + "=." + parts[2]))
        .startsWith("illegal base64 data at input byte");
    assertThat(problem(authority, now.minusSeconds(5), good)).isEqualTo("token used before issued");
    assertThat(problem(authority, now, authority.sign(claims.deepCopy().put("version", 2))))
        .isEqualTo("license must be version 3");
    ObjectNode noExpiry = claims.deepCopy();
    noExpiry.remove("license_expires");
    assertThat(problem(authority, now, authority.sign(noExpiry)))
        .isEqualTo("license missing license_expires");
    assertThat(Wire.mapper().writeValueAsString(List.of("<"))).isEqualTo("[\"\\u003c\"]");
  }

  private static String problem(LicenseAuthority authority, Instant now, String jwt) {
    try {
      authority.verify(jwt, now);
      return "valid";
    } catch (LicenseAuthority.InvalidLicenseException e) {
      return e.getMessage();
    }
  }

  private static String get(FakeCoderServer coder, String path) throws Exception {
    try (okhttp3.Response response =
        new OkHttpClient()
            .newCall(
                new Request.Builder()
                    .url(coder.url() + path)
                    .header("Coder-Session-Token", coder.adminToken())
                    .build())
            .execute()) {
      assertThat(response.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
      return response.body().string();
    }
  }
}
