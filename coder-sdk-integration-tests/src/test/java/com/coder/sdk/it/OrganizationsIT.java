package com.coder.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.BadRequestException;
import com.coder.sdk.CoderApiException;
import com.coder.sdk.ConflictException;
import com.coder.sdk.ForbiddenException;
import com.coder.sdk.NotFoundException;
import com.coder.sdk.ServerErrorException;
import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerJobType;
import com.coder.sdk.model.Response;
import com.coder.sdk.model.UpdateOrganizationRequest;
import com.coder.sdk.model.ValidationError;
import com.coder.sdk.testkit.FakeCoderServer;
import com.coder.sdk.testkit.ProvisionerJobSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(TargetExtension.class)
class OrganizationsIT {
  private static final String NOT_FOUND =
      "Resource not found or you do not have access to this resource";
  private static final String PREMIUM =
      "Multiple Organizations is a Premium feature. Contact sales!";

  @Test
  void listHasExactlyOneDefaultOrganization(Target target) {
    List<Organization> orgs = target.client().organizations().list();

    assertThat(orgs).filteredOn(Organization::isDefault).hasSize(1);
    Organization defaultOrg = target.client().organizations().get("default");
    assertThat(orgs).contains(defaultOrg);
    assertThat(defaultOrg.isDefault()).isTrue();
  }

  @Test
  void defaultOrganizationOfTheFakeIsNamedCoder(Target target) {
    FakeCoderServer fake = target.fake("the fake's seeded default organization");

    Organization org = target.client().organizations().get("default");

    assertThat(org.name()).isEqualTo("coder");
    assertThat(org.displayName()).isEqualTo("Coder");
    assertThat(org).isEqualTo(fake.defaultOrganization());
  }

  @Test
  void getFindsByIdNameIgnoringCaseDefaultAndNilUuid(Target target) {
    Organization org = target.client().organizations().get("default");

    assertThat(target.client().organizations().get(org.id())).isEqualTo(org);
    assertThat(target.client().organizations().get(org.name().toUpperCase())).isEqualTo(org);
    assertThat(target.client().organizations().get("00000000-0000-0000-0000-000000000000"))
        .isEqualTo(org);
  }

  @Test
  void createWritesEveryFieldAndDefaultsDisplayNameToName(Target target) {
    target.requireMultipleOrganizations();
    String name = Target.uniqueName("it-create");

    Organization bare = target.createOrganization(CreateOrganizationRequest.builder(name).build());
    Organization full =
        target.createOrganization(
            CreateOrganizationRequest.builder(name + "-full")
                .displayName("Data <Platform> & Co")
                .description("Pipelines")
                .icon("/emojis/1f957.png")
                .build());

    assertThat(bare.name()).isEqualTo(name);
    assertThat(bare.displayName()).isEqualTo(name);
    assertThat(bare.description()).isEmpty();
    assertThat(bare.icon()).isEmpty();
    assertThat(bare.isDefault()).isFalse();
    assertThat(bare.createdAt()).isEqualTo(bare.updatedAt());
    assertThat(full.displayName()).isEqualTo("Data <Platform> & Co");
    assertThat(full.description()).isEqualTo("Pipelines");
    assertThat(full.icon()).isEqualTo("/emojis/1f957.png");
    assertThat(target.client().organizations().list()).contains(bare, full);
    assertThat(target.client().organizations().get(name.toUpperCase())).isEqualTo(bare);
  }

