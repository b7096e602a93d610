package com.coder.sdk.testkit.internal;

import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.Response;
import com.coder.sdk.model.ValidationError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Answers requests under {@code /api/v2} with the routes, middleware order and messages of Coder's
 * server. Middleware runs as Coder chains it: authentication, then the license gate (enterprise
 * writes), then the organization lookup, then the handler.
 */
public final class Router {
  private static final String PREMIUM_MULTI_ORG =
      "Multiple Organizations is a Premium feature. Contact sales!";

  private final Store store;
  private final LicenseAuthority authority;
  private final String adminToken;
  private final String deploymentId;
  private final UserRoutes users;
  private final ProvisionerRoutes provisioners;
  private final DeploymentRoutes deployment;

  /**
   * @param adminToken the one session token accepted, of Coder's form {@code <10>-<22>}
   * @param deploymentId the deployment's ID, which licenses bound to deployments must name
   */
  public Router(Store store, LicenseAuthority authority, String adminToken, String deploymentId) {
    this.store = store;
    this.authority = authority;
    this.adminToken = adminToken;
    this.deploymentId = deploymentId;
    this.users = new UserRoutes(store);
    this.provisioners = new ProvisionerRoutes(store);
    this.deployment = new DeploymentRoutes(store, deploymentId);
  }

  /** Answers one request. */
  public MockResponse route(RecordedRequest request) {
    List<String> path = segments(request.getUrl().encodedPath());
    if (path.size() < 2 || !path.get(0).equals("api") || !path.get(1).equals("v2")) {
      return Wire.error(404, "Route not found.");
    }
    List<String> route = path.subList(2, path.size());
    Call call = new Call(request, store, adminToken);
    if (route.isEmpty()) {
      return Wire.error(404, "Route not found.");
    }

    switch (route.get(0)) {
      case "organizations":
        return organizationRoutes(call, route);
      case "licenses":
        return licenseRoutes(call, route);
      case "users":
        return users.userRoutes(call, route);
      case "templateversions":
      case "workspacebuilds":
        return provisioners.jobOwnerRoutes(call, route);
      case "buildinfo":
      case "entitlements":
        return deployment.route(call, route);
      default:
        return Wire.error(404, "Route not found.");
    }
  }

  /** Extracts the session token as Coder does, in its order of precedence; null if none. */
  public static @Nullable String sessionToken(RecordedRequest request) {
    return SessionTokens.find(
        request.getHeaders().get("Cookie"),
        request.getUrl().encodedQuery(),
        request.getHeaders().get("Coder-Session-Token"),
        request.getHeaders().get("Authorization"));
  }

  // ---------------------------------------------------------------------------------------------
  // Organizations and their jobs

  private MockResponse organizationRoutes(Call call, List<String> route) {
    if (route.size() == 1) {
      switch (call.method) {
        case "GET":
          return call.authenticated(() -> Wire.json(200, store.organizations()));
        case "POST":
          return call.authenticated(() -> licensedForOrgs(() -> createOrganization(call)));
        default:
          return methodNotAllowed();
      }
    }
    String reference = route.get(1);
    if (route.size() == 2) {
      switch (call.method) {
        case "GET":
          return call.authenticated(
              () -> call.withOrganization(reference, org -> Wire.json(200, org)));
        case "PATCH":
          return call.authenticated(
              () ->
                  licensedForOrgs(
                      () ->
                          call.withOrganization(reference, org -> updateOrganization(call, org))));
        case "DELETE":
          return call.authenticated(
              () ->
                  licensedForOrgs(
                      () -> call.withOrganization(reference, this::deleteOrganization)));
        default:
          return methodNotAllowed();
      }
    }
    List<String> rest = route.subList(2, route.size());
    switch (rest.get(0)) {
      case "provisionerjobs":
        return jobRoutes(call, reference, rest);
      case "provisionerdaemons":
        return provisioners.daemonRoutes(call, reference, rest);
      case "members":
      case "paginated-members":
        return users.memberRoutes(call, reference, rest);
      default:
        return Wire.error(404, "Route not found.");
    }
  }

  private MockResponse jobRoutes(Call call, String reference, List<String> rest) {
    if (rest.size() > 2) {
      return Wire.error(404, "Route not found.");
    }
    if (!call.method.equals("GET")) {
      return methodNotAllowed();
    }
    if (rest.size() == 1) {
      return call.authenticated(
          () -> call.withOrganization(reference, org -> listJobs(call, org, null)));
    }
    String rawJob = rest.get(1);
    return call.authenticated(
        () -> call.withOrganization(reference, org -> getJob(call, org, rawJob)));
  }

  private MockResponse licensedForOrgs(Call.Handler next) {
    if (!store.multipleOrganizationsEnabled()) {
      return Wire.error(403, PREMIUM_MULTI_ORG);
    }
    return next.handle();
  }

