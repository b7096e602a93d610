package com.coder.sdk;

import static com.coder.sdk.Fixtures.JSON_UTF8;
import static com.coder.sdk.Fixtures.RUNNING_JOB;
import static com.coder.sdk.Fixtures.fixture;
import static com.coder.sdk.Fixtures.json;
import static com.coder.sdk.Fixtures.jsonArray;
import static com.coder.sdk.Fixtures.typed;
import static org.assertj.core.api.Assertions.assertThat;

import com.coder.sdk.model.Organization;
import com.coder.sdk.model.Response;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Success answers that differ from the documentation, and success bodies that cannot be used. */
class ResponseDecodingTest extends MockServerTest {
  private static final String ORG_PATH = "/api/v2/organizations/data-platform";

  @Test
  void jsonNullForAListIsAnEmptyList() {
    enqueue(json("null\n"));
    enqueue(json("null"));

    assertThat(client.organizations().list()).isEmpty();
    assertThat(client.provisionerJobs().list("default")).isEmpty();
  }

  @Test
  void emptyBodyForAListIsAnEmptyList() {
    enqueue(json(""));

    assertThat(client.organizations().list()).isEmpty();
  }

  @Test
  void whiteSpaceOnlyBodyCountsAsEmpty() {
    enqueue(json("\n"));
    enqueue(json(" \r\n\t"));

    assertThat(client.organizations().list()).isEmpty();
    assertThat(client.organizations().delete("data-platform")).isEqualTo(Response.of(""));
  }

  @Test
  void nullElementsOfAListAreDropped() {
    enqueue(json("[null," + fixture("organizations/data-platform.json") + ",null]"));

    List<Organization> organizations = client.organizations().list();

    assertThat(organizations).hasSize(1);
    OrganizationsTest.assertDataPlatform(organizations.get(0));
  }

  @Test
  void dataAfterTheFirstJsonValueIsIgnored() {
    enqueue(
        json(fixture("organizations/data-platform.json") + "{\"message\":\"a second object\"}\n"));
    enqueue(json(jsonArray(fixture("jobs/running.json")) + "<!-- trailing -->"));

    OrganizationsTest.assertDataPlatform(client.organizations().get("data-platform"));
    assertThat(client.provisionerJobs().list("default"))
        .singleElement()
        .satisfies(ProvisionerJobsTest::assertRunning);
  }

  @Test
  void unknownFieldsAreIgnored() {
    String withExtras =
        fixture("organizations/data-platform.json")
            .replaceFirst(
                "\\{",
                "{\"has_ai_seat\":true,\"member_count\":12,"
                    + "\"limits\":{\"nested\":[1,{\"a\":null}]},");
    enqueue(json(withExtras));

    OrganizationsTest.assertDataPlatform(client.organizations().get("data-platform"));
  }

  @Test
  void noContentForAMessageIsAnEmptyMessage() {
    enqueue(new MockResponse.Builder().code(204).build());

    Response response = client.organizations().delete("data-platform");

    assertThat(response).isEqualTo(Response.of(""));
  }

  @Test
  void jsonSubtypesAreDecoded() {
    enqueue(typed(200, "application/vnd.coder+json", fixture("organizations/data-platform.json")));
    enqueue(typed(200, "application/json", fixture("organizations/data-platform.json")));

    OrganizationsTest.assertDataPlatform(client.organizations().get("data-platform"));
    OrganizationsTest.assertDataPlatform(client.organizations().get("data-platform"));
  }

  @Test
  void malformedJson() {
    enqueue(json("{\"id\":\"d897e3d8-4e0e-4efc-a319-3e7808bcf658\",name:\"data-platform\"}"));

    CoderDecodeException e = decodeFailure();

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo(ORG_PATH);
    assertThat(e.contentType()).isEqualTo(JSON_UTF8);
    assertThat(e.bodyExcerpt())
        .isEqualTo("{\"id\":\"d897e3d8-4e0e-4efc-a319-3e7808bcf658\",name:\"data-platform\"}");
    assertThat(e.getMessage())
        .startsWith("GET " + ORG_PATH + " answered 200, but the body is not the expected JSON: ")
        .endsWith(": " + e.bodyExcerpt());
  }

  @Test
  void truncatedJson() {
    String organization = fixture("organizations/data-platform.json");
    enqueue(json(organization.substring(0, organization.indexOf("\"icon\""))));

    CoderDecodeException e = decodeFailure();

    assertThat(e.getMessage())
        .startsWith("GET " + ORG_PATH + " answered 200, but the body is not the expected JSON: ");
    assertThat(e.bodyExcerpt()).startsWith("{\"id\":\"d897e3d8-4e0e-4efc-a319-3e7808bcf658\"");
  }

