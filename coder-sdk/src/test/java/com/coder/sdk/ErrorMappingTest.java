package com.coder.sdk;

import static com.coder.sdk.Fixtures.fixture;
import static com.coder.sdk.Fixtures.json;
import static com.coder.sdk.Fixtures.typed;
import static org.assertj.core.api.Assertions.assertThat;

import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.Response;
import com.coder.sdk.model.UpdateOrganizationRequest;
import com.coder.sdk.model.ValidationError;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** Non-2xx answers and the exceptions they become. */
class ErrorMappingTest extends MockServerTest {
  private static final String NOT_FOUND =
      "Resource not found or you do not have access to this resource";

  @Test
  void validationFailureListsTheRejectedFields() {
    enqueue(
        json(
            400,
            "{\"message\":\"Validation failed.\",\"validations\":["
                + "{\"field\":\"name\",\"detail\":\"Validation failed for tag "
                + "\\\"organization_name\\\" with value: \\\"Data_Platform\\\"\"},"
                + "{\"field\":\"display_name\",\"detail\":\"Validation failed for tag "
                + "\\\"organization_display_name\\\" with value: \\\" Data\\\"\"}]}\n"));

    BadRequestException e =
        thrown(
            BadRequestException.class,
            () ->
                client
                    .organizations()
                    .create(
                        CreateOrganizationRequest.builder("Data_Platform")
                            .displayName(" Data")
                            .build()));

    List<ValidationError> validations =
        List.of(
            new ValidationError(
                "name",
                "Validation failed for tag \"organization_name\" with value: \"Data_Platform\""),
            new ValidationError(
                "display_name",
                "Validation failed for tag \"organization_display_name\" with value: \" Data\""));
    assertFailedCall(e, 400, "POST", "/api/v2/organizations");
    assertThat(e.serverMessage()).isEqualTo("Validation failed.");
    assertThat(e.detail()).isEmpty();
    assertThat(e.validations()).isEqualTo(validations);
    assertThat(e.response()).contains(new Response("Validation failed.", "", validations));
    assertThat(e.bodyExcerpt()).startsWith("{\"message\":\"Validation failed.\"");
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.getMessage())
        .isEqualTo(
            "POST /api/v2/organizations failed with 400: Validation failed. ["
                + "name: Validation failed for tag \"organization_name\" with value:"
                + " \"Data_Platform\"; display_name: Validation failed for tag"
                + " \"organization_display_name\" with value: \" Data\"]");
  }

  @Test
  void unauthorizedCarriesMessageAndDetail() {
    enqueue(
        json(
                401,
                "{\"message\":\"You are signed out or your session has expired. Please sign in"
                    + " again to continue.\",\"detail\":\"API key is invalid.\"}\n")
            .newBuilder()
            .setHeader("WWW-Authenticate", "Bearer realm=\"coder\", error=\"invalid_token\"")
            .build());

    UnauthorizedException e =
        thrown(UnauthorizedException.class, () -> client.organizations().list());

    assertFailedCall(e, 401, "GET", "/api/v2/organizations");
    assertThat(e.serverMessage())
        .isEqualTo(
            "You are signed out or your session has expired. Please sign in again to continue.");
    assertThat(e.detail()).isEqualTo("API key is invalid.");
    assertThat(e.validations()).isEmpty();
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v2/organizations failed with 401: You are signed out or your session has"
                + " expired. Please sign in again to continue. (API key is invalid.)");
  }

  @Test
  void forbiddenByAMissingLicenseFeature() {
    enqueue(
        json(
            403,
            "{\"message\":\"Multiple Organizations is a Premium feature. Contact sales!\"}\n"));

    ForbiddenException e =
        thrown(
            ForbiddenException.class,
            () ->
                client
                    .organizations()
                    .update("data-platform", UpdateOrganizationRequest.builder().build()));

    assertFailedCall(e, 403, "PATCH", "/api/v2/organizations/data-platform");
    assertThat(e.serverMessage())
        .isEqualTo("Multiple Organizations is a Premium feature. Contact sales!");
    assertThat(e.detail()).isEmpty();
    assertThat(e.getMessage())
        .isEqualTo(
            "PATCH /api/v2/organizations/data-platform failed with 403: Multiple Organizations"
                + " is a Premium feature. Contact sales!");
  }

  @Test
  void notFoundNamesThePathWithItsQuery() {
    enqueue(json(404, "{\"message\":\"" + NOT_FOUND + "\"}\n"));

    NotFoundException e =
        thrown(
            NotFoundException.class,
            () ->
                client
                    .provisionerJobs()
                    .list("data-platform", ProvisionerJobFilter.builder().limit(5).build()));

    assertFailedCall(e, 404, "GET", "/api/v2/organizations/data-platform/provisionerjobs?limit=5");
    assertThat(e.serverMessage()).isEqualTo(NOT_FOUND);
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v2/organizations/data-platform/provisionerjobs?limit=5 failed with 404: "
                + NOT_FOUND);
  }

  @Test
  void twoConcatenatedErrorObjectsKeepTheFirst() {
    enqueue(
        json(
            404,
            "{\"message\":\""
                + NOT_FOUND
                + "\"}\n"
                + "{\"message\":\"Organization \\\"nope\\\" not found.\","
                + "\"detail\":\"Provide either the organization id or name.\"}\n"));

    NotFoundException e = thrown(NotFoundException.class, () -> client.organizations().get("nope"));

    assertFailedCall(e, 404, "GET", "/api/v2/organizations/nope");
    assertThat(e.serverMessage()).isEqualTo(NOT_FOUND);
    assertThat(e.detail()).isEmpty();
    assertThat(e.response()).contains(Response.of(NOT_FOUND));
    assertThat(e.getMessage())
        .isEqualTo("GET /api/v2/organizations/nope failed with 404: " + NOT_FOUND);
  }

  @Test
  void conflictOnCreateHasNoValidations() {
    enqueue(json(409, "{\"message\":\"Organization already exists with that name.\"}\n"));

    ConflictException e =
        thrown(
            ConflictException.class,
            () ->
                client
                    .organizations()
                    .create(CreateOrganizationRequest.builder("data-platform").build()));

    assertFailedCall(e, 409, "POST", "/api/v2/organizations");
    assertThat(e.serverMessage()).isEqualTo("Organization already exists with that name.");
    assertThat(e.validations()).isEmpty();
  }

  @Test
  void conflictOnUpdateNamesTheField() {
    enqueue(
        json(
            409,
            "{\"message\":\"Organization already exists with the name \\\"ml\\\".\","
                + "\"validations\":[{\"field\":\"name\","
                + "\"detail\":\"This value is already in use and should be unique.\"}]}\n"));

    ConflictException e =
        thrown(
            ConflictException.class,
            () ->
                client
                    .organizations()
                    .update(
                        Fixtures.DATA_ORG, UpdateOrganizationRequest.builder().name("ml").build()));

    assertFailedCall(e, 409, "PATCH", "/api/v2/organizations/d897e3d8-4e0e-4efc-a319-3e7808bcf658");
    assertThat(e.validations())
        .containsExactly(
            new ValidationError("name", "This value is already in use and should be unique."));
    assertThat(e.getMessage())
        .isEqualTo(
            "PATCH /api/v2/organizations/d897e3d8-4e0e-4efc-a319-3e7808bcf658 failed with 409:"
                + " Organization already exists with the name \"ml\". [name: This value is"
                + " already in use and should be unique.]");
  }

  @Test
  void rateLimitWithRetryAfterInSeconds() {
    enqueue(
        json(
                429,
                "{\"message\":\"You've been rate limited for sending more than 512 requests in"
                    + " 1m0s.\"}\n")
            .newBuilder()
            .setHeader("Retry-After", "60")
            .setHeader("X-RateLimit-Limit", "512")
            .setHeader("X-RateLimit-Remaining", "0")
            .build());

    RateLimitException e =
        thrown(RateLimitException.class, () -> client.provisionerJobs().list("default"));

    assertFailedCall(e, 429, "GET", "/api/v2/organizations/default/provisionerjobs");
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v2/organizations/default/provisionerjobs failed with 429: You've been rate"
                + " limited for sending more than 512 requests in 1m0s. (retry after 60 s)"
                + " (1 attempt; retries are off)");
  }

  @Test
  void rateLimitWithRetryAfterAsAnHttpDate() {
    String inTwoMinutes =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2));
    enqueue(rateLimited(inTwoMinutes));

    RateLimitException e = thrown(RateLimitException.class, () -> client.organizations().list());

    assertThat(e.retryAfter())
        .hasValueSatisfying(
            wait -> assertThat(wait).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120)));
  }

  @Test
  void retryAfterInThePastMeansNow() {
    enqueue(rateLimited("Wed, 21 Oct 2015 07:28:00 GMT"));

    RateLimitException e = thrown(RateLimitException.class, () -> client.organizations().list());

    assertThat(e.retryAfter()).contains(Duration.ZERO);
    assertThat(e.getMessage()).contains("(retry after 0 s)");
  }

  @Test
  void unreadableRetryAfterIsIgnored() {
    enqueue(rateLimited("soon"));

    RateLimitException e = thrown(RateLimitException.class, () -> client.organizations().list());

    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.getMessage()).doesNotContain("retry after");
  }

  @Test
  void serverErrorKeepsTheDetail() {
    enqueue(
        json(
            500,
            "{\"message\":\"Error deleting organization.\",\"detail\":\"This organization has 2"
                + " workspaces, 1 templates, and 3 members that must be deleted first.\"}\n"));

    ServerErrorException e =
        thrown(ServerErrorException.class, () -> client.organizations().delete("data-platform"));

    assertFailedCall(e, 500, "DELETE", "/api/v2/organizations/data-platform");
    assertThat(e.serverMessage()).isEqualTo("Error deleting organization.");
    assertThat(e.detail())
        .isEqualTo(
            "This organization has 2 workspaces, 1 templates, and 3 members that must be deleted"
                + " first.");
  }

  @Test
  void badGatewayPageFromAProxy() {
    enqueue(typed(502, "text/html", fixture("errors/bad-gateway.html")));

    ServerErrorException e =
        thrown(ServerErrorException.class, () -> client.organizations().get("data-platform"));

    assertFailedCall(e, 502, "GET", "/api/v2/organizations/data-platform");
    assertThat(e.response()).isEmpty();
    assertThat(e.serverMessage()).isEmpty();
    assertThat(e.detail()).isEmpty();
    assertThat(e.validations()).isEmpty();
    assertThat(e.bodyExcerpt())
        .isEqualTo(
            "<html> <head><title>502 Bad Gateway</title></head> <body> <center><h1>502 Bad"
                + " Gateway</h1></center> <hr><center>nginx/1.25.3</center> </body> </html>");
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v2/organizations/data-platform failed with 502 and a body that is not"
                + " Coder's error JSON (text/html): "
                + e.bodyExcerpt()
                + " (1 attempt; retries are off)");
  }

  @Test
  void longServiceUnavailablePageIsCutShort() {
    enqueue(
        typed(503, "text/html; charset=UTF-8", fixture("errors/service-unavailable.html"))
            .newBuilder()
            .setHeader("Retry-After", "120")
            .build());

    ServerErrorException e =
        thrown(ServerErrorException.class, () -> client.licenses().refreshEntitlements());

    assertFailedCall(e, 503, "POST", "/api/v2/licenses/refresh-entitlements");
    assertThat(e.response()).isEmpty();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(e.bodyExcerpt())
        .startsWith("<!DOCTYPE html> <html lang=\"en\"> <head> <meta charset=\"utf-8\">")
        .endsWith("…")
        .hasSize(301);
    assertThat(e.getMessage())
        .startsWith(
            "POST /api/v2/licenses/refresh-entitlements failed with 503 and a body that is not"
                + " Coder's error JSON (text/html): <!DOCTYPE html>")
        .contains(e.bodyExcerpt())
        .endsWith("(retry after 120 s)");
  }

  @Test
  void emptyErrorBody() {
    enqueue(new MockResponse.Builder().code(500).build());

    ServerErrorException e =
        thrown(ServerErrorException.class, () -> client.organizations().list());

    assertFailedCall(e, 500, "GET", "/api/v2/organizations");
    assertThat(e.response()).isEmpty();
    assertThat(e.bodyExcerpt()).isEmpty();
    assertThat(e).hasMessage("GET /api/v2/organizations failed with 500 and an empty body");
  }

  @Test
  void jsonThatIsNotCodersErrorShape() {
    enqueue(json(403, "{\"error\":\"access denied by policy\"}"));

    ForbiddenException e = thrown(ForbiddenException.class, () -> client.organizations().list());

    assertFailedCall(e, 403, "GET", "/api/v2/organizations");
    assertThat(e.response()).isEmpty();
    assertThat(e.bodyExcerpt()).isEqualTo("{\"error\":\"access denied by policy\"}");
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v2/organizations failed with 403 and a body that is not Coder's error JSON"
                + " (application/json): {\"error\":\"access denied by policy\"}");
  }

  @Test
  void plainTextStatusWithoutASubclass() {
    enqueue(typed(428, "text/plain; charset=utf-8", "Precondition Required\n"));

    CoderApiException e = thrown(CoderApiException.class, () -> client.organizations().list());

    assertThat(e).isExactlyInstanceOf(CoderApiException.class);
    assertFailedCall(e, 428, "GET", "/api/v2/organizations");
    assertThat(e.bodyExcerpt()).isEqualTo("Precondition Required");
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v2/organizations failed with 428 and a body that is not Coder's error JSON"
                + " (text/plain): Precondition Required");
  }

  @Test
  void redirectWithoutLocationIsNotFollowed() {
    enqueue(new MockResponse.Builder().code(302).body("moved").build());

    CoderApiException e =
        thrown(CoderApiException.class, () -> client.organizations().get("data-platform"));

    assertThat(e).isExactlyInstanceOf(CoderApiException.class);
    assertFailedCall(e, 302, "GET", "/api/v2/organizations/data-platform");
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v2/organizations/data-platform failed with 302: redirect was not followed;"
                + " the client follows redirects only within the origin of its base URL, so set"
                + " the base URL to the deployment's own address");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void errorBodyCutOffByTheConnectionStillMapsTheStatus() {
    enqueue(
        typed(502, "text/html", fixture("errors/bad-gateway.html"))
            .newBuilder()
            .setHeader("Content-Length", "4096")
            .onResponseEnd(new SocketEffect.CloseSocket())
            .build());

    ServerErrorException e =
        thrown(ServerErrorException.class, () -> client.organizations().list());

    assertFailedCall(e, 502, "GET", "/api/v2/organizations");
    assertThat(e.bodyExcerpt()).startsWith("<html> <head><title>502 Bad Gateway</title></head>");
  }

  private static void assertFailedCall(
      CoderApiException e, int status, String method, String path) {
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.method()).isEqualTo(method);
    assertThat(e.path()).isEqualTo(path);
  }

  private static MockResponse rateLimited(String retryAfter) {
    return json(429, "{\"message\":\"You've been rate limited for sending too many requests!\"}")
        .newBuilder()
        .setHeader("Retry-After", retryAfter)
        .build();
  }
}