  private MockResponse createOrganization(Call call) {
    JsonObjects.Struct body;
    String name;
    String displayName;
    String description;
    String icon;
    try {
      body = JsonObjects.struct(call.body(), "codersdk.CreateOrganizationRequest");
      name = body.string("name");
      displayName = body.string("display_name");
      description = body.string("description");
      icon = body.string("icon");
    } catch (JsonObjects.GoJsonException e) {
      return Wire.error(400, "Request body must be valid JSON.", e.getMessage());
    }

    MockResponse refused = checkNames(name, displayName, true);
    if (refused != null) {
      return refused;
    }

    try {
      return Wire.json(201, store.insertOrganization(name, displayName, description, icon));
    } catch (Store.NameTakenException e) {
      return Wire.error(409, "Organization already exists with that name.");
    }
  }

  private MockResponse updateOrganization(Call call, Organization org) {
    String name;
    String displayName;
    String description;
    String icon;
    List<String> memberRoles;
    try {
      JsonObjects.Struct body =
          JsonObjects.struct(call.body(), "codersdk.UpdateOrganizationRequest");
      name = body.string("name");
      displayName = body.string("display_name");
      description = body.nullableString("description");
      icon = body.nullableString("icon");
      memberRoles = body.nullableStrings("default_org_member_roles");
    } catch (JsonObjects.GoJsonException e) {
      return Wire.error(400, "Request body must be valid JSON.", e.getMessage());
    }

    MockResponse refused = checkNames(name, displayName, false);
    if (refused != null) {
      return refused;
    }
    if (memberRoles != null && !memberRoles.equals(Store.DEFAULT_MEMBER_ROLES)) {
      // The fake behaves like a server without the experiment that allows changing them.
      return Wire.error(
          403,
          "Changing default organization roles is not enabled.",
          "Only the deployment default roles " + Store.DEFAULT_MEMBER_ROLES + " are accepted.");
    }

    try {
      Optional<Organization> updated =
          store.updateOrganization(org.id(), name, displayName, description, icon);
      if (updated.isEmpty()) {
        return Call.resourceNotFound();
      }
      return Wire.json(200, updated.get());
    } catch (Store.NameTakenException e) {
      return Wire.error(
          409,
          "Organization already exists with the name " + GoText.quote(name) + ".",
          List.of(
              new ValidationError("name", "This value is already in use and should be unique.")));
    }
  }

  /**
   * Runs the struct validators of the create and update bodies, then the reserved-name rule, which
   * Coder checks only after validation passed. Returns null when the names pass.
   */
  private static @Nullable MockResponse checkNames(
      String name, String displayName, boolean nameRequired) {
    List<ValidationError> problems = new ArrayList<>();
    if (name.isEmpty() && nameRequired) {
      problems.add(failed("name", "required", name));
    } else if (!name.isEmpty() && !Names.isValidName(name)) {
      problems.add(failed("name", "organization_name", name));
    }
    if (!displayName.isEmpty() && !Names.isValidDisplayName(displayName)) {
      problems.add(failed("display_name", "organization_display_name", displayName));
    }
    if (!problems.isEmpty()) {
      return Wire.error(400, "Validation failed.", problems);
    }
    if (name.equals("default")) {
      return Wire.error(400, "Organization name \"default\" is reserved.");
    }
    return null;
  }

  private MockResponse deleteOrganization(Organization org) {
    if (org.isDefault()) {
      return Wire.error(400, "Default organization cannot be deleted.");
    }
    String remaining = store.deleteOrganization(org.id());
    if (remaining != null) {
      return Wire.error(
          500,
          "Error deleting organization.",
          "This organization has " + remaining + " that must be deleted first.");
    }
    return Wire.json(200, Response.of("Organization has been deleted."));
  }

  private MockResponse getJob(Call call, Organization org, String rawJob) {
    UUID job;
    try {
      job = GoUuid.parse(rawJob);
    } catch (GoUuid.InvalidUuidException e) {
      return Call.invalidUuid(rawJob, e);
    }
    return listJobs(call, org, job);
  }

  /** The shared handler of the list and the single job: {@code only} set for the latter. */
  private MockResponse listJobs(Call call, Organization org, @Nullable UUID only) {
    QueryParams query = call.query();
    int limit = query.positiveInt32("limit", 50);
    List<String> statuses = query.strings("status");
    List<UUID> ids = only == null ? query.uuids("ids") : List.of(only);
    Map<String, String> tags = query.jsonStringMap("tags");
    UUID initiator = query.uuid("initiator");
    query.rejectUnread();
    if (!query.errors().isEmpty()) {
      return Wire.error(400, "Invalid query parameters.", query.errors());
    }

    List<ProvisionerJob> jobs;
    try {
      jobs = store.listJobs(org.id(), ids, statuses, tags, initiator, limit);
    } catch (Store.UnknownStatusException e) {
      return Wire.error(500, "Internal error fetching provisioner jobs.", e.getMessage());
    }
    if (only == null) {
      return Wire.json(200, jobs);
    }
    if (jobs.isEmpty()) {
      return Call.resourceNotFound();
    }
    return Wire.json(200, jobs.get(0));
  }