  @Test
  void emptyBodyForAnEntity() {
    enqueue(json(""));

    CoderDecodeException e = decodeFailure();

    assertThat(e.bodyExcerpt()).isEmpty();
    assertThat(e.getMessage())
        .isEqualTo("GET " + ORG_PATH + " answered 200, but the body is empty or JSON null");
  }

  @Test
  void noContentForAnEntity() {
    enqueue(new MockResponse.Builder().code(204).build());

    CoderDecodeException e = decodeFailure();

    assertThat(e.statusCode()).isEqualTo(204);
    assertThat(e.getMessage())
        .isEqualTo("GET " + ORG_PATH + " answered 204, but the body is empty or JSON null");
  }

  @Test
  void jsonNullForAnEntity() {
    enqueue(json("null\n"));

    CoderDecodeException e = decodeFailure();

    assertThat(e.getMessage())
        .isEqualTo("GET " + ORG_PATH + " answered 200, but the body is empty or JSON null");
  }

  @Test
  void arrayWhereAnObjectBelongs() {
    enqueue(json(jsonArray(fixture("organizations/data-platform.json"))));

    CoderDecodeException e = decodeFailure();

    assertThat(e.getMessage()).contains("the body is not the expected JSON");
    assertThat(e.bodyExcerpt()).startsWith("[{\"id\":");
  }

  @Test
  void objectOrStringWhereAListBelongs() {
    enqueue(json(fixture("organizations/data-platform.json")));
    enqueue(json("\"no organizations\""));

    CoderDecodeException object =
        thrown(CoderDecodeException.class, () -> client.organizations().list());
    CoderDecodeException string =
        thrown(CoderDecodeException.class, () -> client.organizations().list());

    assertThat(object.getMessage())
        .startsWith(
            "GET /api/v2/organizations answered 200, but the body is not the expected JSON");
    assertThat(string.bodyExcerpt()).isEqualTo("\"no organizations\"");
  }

  @Test
  void missingRequiredField() {
    enqueue(
        json(
            fixture("organizations/data-platform.json")
                .replace("\"id\":\"d897e3d8-4e0e-4efc-a319-3e7808bcf658\",", "")));

    CoderDecodeException e = decodeFailure();

    assertThat(e.getMessage()).contains("\"id\" is missing");
  }

  @Test
  void missingJobStatus() {
    enqueue(json(fixture("jobs/running.json").replace("\"status\":\"running\",", "")));

    CoderDecodeException e =
        thrown(
            CoderDecodeException.class,
            () -> client.provisionerJobs().get("data-platform", RUNNING_JOB));

    assertThat(e.getMessage()).contains("\"status\" is missing");
  }

  @Test
  void valuesOfTheWrongFormat() {
    String organization = fixture("organizations/data-platform.json");
    enqueue(json(organization.replace("d897e3d8-4e0e-4efc-a319-3e7808bcf658", "org-7")));
    enqueue(json(organization.replace("2025-09-30T14:03:21Z", "yesterday")));
    enqueue(json(organization.replace("\"is_default\":false", "\"is_default\":{}")));

    for (int i = 0; i < 3; i++) {
      assertThat(decodeFailure().getMessage()).contains("the body is not the expected JSON");
    }
  }

  @Test
  void htmlSignInPageOnOk() {
    enqueue(typed(200, "text/html; charset=utf-8", fixture("errors/sign-in.html")));

    CoderDecodeException e = decodeFailure();

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(e.bodyExcerpt())
        .startsWith("<!DOCTYPE html> <html> <head> <title>Sign in - Example Corp SSO</title>");
    assertThat(e.getMessage())
        .isEqualTo(
            "GET "
                + ORG_PATH
                + " answered 200, but the body is text/html, not JSON;"
                + " a proxy or sign-in page may have answered instead of Coder: "
                + e.bodyExcerpt());
    assertThat(e.getCause()).isNull();
  }

  @Test
  void htmlWithoutContentTypeOnOk() {
    enqueue(
        new MockResponse.Builder()
            .body(fixture("errors/sign-in.html"))
            .removeHeader("Content-Type")
            .build());

    CoderDecodeException e = decodeFailure();

    assertThat(e.contentType()).isNull();
    assertThat(e.bodyExcerpt()).startsWith("<!DOCTYPE html> <html> <head> <title>Sign in");
    assertThat(e.getMessage()).endsWith(": " + e.bodyExcerpt());
  }

  private CoderDecodeException decodeFailure() {
    return thrown(CoderDecodeException.class, () -> client.organizations().get("data-platform"));
  }
}
