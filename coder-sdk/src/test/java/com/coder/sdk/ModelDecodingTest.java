package com.coder.sdk;

import static com.coder.sdk.Fixtures.DATA_ORG;
import static com.coder.sdk.Fixtures.FILE;
import static com.coder.sdk.Fixtures.PENDING_JOB;
import static com.coder.sdk.Fixtures.fixture;
import static com.coder.sdk.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.internal.Json;
import com.coder.sdk.model.AddLicenseRequest;
import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.JobErrorCode;
import com.coder.sdk.model.License;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobInput;
import com.coder.sdk.model.ProvisionerJobMetadata;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.model.ProvisionerJobType;
import com.coder.sdk.model.Response;
import com.coder.sdk.model.UpdateOrganizationRequest;
import com.coder.sdk.model.ValidationError;
import com.coder.sdk.model.WorkspaceTransition;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The model types on their own: open values, JSON round trips, and frozen collections. */
class ModelDecodingTest {
  private static final ObjectMapper MAPPER = Json.mapper();
  private static final Instant WHEN = Instant.parse("2025-10-03T09:00:00Z");

  // Open values

  @Test
  void ofReturnsTheConstantForEveryKnownValue() {
    for (ProvisionerJobStatus status : ProvisionerJobStatus.knownValues()) {
      assertThat(ProvisionerJobStatus.of(status.value())).isSameAs(status);
      assertThat(status.isKnown()).isTrue();
    }
    for (ProvisionerJobType type : ProvisionerJobType.knownValues()) {
      assertThat(ProvisionerJobType.of(type.value())).isSameAs(type);
    }
    for (JobErrorCode code : JobErrorCode.knownValues()) {
      assertThat(JobErrorCode.of(code.value())).isSameAs(code);
    }
    for (WorkspaceTransition transition : WorkspaceTransition.knownValues()) {
      assertThat(WorkspaceTransition.of(transition.value())).isSameAs(transition);
    }
  }