  // ---------------------------------------------------------------------------------------------
  // Licenses

  private MockResponse licenseRoutes(Call call, List<String> route) {
    if (route.size() == 1) {
      switch (call.method) {
        case "GET":
          return call.authenticated(this::listLicenses);
        case "POST":
          return call.authenticated(() -> addLicense(call));
        default:
          return methodNotAllowed();
      }
    }
    if (route.size() == 2 && route.get(1).equals("refresh-entitlements")) {
      if (!call.method.equals("POST")) {
        return methodNotAllowed();
      }
      return call.authenticated(this::refreshEntitlements);
    }
    if (route.size() == 2) {
      if (!call.method.equals("DELETE")) {
        return methodNotAllowed();
      }
      return call.authenticated(() -> deleteLicense(route.get(1)));
    }
    return Wire.error(404, "Route not found.");
  }

  private MockResponse addLicense(Call call) {
    String license;
    try {
      license = JsonObjects.struct(call.body(), "codersdk.AddLicenseRequest").string("license");
    } catch (JsonObjects.GoJsonException e) {
      return Wire.error(400, "Request body must be valid JSON.", e.getMessage());
    }
    if (license.isEmpty()) {
      return Wire.error(400, "Validation failed.", List.of(failed("license", "required", "")));
    }

    LicenseAuthority.Verified verified;
    try {
      verified = authority.verify(license, store.now());
    } catch (LicenseAuthority.InvalidLicenseException e) {
      return Wire.error(400, "Invalid license", e.getMessage());
    }
    JsonNode deployments = verified.claims().get("deployment_ids");
    if (deployments != null && deployments.isArray() && deployments.size() > 0) {
      List<String> allowed = new ArrayList<>();
      deployments.forEach(id -> allowed.add(GoText.quote(id.asText())));
      if (!allowed.contains(GoText.quote(deploymentId))) {
        return Wire.error(
            400,
            "License cannot be used on this deployment!",
            "The provided license is locked to the following deployments: ["
                + String.join(" ", allowed)
                + "]. Your deployment identifier is "
                + GoText.quote(deploymentId)
                + ". Please contact sales.");
      }
    }
    return Wire.json(201, licenseJson(store.addLicense(verified.claims(), true)));
  }

  private MockResponse listLicenses() {
    ArrayNode list = Wire.mapper().createArrayNode();
    for (Store.LicenseRow row : store.licenses()) {
      list.add(licenseJson(row));
    }
    return Wire.json(200, list);
  }

  private MockResponse deleteLicense(String rawId) {
    int id;
    try {
      id = Integer.parseInt(rawId);
    } catch (NumberFormatException e) {
      return Wire.error(404, "License ID must be an integer");
    }
    if (!store.deleteLicense(id)) {
      return Wire.error(404, "Unknown license ID");
    }
    return new MockResponse.Builder().code(200).build();
  }

  private MockResponse refreshEntitlements() {
    Duration wait = store.refreshEntitlements();
    if (!wait.isZero()) {
      long seconds = wait.toSeconds();
      return Wire.error(
              400,
              "Entitlements already recently refreshed, please wait "
                  + seconds
                  + " seconds to force a new refresh")
          .newBuilder()
          .setHeader("Retry-After", Long.toString(seconds))
          .build();
    }
    return Wire.json(200, Response.of("Entitlements updated"));
  }

  /** Coder writes claims from a Go map: keys sorted at every level, values as decoded. */
  private static ObjectNode licenseJson(Store.LicenseRow row) {
    ObjectNode node = Wire.mapper().createObjectNode();
    node.put("id", row.id());
    node.put("uuid", row.uuid().toString());
    node.put("uploaded_at", GoText.timestamp(row.uploadedAt()));
    node.set("claims", sorted(row.claims()));
    return node;
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        fields.put(field.getKey(), sorted(field.getValue()));
      }
      ObjectNode copy = Wire.mapper().createObjectNode();
      fields.forEach(copy::set);
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Wire.mapper().createArrayNode();
      node.forEach(item -> copy.add(sorted(item)));
      return copy;
    }
    return node;
  }

  // ---------------------------------------------------------------------------------------------
  // Plumbing

  private static ValidationError failed(String field, String tag, String value) {
    return Call.failed(field, tag, value);
  }

  private static MockResponse methodNotAllowed() {
    return Call.methodNotAllowed();
  }

  private static List<String> segments(String encodedPath) {
    List<String> segments = new ArrayList<>();
    for (String segment : Arrays.asList(encodedPath.split("/"))) {
      if (!segment.isEmpty()) {
        segments.add(percentDecode(segment));
      }
    }
    return segments;
  }

  private static String percentDecode(String segment) {
    try {
      return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return segment;
    }
  }
}
