package com.coder.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.coder.sdk.CoderClient;
import com.coder.sdk.ConnectionInfo;
import com.coder.sdk.ForbiddenException;
import com.coder.sdk.NotFoundException;
import com.coder.sdk.UnauthorizedException;
import com.coder.sdk.model.BuildInfo;
import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.Entitlement;
import com.coder.sdk.model.Entitlements;
import com.coder.sdk.model.Feature;
import com.coder.sdk.model.License;
import com.coder.sdk.model.UsagePeriod;
import com.coder.sdk.model.User;
import com.coder.sdk.model.UserStatus;
import com.coder.sdk.testkit.FakeCoderServer;
import com.coder.sdk.testkit.LicenseSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Build info, the connection check and entitlements. */
@ExtendWith(TargetExtension.class)
class DeploymentIT {
  /** The features a Coder 2.24 deployment lists, in name order as its JSON writes them. */
  private static final List<String> FEATURES =
      List.of(
          "access_control",
          "advanced_template_scheduling",
          "appearance",
          "audit_log",
          "browser_only",
          "connection_log",
          "control_shared_ports",
          "custom_roles",
          "external_provisioner_daemons",
          "external_token_encryption",
          "high_availability",
          "managed_agent_limit",
          "multiple_external_auth",
          "multiple_organizations",
          "scim",
          "template_rbac",
          "user_limit",
          "user_role_management",
          "workspace_batch_actions",
          "workspace_prebuilds",
          "workspace_proxy");

  private static final Instant T0 = Instant.parse("2030-03-01T12:00:00Z");

  // ---------------------------------------------------------------------------------------------
  // Build info and the connection check

  @Test
  void buildInfoNeedsNoToken(Target target) {
    try (CoderClient anonymous = CoderClient.builder().baseUrl(target.url()).build()) {
      BuildInfo info = anonymous.deployment().buildInfo();

      assertThat(info.version()).startsWith("v");
      assertThat(info.deploymentId()).isNotEmpty();
      assertThat(info.dashboardUrl()).isNotEmpty();
      assertThat(info.workspaceProxy()).isFalse();
      assertThat(target.http().send("GET", "/api/v2/buildinfo", null).status()).isEqualTo(200);
    }
  }

  @Test
  void buildInfoOfTheFakeNamesItsVersionAndDeployment(Target target) {
    FakeCoderServer fake = target.fake("the fake's own build");

    BuildInfo info = target.client().deployment().buildInfo();
    JsonNode raw = target.http().send("GET", "/api/v2/buildinfo", null).json();

    assertThat(info)
        .isEqualTo(
            new BuildInfo(
                "https://github.com/coder/coder/releases/tag/v2.24.1",
                "v2.24.1",
                fake.url().toString(),
                false,
                false,
                "2.6",
                "1.7",
                "",
                fake.deploymentId(),
                ""));
    assertThat(fieldNames(raw))
        .containsExactly(
            "external_url",
            "version",
            "dashboard_url",
            "telemetry",
            "workspace_proxy",
            "agent_api_version",
            "provisioner_api_version",
            "upgrade_message",
            "deployment_id",
            "webpush_public_key");
  }

