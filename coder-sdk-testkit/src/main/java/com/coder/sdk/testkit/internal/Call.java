package com.coder.sdk.testkit.internal;

import com.coder.sdk.model.Organization;
import com.coder.sdk.model.Response;
import com.coder.sdk.model.ValidationError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * One request on its way through the fake's middleware: authentication, the organization lookup,
 * and the answers Coder's middleware writes when they fail.
 */
final class Call {
  static final String SIGNED_OUT =
      "You are signed out or your session has expired. Please sign in again to continue.";
  static final String NOT_FOUND = "Resource not found or you do not have access to this resource";

  final RecordedRequest request;
  final String method;
  final Store store;
  private final String adminToken;

  Call(RecordedRequest request, Store store, String adminToken) {
    this.request = request;
    this.method = request.getMethod() == null ? "" : request.getMethod();
    this.store = store;
    this.adminToken = adminToken;
  }

  /** The next step of a request. */
  interface Handler {
    MockResponse handle();
  }

  /** The next step of a request that named an organization. */
  interface OrgHandler {
    MockResponse handle(Organization org);
  }

  String body() {
    return request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
  }

  QueryParams query() {
    return QueryParams.parse(request.getUrl().encodedQuery());
  }

  /** Returns the value of a request header, or null. */
  @Nullable String header(String name) {
    return request.getHeaders().get(name);
  }

  /** Runs {@code next} if the request carries the admin token; otherwise answers 401. */
  MockResponse authenticated(Handler next) {
    String token = Router.sessionToken(request);
    if (token == null) {
      return Wire.error(
          401, SIGNED_OUT, "Cookie \"coder_session_token\" or query parameter must be provided.");
    }
    String[] parts = token.split("-", -1);
    if (parts.length != 2) {
      return Wire.error(
          401,
          SIGNED_OUT,
          "Invalid API key format: incorrect amount of API key parts, expected 2 got "
              + parts.length);
    }
    if (parts[0].length() != 10) {
      return Wire.error(
          401,
          SIGNED_OUT,
          "Invalid API key format: invalid API key ID length, expected 10 got "
              + parts[0].length());
    }
    if (parts[1].length() != 22) {
      return Wire.error(
          401,
          SIGNED_OUT,
          "Invalid API key format: invalid API key secret length, expected 22 got "
              + parts[1].length());
    }
    if (!adminToken.startsWith(parts[0] + "-")) {
      return Wire.error(401, SIGNED_OUT, "API key is invalid.");
    }
    if (!MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8), adminToken.getBytes(StandardCharsets.UTF_8))) {
      return Wire.error(401, SIGNED_OUT, "API key secret is invalid.");
    }
    return next.handle();
  }

  /** Resolves {@code {organization}} as Coder's middleware does, then runs {@code next}. */
  MockResponse withOrganization(String reference, OrgHandler next) {
    Optional<Organization> org = store.findOrganization(reference);
    if (org.isEmpty()) {
      // Coder's organization middleware writes two JSON objects into the one 404 body.
      return Wire.jsonValues(
          404,
          Response.of(NOT_FOUND),
          new Response(
              "Organization " + GoText.quote(reference) + " not found.",
              "Provide either the organization id or name.",
              List.of()));
    }
    return next.handle(org.get());
  }

  /** The generic 404 of a resource that is missing or hidden. */
  static MockResponse resourceNotFound() {
    return Wire.error(404, NOT_FOUND);
  }

  /** Coder's generic 403. */
  static MockResponse forbidden() {
    return Wire.error(
        403,
        "Forbidden.",
        "You don't have permission to view this content. If you believe this is a mistake, "
            + "please contact your administrator or try signing in with different credentials.");
  }

  /** Chi answers a known path with an unknown method with 405 and no body. */
  static MockResponse methodNotAllowed() {
    return new MockResponse.Builder().code(405).build();
  }

  /** A validation failure of a struct tag, worded as Coder's validator words it. */
  static ValidationError failed(String field, String tag, String value) {
    return new ValidationError(
        field, "Validation failed for tag \"" + tag + "\" with value: \"" + value + "\"");
  }

  /** A path UUID that did not parse: 400 {@code Invalid UUID "<raw>".} with the parser's reason. */
  static MockResponse invalidUuid(String raw, GoUuid.InvalidUuidException e) {
    return Wire.error(400, "Invalid UUID " + GoText.quote(raw) + ".", e.getMessage());
  }
}