  @Test
  void createAnswersCreatedWithCodersJson(Target target) {
    target.requireMultipleOrganizations();
    String name = Target.uniqueName("it-raw");

    Http.Answer answer =
        target.send("POST", "/api/v2/organizations", "{\"name\":\"" + name + "\"}");
    Organization created = target.client().organizations().get(name);
    target.client().organizations().delete(created.id());

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.headers().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(answer.body()).endsWith("}\n");
    JsonNode json = answer.json();
    assertThat(json.path("id").asText()).isEqualTo(created.id().toString());
    assertThat(json.has("description")).isTrue();
    assertThat(json.has("icon")).isTrue();
    assertThat(json.path("is_default").isBoolean()).isTrue();
    assertThat(json.path("created_at").asText()).endsWith("Z");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bad_name",
        "-lead",
        "trail-",
        "double--hyphen",
        "new",
        "create",
        "dot.ted",
        "thirty-three-characters-long-nam3"
      })
  void createRefusesNamesCoderRefuses(String name, Target target) {
    target.requireMultipleOrganizations();

    assertThatThrownBy(
            () -> target.createOrganization(CreateOrganizationRequest.builder(name).build()))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.serverMessage()).isEqualTo("Validation failed.");
              assertThat(e.validations())
                  .containsExactly(
                      new ValidationError(
                          "name",
                          "Validation failed for tag \"organization_name\" with value: \""
                              + name
                              + "\""));
            });
  }

  @Test
  void createWithoutNameNamesTheRequiredField(Target target) {
    target.requireMultipleOrganizations();

    Http.Answer answer = target.send("POST", "/api/v2/organizations", "{}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("Validation failed.");
    assertThat(answer.validations())
        .containsExactly("name: Validation failed for tag \"required\" with value: \"\"");
  }

  @Test
  void createWithBadBodyIsNotValidJson(Target target) {
    target.requireMultipleOrganizations();

    Http.Answer answer = target.send("POST", "/api/v2/organizations", "{\"name\":");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("Request body must be valid JSON.");
    assertThat(answer.detail()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " leading",
        "trailing ",
        "sixty-five characters, one more than the display name limit allows"
      })
  void createRefusesDisplayNamesCoderRefuses(String displayName, Target target) {
    target.requireMultipleOrganizations();
    String name = Target.uniqueName("it-display");

    assertThatThrownBy(
            () ->
                target.createOrganization(
                    CreateOrganizationRequest.builder(name).displayName(displayName).build()))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e ->
                assertThat(e.validations())
                    .extracting(ValidationError::field)
                    .containsExactly("display_name"));
  }

  @Test
  void createRefusesTheReservedNameDefault(Target target) {
    target.requireMultipleOrganizations();

    assertThatThrownBy(
            () -> target.createOrganization(CreateOrganizationRequest.builder("default").build()))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.serverMessage()).isEqualTo("Organization name \"default\" is reserved.");
              assertThat(e.validations()).isEmpty();
            });
  }

  @Test
  void createRefusesANameTakenIgnoringCase(Target target) {
    target.requireMultipleOrganizations();
    Organization org = target.createOrganization("it-dup");

    assertThatThrownBy(
            () ->
                target.createOrganization(
                    CreateOrganizationRequest.builder(org.name().toUpperCase()).build()))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.serverMessage())
                  .isEqualTo("Organization already exists with that name.");
              assertThat(e.validations()).isEmpty();
            });
  }

  @Test
  void updateChangesOnlyTheFieldsSent(Target target) {
    target.requireMultipleOrganizations();
    Organization org =
        target.createOrganization(
            CreateOrganizationRequest.builder(Target.uniqueName("it-update"))
                .displayName("Before")
                .description("Old description")
                .icon("/emojis/1f600.png")
                .build());

    Organization renamed =
        target
            .client()
            .organizations()
            .update(org.id(), UpdateOrganizationRequest.builder().displayName("After").build());
    Organization cleared =
        target
            .client()
            .organizations()
            .update(
                org.name(),
                UpdateOrganizationRequest.builder().clearDescription().clearIcon().build());

    assertThat(renamed.displayName()).isEqualTo("After");
    assertThat(renamed.name()).isEqualTo(org.name());
    assertThat(renamed.description()).isEqualTo("Old description");
    assertThat(renamed.icon()).isEqualTo("/emojis/1f600.png");
    assertThat(renamed.updatedAt()).isAfterOrEqualTo(org.updatedAt());
    assertThat(cleared.displayName()).isEqualTo("After");
    assertThat(cleared.description()).isEmpty();
    assertThat(cleared.icon()).isEmpty();
  }

  @Test
  void updateTreatsEmptyNameAndDisplayNameAsUnchanged(Target target) {
    target.requireMultipleOrganizations();
    Organization org = target.createOrganization("it-empty");

    Http.Answer answer =
        target.send(
            "PATCH", "/api/v2/organizations/" + org.id(), "{\"name\":\"\",\"display_name\":\"\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("name").asText()).isEqualTo(org.name());
    assertThat(answer.json().path("display_name").asText()).isEqualTo(org.displayName());
  }

  @Test
  void updateRenamesAndRefusesATakenName(Target target) {
    target.requireMultipleOrganizations();
    Organization first = target.createOrganization("it-first");
    Organization second = target.createOrganization("it-second");
    String newName = Target.uniqueName("it-renamed");

    Organization renamed =
        target
            .client()
            .organizations()
            .update(first.id(), UpdateOrganizationRequest.builder().name(newName).build());

    assertThat(renamed.name()).isEqualTo(newName);
    assertThat(target.client().organizations().get(newName).id()).isEqualTo(first.id());
    assertThatThrownBy(
            () ->
                target
                    .client()
                    .organizations()
                    .update(
                        second.id(),
                        UpdateOrganizationRequest.builder().name(newName.toUpperCase()).build()))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.serverMessage())
                  .isEqualTo(
                      "Organization already exists with the name \""
                          + newName.toUpperCase()
                          + "\".");
              assertThat(e.validations())
                  .containsExactly(
                      new ValidationError(
                          "name", "This value is already in use and should be unique."));
            });
  }

  @Test
  void updateRefusesInvalidAndReservedNames(Target target) {
    target.requireMultipleOrganizations();
    Organization org = target.createOrganization("it-invalid");

    assertThatThrownBy(
            () ->
                target
                    .client()
                    .organizations()
                    .update(
                        org.id(),
                        UpdateOrganizationRequest.builder().name("no_underscores").build()))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e ->
                assertThat(e.validations())
                    .containsExactly(
                        new ValidationError(
                            "name",
                            "Validation failed for tag \"organization_name\" with value: "
                                + "\"no_underscores\"")));
    assertThatThrownBy(
            () ->
                target
                    .client()
                    .organizations()
                    .update(org.id(), UpdateOrganizationRequest.builder().name("default").build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Organization name \"default\" is reserved.");
  }

  @Test
  void deleteRemovesTheOrganizationAndFreesItsName(Target target) {
    target.requireMultipleOrganizations();
    Organization org = target.createOrganization("it-delete");

    Response response = target.client().organizations().delete(org.name());

    assertThat(response.message()).isEqualTo("Organization has been deleted.");
    assertThatThrownBy(() -> target.client().organizations().get(org.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(target.client().organizations().list()).doesNotContain(org);
    Organization again =
        target.createOrganization(CreateOrganizationRequest.builder(org.name()).build());
    assertThat(again.id()).isNotEqualTo(org.id());
  }

  @Test
  void deleteRefusesTheDefaultOrganization(Target target) {
    target.requireMultipleOrganizations();

    assertThatThrownBy(() -> target.client().organizations().delete("default"))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e ->
                assertThat(e.serverMessage()).isEqualTo("Default organization cannot be deleted."));
  }

  @Test
  void deleteRefusesWhileTemplatesAndWorkspacesRemain(Target target) {
    FakeCoderServer fake = target.fake("seeds templates and workspaces through jobs");
    Organization org = target.createOrganization("it-busy");
    var build =
        fake.provisionerJobs()
            .enqueue(
                ProvisionerJobSpec.builder(ProvisionerJobType.WORKSPACE_BUILD)
                    .organization(org.id())
                    .template(UUID.randomUUID(), "python")
                    .build());

    assertThatThrownBy(() -> target.client().organizations().delete(org.id()))
        .isInstanceOfSatisfying(
            ServerErrorException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(e.serverMessage()).isEqualTo("Error deleting organization.");
              assertThat(e.detail())
                  .isEqualTo(
                      "This organization has 1 workspace, 1 template that must be deleted first.");
            });
    fake.provisionerJobs().delete(build.id());
    assertThat(target.client().organizations().delete(org.id()).message())
        .isEqualTo("Organization has been deleted.");
  }

  @Test
  void unknownOrganizationIsNotFoundOnEveryRoute(Target target) {
    target.requireMultipleOrganizations();
    String missing = Target.uniqueName("it-missing");

    for (Runnable call :
        List.<Runnable>of(
            () -> target.client().organizations().get(missing),
            () -> target.client().organizations().get(UUID.randomUUID()),
            () ->
                target
                    .client()
                    .organizations()
                    .update(missing, UpdateOrganizationRequest.builder().description("x").build()),
            () -> target.client().organizations().delete(missing),
            () -> target.client().provisionerJobs().list(missing),
            () -> target.client().provisionerJobs().get(missing, UUID.randomUUID()))) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              NotFoundException.class, e -> assertThat(e.serverMessage()).isEqualTo(NOT_FOUND));
    }
  }

  @Test
  void unknownOrganizationBodyHoldsTwoJsonObjects(Target target) {
    target.fake("the double body is the fake's reproduction of one Coder version");

    Http.Answer answer = target.send("GET", "/api/v2/organizations/nowhere", null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body())
        .isEqualTo(
            "{\"message\":\""
                + NOT_FOUND
                + "\"}\n"
                + "{\"message\":\"Organization \\\"nowhere\\\" not found.\","
                + "\"detail\":\"Provide either the organization id or name.\"}\n");
  }

  @Test
  void writesNeedTheLicenseEvenForMissingOrganizations(Target target) {
    Target unlicensed = target.unlicensed();
    String missing = Target.uniqueName("it-gate");

    for (Runnable call :
        List.<Runnable>of(
            () ->
                unlicensed
                    .client()
                    .organizations()
                    .create(CreateOrganizationRequest.builder(missing).build()),
            () ->
                unlicensed
                    .client()
                    .organizations()
                    .create(CreateOrganizationRequest.builder("not_even_valid").build()),
            () ->
                unlicensed
                    .client()
                    .organizations()
                    .update(missing, UpdateOrganizationRequest.builder().description("x").build()),
            () -> unlicensed.client().organizations().delete(missing),
            () -> unlicensed.client().organizations().delete("default"))) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              ForbiddenException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.serverMessage()).isEqualTo(PREMIUM);
              });
    }
    assertThat(unlicensed.client().organizations().get("default").isDefault()).isTrue();
  }

  @Test
  void errorsCarryMethodAndPath(Target target) {
    assertThatThrownBy(() -> target.client().organizations().get("it-nowhere-" + UUID.randomUUID()))
        .isInstanceOfSatisfying(
            CoderApiException.class,
            e -> {
              assertThat(e.method()).isEqualTo("GET");
              assertThat(e.path()).startsWith("/api/v2/organizations/it-nowhere-");
            });
  }
}
