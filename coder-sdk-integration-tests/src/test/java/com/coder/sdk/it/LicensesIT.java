package com.coder.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.BadRequestException;
import com.coder.sdk.CoderClient;
import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.License;
import com.coder.sdk.testkit.FakeCoderServer;
import com.coder.sdk.testkit.LicenseSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TargetExtension.class)
class LicensesIT {

  @Test
  void addReturnsTheLicenseWithClaimsDecodedFromTheJwt(Target target) {
    FakeCoderServer fake = target.fake("only the fake can issue licenses it accepts");
    UUID id = UUID.randomUUID();
    Instant expires = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    String jwt =
        fake.licenses()
            .issue(
                LicenseSpec.builder()
                    .feature("user_limit", 25)
                    .feature("audit_log", 1)
                    .trial(true)
                    .accountId("acme")
                    .expiresAt(expires)
                    .gracePeriod(Duration.ofDays(7))
                    .uuid(id)
                    .build());

    License license = target.client().licenses().add(jwt + "\n");

    assertThat(license.uuid()).isEqualTo(id);
    assertThat(license.id()).isPositive();
    assertThat(license.uploadedAt()).isBeforeOrEqualTo(Instant.now());
    assertThat(license.claims())
        .containsEntry("trial", true)
        .containsEntry("account_id", "acme")
        .containsEntry("account_type", "salesforce")
        .containsEntry("version", 3)
        .containsEntry("license_expires", (int) expires.getEpochSecond())
        .containsEntry("exp", (int) expires.plus(Duration.ofDays(7)).getEpochSecond())
        .containsEntry("jti", id.toString())
        .containsEntry("feature_set", "")
        .containsEntry("features", Map.of("user_limit", 25, "audit_log", 1));
    assertThat(fake.licenses().list()).contains(license);
  }

