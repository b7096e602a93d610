package com.coder.sdk;

import static com.coder.sdk.Fixtures.DATA_ORG;
import static com.coder.sdk.Fixtures.DEFAULT_ORG;
import static com.coder.sdk.Fixtures.LEGACY_ORG;
import static com.coder.sdk.Fixtures.fixture;
import static com.coder.sdk.Fixtures.json;
import static com.coder.sdk.Fixtures.jsonArray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.Response;
import com.coder.sdk.model.UpdateOrganizationRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationsTest extends MockServerTest {

  @Test
  void listSendsGetAndDecodesEveryOrganization() throws Exception {
    enqueue(
        json(
            jsonArray(
                fixture("organizations/default.json"),
                fixture("organizations/data-platform.json"),
                fixture("organizations/legacy.json"))));

    List<Organization> organizations = client.organizations().list();

    RecordedRequest request = takeRequest();
    assertCall(request, "GET", "/api/v2/organizations");
    assertNoBody(request);

    assertThat(organizations).hasSize(3);
    Organization coder = organizations.get(0);
    assertThat(coder.id()).isEqualTo(DEFAULT_ORG);
    assertThat(coder.name()).isEqualTo("coder");
    assertThat(coder.displayName()).isEqualTo("Coder");
    assertThat(coder.description()).isEqualTo("Builtin default organization.");
    assertThat(coder.icon()).isEmpty();
    assertThat(coder.createdAt()).isEqualTo(Instant.parse("2024-02-05T10:31:07.818392Z"));
    assertThat(coder.updatedAt()).isEqualTo(Instant.parse("2025-06-11T08:02:44.504411227Z"));
    assertThat(coder.isDefault()).isTrue();
    assertThat(coder.defaultOrgMemberRoles())
        .containsExactly("organization-workspace-access", "organization-agents-access");

    assertDataPlatform(organizations.get(1));

    // An older server does not send default_org_member_roles.
    Organization legacy = organizations.get(2);
    assertThat(legacy.id()).isEqualTo(LEGACY_ORG);
    assertThat(legacy.name()).isEqualTo("legacy-builds");
    assertThat(legacy.displayName()).isEqualTo("legacy-builds");
    assertThat(legacy.description()).isEmpty();
    assertThat(legacy.icon()).isEmpty();
    assertThat(legacy.createdAt()).isEqualTo(Instant.parse("2024-11-19T21:17:54.1Z"));
    assertThat(legacy.updatedAt()).isEqualTo(Instant.parse("2024-11-19T21:17:54.1Z"));
    assertThat(legacy.isDefault()).isFalse();
    assertThat(legacy.defaultOrgMemberRoles()).isEmpty();
  }

  @Test
  void listOfNoOrganizationsIsEmpty() throws Exception {
    enqueue(json("[]\n"));

    assertThat(client.organizations().list()).isEmpty();
    assertCall(takeRequest(), "GET", "/api/v2/organizations");
  }

  @Test
  void getByNameSendsTheNameAsOneSegment() throws Exception {
    enqueue(json(fixture("organizations/data-platform.json")));

    Organization organization = client.organizations().get("data-platform");

    RecordedRequest request = takeRequest();
    assertCall(request, "GET", "/api/v2/organizations/data-platform");
    assertNoBody(request);
    assertDataPlatform(organization);
  }

  @Test
  void getByIdSendsTheCanonicalUuid() throws Exception {
    enqueue(json(fixture("organizations/data-platform.json")));

    Organization organization = client.organizations().get(DATA_ORG);

    assertCall(takeRequest(), "GET", "/api/v2/organizations/d897e3d8-4e0e-4efc-a319-3e7808bcf658");
    assertDataPlatform(organization);
  }

  @Test
  void getDefaultUsesTheReservedName() throws Exception {
    enqueue(json(fixture("organizations/default.json")));

    assertThat(client.organizations().get("default").isDefault()).isTrue();
    assertCall(takeRequest(), "GET", "/api/v2/organizations/default");
  }

  @Test
  void createWithOnlyANameSendsOnlyTheName() throws Exception {
    enqueue(json(201, fixture("organizations/data-platform.json")));

    Organization created =
        client.organizations().create(CreateOrganizationRequest.builder("data-platform").build());

    RecordedRequest request = takeRequest();
    assertCall(request, "POST", "/api/v2/organizations");
    assertThat(request.getBody().utf8()).isEqualTo("{\"name\":\"data-platform\"}");
    assertJsonBody(request, "{\"name\":\"data-platform\"}");
    assertDataPlatform(created);
  }

  @Test
  void createSendsEveryFieldThatWasSet() throws Exception {
    enqueue(json(201, fixture("organizations/data-platform.json")));

    client
        .organizations()
        .create(
            CreateOrganizationRequest.builder("data-platform")
                .displayName("Data & ML Platform")
                .description("Pipelines <batch> and notebooks")
                .icon("/emojis/1f4ca.png")
                .build());

    RecordedRequest request = takeRequest();
    assertCall(request, "POST", "/api/v2/organizations");
    assertJsonBody(
        request,
        "{\"name\":\"data-platform\",\"display_name\":\"Data & ML Platform\","
            + "\"description\":\"Pipelines <batch> and notebooks\","
            + "\"icon\":\"/emojis/1f4ca.png\"}");
  }

  @Test
  void createLeavesOutOptionalFieldsSetToEmpty() throws Exception {
    enqueue(json(201, fixture("organizations/data-platform.json")));

    client
        .organizations()
        .create(
            CreateOrganizationRequest.builder("data-platform")
                .displayName("")
                .description("")
                .icon("")
                .build());

    assertJsonBody(takeRequest(), "{\"name\":\"data-platform\"}");
  }

  @Test
  void createAcceptsOkWhereCreatedIsDocumented() throws Exception {
    enqueue(json(200, fixture("organizations/data-platform.json")));

    Organization created =
        client.organizations().create(CreateOrganizationRequest.builder("data-platform").build());

    assertDataPlatform(created);
  }

  @Test
  void updateByNameSendsOnlyTheFieldsThatWereSet() throws Exception {
    enqueue(json(fixture("organizations/data-platform.json")));

    Organization updated =
        client
            .organizations()
            .update(
                "data-platform",
                UpdateOrganizationRequest.builder()
                    .name("data-platform")
                    .displayName("Data & ML Platform")
                    .build());

    RecordedRequest request = takeRequest();
    assertCall(request, "PATCH", "/api/v2/organizations/data-platform");
    assertJsonBody(request, "{\"name\":\"data-platform\",\"display_name\":\"Data & ML Platform\"}");
    assertDataPlatform(updated);
  }

  @Test
  void updateByIdSendsClearedIconAndEmptyRoleList() throws Exception {
    enqueue(json(fixture("organizations/data-platform.json")));

    client
        .organizations()
        .update(
            DATA_ORG,
            UpdateOrganizationRequest.builder()
                .description("Pipelines <batch> and notebooks")
                .clearIcon()
                .defaultOrgMemberRoles(List.of())
                .build());

    RecordedRequest request = takeRequest();
    assertCall(request, "PATCH", "/api/v2/organizations/d897e3d8-4e0e-4efc-a319-3e7808bcf658");
    assertJsonBody(
        request,
        "{\"description\":\"Pipelines <batch> and notebooks\",\"icon\":\"\","
            + "\"default_org_member_roles\":[]}");
  }

  @Test
  void updateSendsClearedDescriptionAndReplacementRoles() throws Exception {
    enqueue(json(fixture("organizations/data-platform.json")));

    client
        .organizations()
        .update(
            "data-platform",
            UpdateOrganizationRequest.builder()
                .clearDescription()
                .icon("/emojis/1f4ca.png")
                .defaultOrgMemberRoles(List.of("organization-workspace-access"))
                .build());

    assertJsonBody(
        takeRequest(),
        "{\"description\":\"\",\"icon\":\"/emojis/1f4ca.png\","
            + "\"default_org_member_roles\":[\"organization-workspace-access\"]}");
  }

  @Test
  void updateWithNothingSetSendsAnEmptyObject() throws Exception {
    enqueue(json(fixture("organizations/data-platform.json")));

    client.organizations().update("data-platform", UpdateOrganizationRequest.builder().build());

    RecordedRequest request = takeRequest();
    assertThat(request.getBody().utf8()).isEqualTo("{}");
    assertJsonBody(request, "{}");
  }

  @Test
  void deleteByNameReturnsTheServerMessage() throws Exception {
    enqueue(json("{\"message\":\"Organization has been deleted.\"}\n"));

    Response response = client.organizations().delete("data-platform");

    RecordedRequest request = takeRequest();
    assertCall(request, "DELETE", "/api/v2/organizations/data-platform");
    assertNoBody(request);
    assertThat(response.message()).isEqualTo("Organization has been deleted.");
    assertThat(response.detail()).isEmpty();
    assertThat(response.validations()).isEmpty();
  }

  @Test
  void deleteByIdSendsTheUuid() throws Exception {
    enqueue(json("{\"message\":\"Organization has been deleted.\"}\n"));

    client.organizations().delete(DATA_ORG);

    assertCall(
        takeRequest(), "DELETE", "/api/v2/organizations/d897e3d8-4e0e-4efc-a319-3e7808bcf658");
  }

  @Test
  void deleteAnsweredWithAnEmptyBodyGivesAnEmptyMessage() throws Exception {
    enqueue(json(""));

    Response response = client.organizations().delete("data-platform");

    assertThat(response.message()).isEmpty();
    assertThat(response.detail()).isEmpty();
    assertThat(response.validations()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a/b       | /api/v2/organizations/a%2Fb",
        "x?y=1     | /api/v2/organizations/x%3Fy=1",
        "%2e%2e    | /api/v2/organizations/%252e%252e",
        "%2E.      | /api/v2/organizations/%252E.",
        "a..b      | /api/v2/organizations/a..b",
        "...       | /api/v2/organizations/...",
        "#top      | /api/v2/organizations/%23top",
        "'two words' | /api/v2/organizations/two%20words",
        "café      | /api/v2/organizations/caf%C3%A9",
      })
  void organizationNamesStayInsideTheirPathSegment(String name, String target) throws Exception {
    enqueue(json(fixture("organizations/data-platform.json")));
    enqueue(json(fixture("organizations/data-platform.json")));
    enqueue(json("{\"message\":\"Organization has been deleted.\"}"));
    enqueue(json("[]"));
    enqueue(json(fixture("jobs/running.json")));

    client.organizations().get(name);
    client.organizations().update(name, UpdateOrganizationRequest.builder().build());
    client.organizations().delete(name);
    client.provisionerJobs().list(name);
    client.provisionerJobs().get(name, Fixtures.RUNNING_JOB);

    assertCall(takeRequest(), "GET", target);
    assertCall(takeRequest(), "PATCH", target);
    assertCall(takeRequest(), "DELETE", target);
    assertCall(takeRequest(), "GET", target + "/provisionerjobs");
    assertCall(takeRequest(), "GET", target + "/provisionerjobs/" + Fixtures.RUNNING_JOB);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "", " ", "\t\n"})
  void dotSegmentsAndBlankNamesAreRefusedBeforeAnyRequest(String name) {
    UpdateOrganizationRequest update = UpdateOrganizationRequest.builder().build();
    List<Executable> calls =
        List.of(
            () -> client.organizations().get(name),
            () -> client.organizations().update(name, update),
            () -> client.organizations().delete(name),
            () -> client.provisionerJobs().list(name),
            () -> client.provisionerJobs().list(name, ProvisionerJobFilter.none()),
            () -> client.provisionerJobs().get(name, Fixtures.RUNNING_JOB));

    for (Executable call : calls) {
      assertThatThrownBy(call::execute)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("organization must be an ID, a name or \"default\"");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void nullArgumentsAreRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.organizations().get((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("organization == null");
    assertThatThrownBy(() -> client.organizations().get((UUID) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("organization == null");
    assertThatThrownBy(() -> client.organizations().create(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("request == null");
    assertThatThrownBy(() -> client.organizations().update("data-platform", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("request == null");
    assertThatThrownBy(() -> client.organizations().delete((UUID) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("organization == null");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void requestBuildersRefuseValuesTheServerWouldMisread() {
    assertThatThrownBy(() -> CreateOrganizationRequest.builder(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name is blank");
    assertThatThrownBy(() -> CreateOrganizationRequest.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name == null");
    assertThatThrownBy(() -> UpdateOrganizationRequest.builder().name(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name is blank");
    assertThatThrownBy(() -> UpdateOrganizationRequest.builder().displayName(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("displayName is blank");
    assertThatThrownBy(
            () -> UpdateOrganizationRequest.builder().defaultOrgMemberRoles(nullElement()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("roles contains null");
  }

  private static List<String> nullElement() {
    return Arrays.asList("organization-workspace-access", null);
  }

  /** Checks every field of {@code organizations/data-platform.json}. */
  static void assertDataPlatform(Organization organization) {
    assertThat(organization.id()).isEqualTo(DATA_ORG);
    assertThat(organization.name()).isEqualTo("data-platform");
    // The fixture escapes <, > and & the way the server writes them.
    assertThat(organization.displayName()).isEqualTo("Data & ML Platform");
    assertThat(organization.description()).isEqualTo("Pipelines <batch> and notebooks");
    assertThat(organization.icon()).isEqualTo("/emojis/1f4ca.png");
    assertThat(organization.createdAt()).isEqualTo(Instant.parse("2025-09-30T14:03:21Z"));
    assertThat(organization.updatedAt()).isEqualTo(Instant.parse("2025-10-01T07:45:00.5Z"));
    assertThat(organization.isDefault()).isFalse();
    assertThat(organization.defaultOrgMemberRoles())
        .containsExactly("organization-workspace-access");
  }
}