  @Test
  void knownValuesAreListedInOrderAndCannotBeChanged() {
    assertThat(ProvisionerJobStatus.knownValues())
        .extracting(ProvisionerJobStatus::value)
        .containsExactly(
            "pending", "running", "succeeded", "canceling", "canceled", "failed", "unknown");
    assertThat(ProvisionerJobType.knownValues())
        .extracting(ProvisionerJobType::value)
        .containsExactly("template_version_import", "workspace_build", "template_version_dry_run");
    assertThat(JobErrorCode.knownValues())
        .extracting(JobErrorCode::value)
        .containsExactly("REQUIRED_TEMPLATE_VARIABLES", "INSUFFICIENT_QUOTA");
    assertThat(WorkspaceTransition.knownValues())
        .extracting(WorkspaceTransition::value)
        .containsExactly("start", "stop", "delete");
    assertThatThrownBy(() -> ProvisionerJobStatus.knownValues().add(ProvisionerJobStatus.of("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void unknownValuesKeepTheRawStringAndCompareByIt() {
    ProvisionerJobStatus paused = ProvisionerJobStatus.of("paused");

    assertThat(paused.isKnown()).isFalse();
    assertThat(paused.value()).isEqualTo("paused");
    assertThat(paused).hasToString("paused");
    assertThat(paused)
        .isEqualTo(ProvisionerJobStatus.of("paused"))
        .isNotSameAs(ProvisionerJobStatus.of("paused"));
    assertThat(paused).hasSameHashCodeAs(ProvisionerJobStatus.of("paused"));
    assertThat(paused).isNotEqualTo(ProvisionerJobStatus.of("Paused"));
    assertThat(ProvisionerJobStatus.of("PENDING").isKnown()).isFalse();
    assertThat(ProvisionerJobStatus.of("PENDING")).isNotEqualTo(ProvisionerJobStatus.PENDING);
    assertThat(ProvisionerJobStatus.PENDING).isNotEqualTo(null).isNotEqualTo("pending");
  }

  @Test
  void valuesOfDifferentTypesAreNeverEqual() {
    assertThat((Object) ProvisionerJobType.of("start"))
        .isNotEqualTo(WorkspaceTransition.START)
        .hasSameHashCodeAs(WorkspaceTransition.START);
  }

  @Test
  void ofRefusesNull() {
    assertThatThrownBy(() -> ProvisionerJobStatus.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value == null");
  }

  @Test
  void terminalAndActiveStatuses() {
    assertThat(ProvisionerJobStatus.knownValues())
        .filteredOn(ProvisionerJobStatus::isTerminal)
        .containsExactly(
            ProvisionerJobStatus.SUCCEEDED,
            ProvisionerJobStatus.CANCELED,
            ProvisionerJobStatus.FAILED);
    assertThat(ProvisionerJobStatus.knownValues())
        .filteredOn(ProvisionerJobStatus::isActive)
        .containsExactly(
            ProvisionerJobStatus.PENDING,
            ProvisionerJobStatus.RUNNING,
            ProvisionerJobStatus.CANCELING);
    for (ProvisionerJobStatus neither :
        List.of(ProvisionerJobStatus.UNKNOWN, ProvisionerJobStatus.of("paused"))) {
      assertThat(neither.isTerminal()).isFalse();
      assertThat(neither.isActive()).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"pending", "canceled", "paused", ""})
  void statusJsonRoundTrip(String value) throws IOException {
    String json = MAPPER.writeValueAsString(ProvisionerJobStatus.of(value));
    ProvisionerJobStatus back = MAPPER.readValue(json, ProvisionerJobStatus.class);

    assertThat(json).isEqualTo("\"" + value + "\"");
    assertThat(back).isEqualTo(ProvisionerJobStatus.of(value));
    assertThat(back.isKnown()).isEqualTo(ProvisionerJobStatus.of(value).isKnown());
  }

  @Test
  void knownValuesDecodeToTheirConstants() throws IOException {
    assertThat(MAPPER.readValue("\"failed\"", ProvisionerJobStatus.class))
        .isSameAs(ProvisionerJobStatus.FAILED);
    assertThat(MAPPER.readValue("\"workspace_build\"", ProvisionerJobType.class))
        .isSameAs(ProvisionerJobType.WORKSPACE_BUILD);
    assertThat(MAPPER.readValue("\"INSUFFICIENT_QUOTA\"", JobErrorCode.class))
        .isSameAs(JobErrorCode.INSUFFICIENT_QUOTA);
    assertThat(MAPPER.readValue("\"stop\"", WorkspaceTransition.class))
        .isSameAs(WorkspaceTransition.STOP);
  }

  // JSON round trips of whole records

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pending",
        "running",
        "succeeded",
        "failed",
        "canceling",
        "canceled",
        "future",
        "legacy"
      })
  void jobSurvivesAJsonRoundTrip(String name) throws IOException {
    ProvisionerJob job = MAPPER.readValue(fixture("jobs/" + name + ".json"), ProvisionerJob.class);

    String json = MAPPER.writeValueAsString(job);

    assertThat(MAPPER.readValue(json, ProvisionerJob.class)).isEqualTo(job);
  }

  @Test
  void jobFromAnOlderServerIsWrittenWithoutTheFieldsItLacked() throws IOException {
    ProvisionerJob job = MAPPER.readValue(fixture("jobs/legacy.json"), ProvisionerJob.class);

    assertThat(tree(MAPPER.writeValueAsString(job)))
        .isEqualTo(
            tree(
                "{\"id\":\"92de1e26-804a-4404-a0a9-b769d2c51022\","
                    + "\"created_at\":\"2023-06-01T12:00:00.500Z\","
                    + "\"started_at\":\"2023-06-01T12:00:01Z\","
                    + "\"completed_at\":\"2023-06-01T12:00:30Z\","
                    + "\"status\":\"succeeded\","
                    + "\"worker_id\":\"d7b7f6c0-8e96-44ea-bb6e-ea73fa2c103d\","
                    + "\"file_id\":\"9ba584ca-fb51-4e5f-b09f-4fcc0d7c47f7\","
                    + "\"tags\":{\"owner\":\"\",\"scope\":\"organization\"},"
                    + "\"queue_position\":0,\"queue_size\":0,"
                    + "\"organization_id\":\"c2bdefc7-2307-4d18-b688-e83441942ee0\","
                    + "\"input\":"
                    + "{\"template_version_id\":\"210caadf-385c-4c5a-9676-c49220f39f38\"},"
                    + "\"type\":\"template_version_import\","
                    + "\"logs_overflowed\":false}"));
  }

  @Test
  void organizationAndLicenseSurviveAJsonRoundTrip() throws IOException {
    Organization organization =
        MAPPER.readValue(fixture("organizations/default.json"), Organization.class);
    License license = MAPPER.readValue(fixture("licenses/license.json"), License.class);

    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(organization), Organization.class))
        .isEqualTo(organization);
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(license), License.class))
        .isEqualTo(license);
  }

  // Collections: never null, never modifiable

  @Test
  void nullCollectionsFromTheServerDecodeEmpty() throws IOException {
    String job =
        "{\"id\":\""
            + PENDING_JOB
            + "\",\"created_at\":\"2025-10-03T09:00:00Z\","
            + "\"status\":\"pending\",\"file_id\":\""
            + FILE
            + "\",\"tags\":null,"
            + "\"queue_position\":1,\"queue_size\":1,\"organization_id\":\""
            + DATA_ORG
            + "\","
            + "\"input\":null,\"type\":\"workspace_build\",\"available_workers\":null,"
            + "\"metadata\":null,\"error\":\"\",\"error_code\":\"\",\"worker_name\":\"\"}";

    ProvisionerJob decoded = MAPPER.readValue(job, ProvisionerJob.class);

    assertThat(decoded.tags()).isEmpty();
    assertThat(decoded.availableWorkers()).isEmpty();
    assertThat(decoded.input()).isSameAs(ProvisionerJobInput.EMPTY);
    assertThat(decoded.metadata()).isNull();
    assertThat(decoded.error()).isNull();
    assertThat(decoded.errorCode()).isNull();
    assertThat(decoded.workerName()).isNull();
    assertThat(decoded.logsOverflowed()).isFalse();

    Organization organization =
        MAPPER.readValue(
            fixture("organizations/default.json")
                .replaceFirst("\\[.*]", "null")
                .replace("\"description\":\"Builtin default organization.\",", ""),
            Organization.class);
    assertThat(organization.defaultOrgMemberRoles()).isEmpty();
    assertThat(organization.description()).isEmpty();

    Response response = MAPPER.readValue("{\"message\":null,\"validations\":null}", Response.class);
    assertThat(response).isEqualTo(Response.of(""));

    License license =
        MAPPER.readValue(
            "{\"id\":1,\"uuid\":\""
                + Fixtures.LICENSE_UUID
                + "\","
                + "\"uploaded_at\":\"2025-10-02T12:00:00Z\",\"claims\":null}",
            License.class);
    assertThat(license.claims()).isEmpty();
  }

  @Test
  void recordsCopyAndFreezeTheCollectionsTheyAreGiven() {
    List<String> roles = new ArrayList<>(Arrays.asList("organization-workspace-access", null));
    Organization organization =
        new Organization(DATA_ORG, "data-platform", null, null, null, WHEN, WHEN, false, roles);
    roles.add("organization-admin");

    assertThat(organization.defaultOrgMemberRoles())
        .containsExactly("organization-workspace-access");
    assertThat(organization.displayName()).isEmpty();
    assertThatThrownBy(() -> organization.defaultOrgMemberRoles().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);

    Map<String, String> tags = new HashMap<>(Map.of("scope", "organization"));
    List<UUID> workers = new ArrayList<>(List.of(Fixtures.DAEMON_A));
    ProvisionerJob job = pendingJob(tags, workers);
    tags.put("owner", "");
    workers.clear();

    assertThat(job.tags()).containsOnlyKeys("scope");
    assertThat(job.availableWorkers()).containsExactly(Fixtures.DAEMON_A);
    assertThatThrownBy(() -> job.tags().put("owner", ""))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> job.availableWorkers().clear())
        .isInstanceOf(UnsupportedOperationException.class);

    ProvisionerJob empty = pendingJob(null, null);
    assertThat(empty.tags()).isEmpty();
    assertThat(empty.availableWorkers()).isEmpty();
    assertThat(empty.input()).isSameAs(ProvisionerJobInput.EMPTY);

    List<ValidationError> validations =
        new ArrayList<>(List.of(new ValidationError("name", "required")));
    Response response = new Response("Validation failed.", null, validations);
    validations.clear();
    assertThat(response.validations()).containsExactly(new ValidationError("name", "required"));
    assertThat(response.detail()).isEmpty();
    assertThatThrownBy(() -> response.validations().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(new ValidationError(null, null)).isEqualTo(new ValidationError("", ""));
  }

  @Test
  void licenseClaimsAreFrozenAllTheWayDown() throws IOException {
    License license = MAPPER.readValue(fixture("licenses/license.json"), License.class);

    assertThatThrownBy(() -> license.claims().put("trial", true))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> features = (Map<String, Object>) license.claims().get("features");
    assertThatThrownBy(() -> features.put("user_limit", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> deployments = (List<Object>) license.claims().get("deployment_ids");
    assertThatThrownBy(() -> deployments.add("another"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void metadataFillsWhatAnUntiedTemplateVersionLacks() {
    ProvisionerJobMetadata metadata =
        new ProvisionerJobMetadata("v1", null, null, null, null, null, "", null);

    assertThat(metadata.templateId()).isEqualTo(new UUID(0, 0));
    assertThat(metadata.templateName()).isEmpty();
    assertThat(metadata.templateDisplayName()).isEmpty();
    assertThat(metadata.templateIcon()).isEmpty();
    assertThat(metadata.workspaceId()).isNull();
    assertThat(metadata.workspaceName()).isNull();
    assertThat(metadata.workspaceBuildTransition()).isNull();
  }

  // Request records

  @Test
  void requestRecordsBuiltDirectlySerialiseLikeTheBuilders() throws IOException {
    assertThat(MAPPER.writeValueAsString(new CreateOrganizationRequest("ml", null, null, null)))
        .isEqualTo("{\"name\":\"ml\"}");
    assertThat(
            MAPPER.writeValueAsString(
                new UpdateOrganizationRequest(null, null, null, "", List.of("a"))))
        .isEqualTo("{\"icon\":\"\",\"default_org_member_roles\":[\"a\"]}");

    List<String> roles = new ArrayList<>(List.of("organization-workspace-access"));
    UpdateOrganizationRequest update =
        UpdateOrganizationRequest.builder().defaultOrgMemberRoles(roles).build();
    roles.clear();
    assertThat(update.defaultOrgMemberRoles()).containsExactly("organization-workspace-access");
    assertThat(UpdateOrganizationRequest.builder().build().defaultOrgMemberRoles()).isNull();
  }

  @Test
  void addLicenseRequestHidesTheLicenseInToString() {
    AddLicenseRequest request = new AddLicenseRequest("eyJhbGciOi.eyJzdWIi.c2ln");

    assertThat(request).hasToString("AddLicenseRequest[license=<24 characters>]");
    assertThatThrownBy(() -> new AddLicenseRequest(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"license\" is missing");
  }

  private static ProvisionerJob pendingJob(Map<String, String> tags, List<UUID> workers) {
    return new ProvisionerJob(
        PENDING_JOB,
        WHEN,
        null,
        null,
        null,
        null,
        null,
        ProvisionerJobStatus.PENDING,
        null,
        null,
        FILE,
        tags,
        1,
        1,
        DATA_ORG,
        null,
        null,
        ProvisionerJobType.WORKSPACE_BUILD,
        workers,
        null,
        false);
  }
}