  @Test
  void claimsAreWrittenWithSortedKeys(Target target) {
    FakeCoderServer fake = target.fake("only the fake can issue licenses it accepts");
    String jwt = fake.licenses().issue(LicenseSpec.builder().feature("user_limit", 5).build());

    Http.Answer answer = target.send("POST", "/api/v2/licenses", "{\"license\":\"" + jwt + "\"}");

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.body())
        .containsSubsequence(
            "\"account_id\"",
            "\"account_type\"",
            "\"exp\"",
            "\"feature_set\"",
            "\"features\"",
            "\"iat\"",
            "\"iss\"",
            "\"jti\"",
            "\"license_expires\"",
            "\"nbf\"",
            "\"sub\"",
            "\"trial\"",
            "\"version\"");
  }

  @Test
  void garbageIsAnInvalidLicense(Target target) {
    assertThatThrownBy(() -> target.client().licenses().add("not-a-license"))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.serverMessage()).isEqualTo("Invalid license");
              assertThat(e.detail()).isEqualTo("token contains an invalid number of segments");
              assertThat(e.getMessage()).doesNotContain("not-a-license");
            });
  }

  @Test
  void licenseSignedByAnotherKeyIsInvalid(Target target) {
    FakeCoderServer fake = target.fake("issues a license from a second fake");
    try (FakeCoderServer other = FakeCoderServer.builder().build()) {
      String foreign = other.licenses().issue(LicenseSpec.multipleOrganizations());

      assertThatThrownBy(() -> target.client().licenses().add(foreign))
          .isInstanceOfSatisfying(
              BadRequestException.class,
              e -> assertThat(e.detail()).isEqualTo("no key with ID " + other.licenses().keyId()));
      assertThat(other.licenses().keyId()).isNotEqualTo(fake.licenses().keyId());
    }
  }

  @Test
  void tamperedLicenseFailsTheSignatureCheck(Target target) {
    FakeCoderServer fake = target.fake("only the fake can issue licenses it accepts");
    String[] parts = fake.licenses().issue(LicenseSpec.builder().build()).split("\\.");
    String otherPayload =
        fake.licenses().issue(LicenseSpec.multipleOrganizations()).split("\\.")[1];

    assertThatThrownBy(
            () -> target.client().licenses().add(parts[0] + "." + otherPayload + "." + parts[2]))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.serverMessage()).isEqualTo("Invalid license");
              assertThat(e.detail()).isEqualTo("ed25519: verification error");
            });
  }

  @Test
  void expiredLicenseIsRefused(Target target) {
    FakeCoderServer fake = target.fake("only the fake can issue licenses it accepts");
    String expired =
        fake.licenses()
            .issue(
                LicenseSpec.builder().expiresAt(Instant.now().minus(Duration.ofHours(2))).build());

    assertThatThrownBy(() -> target.client().licenses().add(expired))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.serverMessage()).isEqualTo("Invalid license");
              assertThat(e.detail()).startsWith("token is expired by 2h0m");
            });
  }

  @Test
  void licenseBoundToAnotherDeploymentIsRefused(Target target) {
    FakeCoderServer fake = target.fake("only the fake can issue licenses it accepts");
    String bound = fake.licenses().issue(LicenseSpec.builder().deploymentIds("elsewhere").build());
    String ours =
        fake.licenses().issue(LicenseSpec.builder().deploymentIds(fake.deploymentId()).build());

    assertThatThrownBy(() -> target.client().licenses().add(bound))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.serverMessage()).isEqualTo("License cannot be used on this deployment!");
              assertThat(e.detail())
                  .startsWith(
                      "The provided license is locked to the following deployments: "
                          + "[\"elsewhere\"].");
            });
    assertThat(target.client().licenses().add(ours).claims())
        .containsEntry("deployment_ids", java.util.List.of(fake.deploymentId()));
  }

  @Test
  void missingLicenseFieldFailsValidation(Target target) {
    Http.Answer answer = target.send("POST", "/api/v2/licenses", "{}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("Validation failed.");
    assertThat(answer.validations())
        .containsExactly("license: Validation failed for tag \"required\" with value: \"\"");
  }

  @Test
  void multipleOrganizationsLicenseOpensTheGate(Target target) {
    target.fake("adds a license to an unlicensed fake");
    Target unlicensed = target.unlicensed();
    FakeCoderServer fake = unlicensed.fake("adds a license");
    CoderClient client = unlicensed.client();
    CreateOrganizationRequest request =
        CreateOrganizationRequest.builder(Target.uniqueName("it-gated")).build();
    assertThatThrownBy(() -> client.organizations().create(request))
        .hasMessageContaining("Multiple Organizations is a Premium feature");

    client.licenses().add(fake.licenses().issue(LicenseSpec.multipleOrganizations()));

    assertThat(fake.licenses().multipleOrganizationsEnabled()).isTrue();
    assertThat(client.organizations().create(request).name()).isEqualTo(request.name());
  }

  @Test
  void refreshIsThrottledToOncePerMinute(Target target) {
    try {
      assertThat(target.client().licenses().refreshEntitlements().message())
          .isEqualTo("Entitlements updated");
    } catch (BadRequestException recentlyRefreshed) {
      // Entitlements were computed in the last minute (a license was added, or someone
      // refreshed); the second call shows the rule all the same.
      assertThat(recentlyRefreshed.retryAfter()).isPresent();
    }

    assertThatThrownBy(() -> target.client().licenses().refreshEntitlements())
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.serverMessage())
                  .matches(
                      "Entitlements already recently refreshed, please wait \\d+ seconds to "
                          + "force a new refresh");
              assertThat(e.retryAfter())
                  .hasValueSatisfying(
                      wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(60)));
            });
  }

  @Test
  void refreshIsAllowedAgainAfterAMinute(Target target) {
    target.fake("moves the fake's clock");
    MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    try (FakeCoderServer fake = FakeCoderServer.builder().clock(clock).build().start();
        CoderClient client = fake.newClient()) {
      client.licenses().refreshEntitlements();
      clock.advance(Duration.ofSeconds(45));

      assertThatThrownBy(() -> client.licenses().refreshEntitlements())
          .isInstanceOfSatisfying(
              BadRequestException.class,
              e -> {
                assertThat(e.serverMessage()).contains("please wait 15 seconds");
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(15));
              });
      assertThat(fake.lastRequest().path()).isEqualTo("/api/v2/licenses/refresh-entitlements");

      clock.advance(Duration.ofSeconds(15));
      assertThat(client.licenses().refreshEntitlements().message())
          .isEqualTo("Entitlements updated");

      client.licenses().add(fake.licenses().issue(LicenseSpec.builder().build()));
      assertThatThrownBy(() -> client.licenses().refreshEntitlements())
          .hasMessageContaining("please wait 60 seconds");
    }
  }
}