  @Test
  void checkConnectionReportsVersionAndTheTokensUser(Target target) {
    ConnectionInfo info = target.client().checkConnection();

    assertThat(info.baseUrl()).isEqualTo(target.client().baseUrl());
    assertThat(info.buildInfo()).isEqualTo(target.client().deployment().buildInfo());
    User me = info.user();
    assertThat(me.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(me.roles()).anySatisfy(role -> assertThat(role.name()).isEqualTo("owner"));
    assertThat(me.organizationIds()).contains(target.client().organizations().get("default").id());
    if (target.isFake()) {
      assertThat(me.username()).isEqualTo("admin");
      assertThat(me.id()).isEqualTo(target.fake("").adminUserId());
    }
  }

  @Test
  void checkConnectionWithAWrongTokenExplainsWhatToDo(Target target) {
    String version = target.client().deployment().buildInfo().version();
    String wrong = "AAAAAAAAAA-BBBBBBBBBBBBBBBBBBBBBB";
    try (CoderClient stranger =
        CoderClient.builder().baseUrl(target.url()).sessionToken(wrong).build()) {
      assertThatThrownBy(stranger::checkConnection)
          .isInstanceOfSatisfying(
              UnauthorizedException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(401);
                assertThat(e.path()).isEqualTo("/api/v2/users/me");
                assertThat(e.getMessage())
                    .contains(version)
                    .contains("coder tokens create")
                    .doesNotContain("BBBBBBBBBBBBBBBBBBBBBB");
                assertThat(e.detail()).isEqualTo("API key is invalid.");
              });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Entitlements

  @Test
  void entitlementsListEveryFeatureTheServerKnows(Target target) {
    Entitlements entitlements;
    try {
      entitlements = target.client().deployment().entitlements();
    } catch (NotFoundException openSourceBuild) {
      assumeTrue(false, "an open-source build has no entitlements route");
      return;
    }

    assertThat(entitlements.features()).containsKeys("user_limit", "multiple_organizations");
    assertThat(entitlements.features().values())
        .allSatisfy(feature -> assertThat(feature.entitlement().isKnown()).isTrue());
    assertThat(entitlements.isEntitled(Entitlements.MULTIPLE_ORGANIZATIONS))
        .isEqualTo(target.multipleOrganizationsEnabled());
    assertThat(entitlements.refreshedAt()).isNotNull();
    if (target.isFake()) {
      assertThat(entitlements.features()).containsOnlyKeys(FEATURES);
      assertThat(entitlements.feature("user_limit").orElseThrow().actual()).isPositive();
    }
  }

  @Test
  void premiumLicenseEntitlesEveryFeature(Target target) {
    FakeCoderServer fake = target.fake("the fake's default license");
    long active =
        fake.users().list().stream()
            .filter(user -> user.status().equals(UserStatus.ACTIVE))
            .count();

    Entitlements entitlements = target.client().deployment().entitlements();
    Http.Answer raw = target.http().send("GET", "/api/v2/entitlements", null);

    assertThat(entitlements.hasLicense()).isTrue();
    assertThat(entitlements.trial()).isFalse();
    assertThat(entitlements.requireTelemetry()).isFalse();
    assertThat(entitlements.errors()).isEmpty();
    assertThat(entitlements.warnings()).isEmpty();
    assertThat(entitlements.features().values())
        .allSatisfy(feature -> assertThat(feature.entitlement()).isEqualTo(Entitlement.ENTITLED));
    assertThat(entitlements.feature("user_limit").orElseThrow())
        .isEqualTo(feature(Entitlement.ENTITLED, true, 100L, active));
    assertThat(entitlements.feature("multiple_organizations").orElseThrow().isAvailable()).isTrue();
    // Entitled but turned off by the deployment's configuration.
    assertThat(entitlements.feature("browser_only").orElseThrow().enabled()).isFalse();
    assertThat(entitlements.feature("managed_agent_limit").orElseThrow())
        .isEqualTo(
            new Feature(
                Entitlement.ENTITLED,
                true,
                1000L,
                0L,
                null,
                null,
                null,
                new UsagePeriod(
                    Instant.parse("2025-07-01T00:00:00Z"),
                    Instant.parse("2025-07-01T00:00:00Z"),
                    Instant.parse("2125-07-01T00:00:00Z"))));
    assertThat(raw.status()).isEqualTo(200);
    assertThat(fieldNames(raw.json().path("features"))).containsExactlyElementsOf(FEATURES);
    assertThat(fieldNames(raw.json()))
        .containsExactly(
            "features",
            "warnings",
            "errors",
            "has_license",
            "trial",
            "require_telemetry",
            "refreshed_at");
    assertThat(fieldNames(raw.json().path("features").path("audit_log")))
        .containsExactly("entitlement", "enabled");
  }

  @Test
  void withoutALicenseNothingIsEntitledOrEnabled(Target target) {
    target.fake("needs an unlicensed fake");
    Entitlements entitlements = target.unlicensed().client().deployment().entitlements();

    assertThat(entitlements.hasLicense()).isFalse();
    assertThat(entitlements.warnings()).isEmpty();
    assertThat(entitlements.errors()).isEmpty();
    assertThat(entitlements.features()).containsOnlyKeys(FEATURES);
    assertThat(entitlements.features().values())
        .allSatisfy(
            feature -> {
              assertThat(feature.entitlement()).isEqualTo(Entitlement.NOT_ENTITLED);
              assertThat(feature.enabled()).isFalse();
              assertThat(feature.limit()).isNull();
            });
    assertThat(entitlements.feature("user_limit").orElseThrow().actual()).isEqualTo(1L);
  }

  @Test
  void aLicenseWarnsAboutUnlicensedFeaturesAndItsNearEnd(Target target) {
    target.fake("issues licenses");
    try (FakeCoderServer fake =
            FakeCoderServer.builder().licensed(false).clock(new MutableClock(T0)).start();
        CoderClient client = fake.newClient()) {
      License license =
          client
              .licenses()
              .add(
                  fake.licenses()
                      .issue(
                          LicenseSpec.builder()
                              .feature("multiple_organizations", 1)
                              .feature("audit_log", 1)
                              .feature("user_limit", 1)
                              .trial(true)
                              .expiresAt(T0.plus(Duration.ofDays(5)))
                              .build()));
      fake.users().create("second", "second@example.com");

      Entitlements entitlements = client.deployment().entitlements();

      assertThat(entitlements.hasLicense()).isTrue();
      assertThat(entitlements.trial()).isTrue();
      assertThat(entitlements.refreshedAt()).isEqualTo(license.uploadedAt());
      assertThat(entitlements.isEntitled(Entitlements.MULTIPLE_ORGANIZATIONS)).isTrue();
      assertThat(entitlements.isEntitled(Entitlements.AUDIT_LOG)).isTrue();
      assertThat(entitlements.feature("template_rbac").orElseThrow())
          .isEqualTo(feature(Entitlement.NOT_ENTITLED, false, null, null));
      assertThat(entitlements.feature("user_limit").orElseThrow())
          .isEqualTo(feature(Entitlement.ENTITLED, true, 1L, 2L));
      assertThat(entitlements.warnings())
          .containsExactly(
              "Your license expires in 5 days.",
              "Your deployment has 2 active users but is only licensed for 1.",
              "Connection Log is enabled but your license is not entitled to this feature.",
              "Template RBAC is enabled but your license is not entitled to this feature.",
              "External Provisioner Daemons is enabled but your license is not entitled to this "
                  + "feature.",
              "Advanced Template Scheduling is enabled but your license is not entitled to this "
                  + "feature.",
              "Workspace Proxy is enabled but your license is not entitled to this feature.",
              "User Role Management is enabled but your license is not entitled to this feature.",
              "Access Control is enabled but your license is not entitled to this feature.",
              "Control Shared Ports is enabled but your license is not entitled to this feature.");
      assertThat(fake.licenses().entitlements()).isEqualTo(entitlements);
    }
  }

  @Test
  void afterTheTermTheGracePeriodWarnsAndAfterExpiryTheLicenseCountsForNothing(Target target) {
    target.fake("moves the fake's clock");
    MutableClock clock = new MutableClock(T0);
    try (FakeCoderServer fake = FakeCoderServer.builder().licensed(false).clock(clock).start();
        CoderClient client = fake.newClient()) {
      client
          .licenses()
          .add(
              fake.licenses()
                  .issue(
                      LicenseSpec.builder()
                          .featureSet("premium")
                          .feature("user_limit", 10)
                          .expiresAt(T0.plus(Duration.ofDays(60)))
                          .gracePeriod(Duration.ofDays(7))
                          .build()));
      CreateOrganizationRequest request = CreateOrganizationRequest.builder("in-grace").build();

      clock.advance(Duration.ofDays(61));
      Entitlements grace = client.deployment().entitlements();

      assertThat(grace.hasLicense()).isTrue();
      assertThat(grace.feature("multiple_organizations").orElseThrow())
          .isEqualTo(feature(Entitlement.GRACE_PERIOD, true, null, null));
      assertThat(grace.isEntitled(Entitlements.MULTIPLE_ORGANIZATIONS)).isTrue();
      assertThat(grace.warnings())
          .startsWith(
              "Your deployment has 1 active users but the license with the limit 10 is expired.",
              "Audit Log is enabled but your license for this feature is expired.")
          .contains(
              "Multiple Organizations is enabled but your license for this feature is "
                  + "expired.")
          .noneMatch(warning -> warning.startsWith("Your license expires"));
      assertThat(client.organizations().create(request).name()).isEqualTo("in-grace");

      clock.advance(Duration.ofDays(7));
      Entitlements expired = client.deployment().entitlements();

      assertThat(expired.hasLicense()).isFalse();
      assertThat(expired.warnings()).isEmpty();
      assertThat(expired.isEntitled(Entitlements.MULTIPLE_ORGANIZATIONS)).isFalse();
      assertThat(fake.licenses().multipleOrganizationsEnabled()).isFalse();
      assertThatThrownBy(() -> client.organizations().delete("in-grace"))
          .isInstanceOf(ForbiddenException.class);
    }
  }

  @Test
  void aLicenseCoderCannotReadIsAnError(Target target) {
    target.fake("stores a license the upload would refuse");
    try (FakeCoderServer fake =
            FakeCoderServer.builder().licensed(false).clock(new MutableClock(T0)).start();
        CoderClient client = fake.newClient()) {
      License tooLong =
          fake.licenses()
              .add(
                  LicenseSpec.builder()
                      .feature("multiple_organizations", 1)
                      .expiresAt(T0.plus(Duration.ofDays(6 * 365)))
                      .build());

      Entitlements entitlements = client.deployment().entitlements();

      assertThat(entitlements.errors())
          .containsExactly(
              "Invalid license ("
                  + tooLong.uuid()
                  + ") parsing claims: license has invalid or "
                  + "missing license_expires claim");
      assertThat(entitlements.hasLicense()).isFalse();
      assertThat(entitlements.isEntitled(Entitlements.MULTIPLE_ORGANIZATIONS)).isFalse();
      assertThat(fake.licenses().multipleOrganizationsEnabled()).isFalse();
    }
  }

  @Test
  void deletingTheLicenseClosesTheOrganizationGate(Target target) {
    target.fake("deletes the fake's only license");
    try (FakeCoderServer fake = FakeCoderServer.builder().clock(new MutableClock(T0)).start();
        CoderClient client = fake.newClient()) {
      Instant startedAt = client.deployment().entitlements().refreshedAt();
      int id = client.licenses().list().get(0).id();

      client.licenses().delete(id);
      Entitlements after = client.deployment().entitlements();

      assertThat(startedAt).isEqualTo(T0);
      assertThat(after.hasLicense()).isFalse();
      assertThat(after.isEntitled(Entitlements.MULTIPLE_ORGANIZATIONS)).isFalse();
      assertThatThrownBy(
              () -> client.organizations().create(CreateOrganizationRequest.builder("x").build()))
          .isInstanceOf(ForbiddenException.class);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static Feature feature(
      Entitlement entitlement, boolean enabled, Long limit, Long actual) {
    return new Feature(entitlement, enabled, limit, actual, null, null, null, null);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
