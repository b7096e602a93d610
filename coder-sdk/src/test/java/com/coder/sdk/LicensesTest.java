package com.coder.sdk;

import static com.coder.sdk.Fixtures.DEPLOYMENT_ID;
import static com.coder.sdk.Fixtures.LICENSE_UUID;
import static com.coder.sdk.Fixtures.fixture;
import static com.coder.sdk.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.model.License;
import com.coder.sdk.model.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class LicensesTest extends MockServerTest {
  /** A license JWT's shape: three base64url parts. Its content does not matter to the client. */
  private static final String LICENSE_JWT =
      "eyJhbGciOiJFZERTQSIsImtpZCI6InYxIiwidHlwIjoiSldUIn0"
          + ".eyJpc3MiOiJsaWNlbnNlQGNvZGVyLmNvbSIsInN1YiI6IkV4YW1wbGUgQ29ycCJ9"
          + ".c2lnbmF0dXJlLWJ5dGVzLWdvLWhlcmU";

  @Test
  void addPostsTheLicenseAndDecodesItsClaims() throws Exception {
    enqueue(json(201, fixture("licenses/license.json")));

    License license = client.licenses().add(LICENSE_JWT);

    RecordedRequest request = takeRequest();
    assertCall(request, "POST", "/api/v2/licenses");
    assertThat(request.getBody().utf8()).isEqualTo("{\"license\":\"" + LICENSE_JWT + "\"}");
    assertJsonBody(request, "{\"license\":\"" + LICENSE_JWT + "\"}");

    assertThat(license.id()).isEqualTo(7);
    assertThat(license.uuid()).isEqualTo(LICENSE_UUID);
    assertThat(license.uploadedAt()).isEqualTo(Instant.parse("2025-10-02T12:00:03.441207Z"));
    Map<String, Object> claims = license.claims();
    assertThat(claims)
        .containsOnlyKeys(
            "iss",
            "sub",
            "exp",
            "nbf",
            "iat",
            "license_expires",
            "account_type",
            "account_id",
            "deployment_ids",
            "trial",
            "all_features",
            "feature_set",
            "version",
            "features",
            "usage_ratio");
    assertThat(claims)
        .containsEntry("iss", "license@coder.com")
        .containsEntry("sub", "Example Corp")
        .containsEntry("exp", 1798761600)
        .containsEntry("nbf", 1759363200)
        .containsEntry("iat", 1759363200)
        .containsEntry("license_expires", 1798761600)
        .containsEntry("account_type", "salesforce")
        .containsEntry("account_id", "0018a00001XyZAB")
        .containsEntry("deployment_ids", List.of(DEPLOYMENT_ID.toString()))
        .containsEntry("trial", false)
        .containsEntry("all_features", true)
        .containsEntry("feature_set", "premium")
        .containsEntry("version", 3)
        .containsEntry("usage_ratio", 0.75);
    // Numbers keep the smallest Java type that holds them, as the record documents.
    assertThat(claims.get("features"))
        .isEqualTo(Map.of("user_limit", 500, "managed_agent_limit", 10_000_000_000L));
  }

  @Test
  void addStripsTheNewlineOfALicenseFile() throws Exception {
    enqueue(json(201, fixture("licenses/license.json")));

    client.licenses().add("\n  " + LICENSE_JWT + "\r\n");

    assertJsonBody(takeRequest(), "{\"license\":\"" + LICENSE_JWT + "\"}");
  }

  @Test
  void addAcceptsOkWhereCreatedIsDocumented() throws Exception {
    enqueue(json(200, fixture("licenses/license.json")));

    assertThat(client.licenses().add(LICENSE_JWT).uuid()).isEqualTo(LICENSE_UUID);
  }

  @Test
  void addRefusesABlankLicenseBeforeAnyRequest() {
    assertThatThrownBy(() -> client.licenses().add(" \n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("licenseJwt is blank");
    assertThatThrownBy(() -> client.licenses().add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("licenseJwt == null");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void rejectedLicenseIsNotRepeatedInTheException() throws Exception {
    enqueue(json(400, "{\"message\":\"Invalid license\",\"detail\":\"license is expired\"}\n"));

    BadRequestException e =
        thrown(BadRequestException.class, () -> client.licenses().add(LICENSE_JWT));

    assertThat(e.serverMessage()).isEqualTo("Invalid license");
    assertThat(e.detail()).isEqualTo("license is expired");
    assertThat(e.getMessage())
        .isEqualTo("POST /api/v2/licenses failed with 400: Invalid license (license is expired)")
        .doesNotContain(LICENSE_JWT);
  }

  @Test
  void refreshEntitlementsPostsWithoutABody() throws Exception {
    enqueue(json("{\"message\":\"Entitlements updated\"}\n"));

    Response response = client.licenses().refreshEntitlements();

    RecordedRequest request = takeRequest();
    assertCall(request, "POST", "/api/v2/licenses/refresh-entitlements");
    assertNoBody(request);
    assertThat(request.getHeaders().get("Content-Length")).isEqualTo("0");
    assertThat(response).isEqualTo(Response.of("Entitlements updated"));
  }

  @Test
  void refreshEntitlementsAcceptsCreatedAndAnEmptyBody() throws Exception {
    enqueue(json(201, ""));

    Response response = client.licenses().refreshEntitlements();

    assertThat(response.message()).isEmpty();
    assertThat(response.detail()).isEmpty();
    assertThat(response.validations()).isEmpty();
  }

  @Test
  void refreshTooSoonIsABadRequestWithARetryHint() throws Exception {
    enqueue(
        json(
                400,
                "{\"message\":\"Entitlements already recently refreshed, please wait 26 seconds"
                    + " to force a new refresh\"}\n")
            .newBuilder()
            .setHeader("Retry-After", "26")
            .build());

    BadRequestException e =
        thrown(BadRequestException.class, () -> client.licenses().refreshEntitlements());

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(26));
    assertThat(e.getMessage())
        .isEqualTo(
            "POST /api/v2/licenses/refresh-entitlements failed with 400: Entitlements already"
                + " recently refreshed, please wait 26 seconds to force a new refresh"
                + " (retry after 26 s)");
  }
}
