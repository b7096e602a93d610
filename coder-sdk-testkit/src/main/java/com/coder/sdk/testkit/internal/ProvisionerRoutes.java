package com.coder.sdk.testkit.internal;

import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerDaemon;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobLog;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.model.ProvisionerJobType;
import com.coder.sdk.model.Response;
import com.coder.sdk.model.ValidationError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import mockwebserver3.MockResponse;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jspecify.annotations.Nullable;

/**
 * The daemons listing of an organization, and the log and cancel routes of the objects that own
 * provisioner jobs: {@code /templateversions/{templateversion}[/dry-run/{jobID}]} and {@code
 * /workspacebuilds/{workspacebuild}}. A template version exists while a job names it; a workspace
 * build exists while its job does.
 */
final class ProvisionerRoutes {
  private final Store store;

  ProvisionerRoutes(Store store) {
    this.store = store;
  }

  // ---------------------------------------------------------------------------------------------
  // Daemons

  /** {@code GET /organizations/{organization}/provisionerdaemons}; {@code rest} starts there. */
  MockResponse daemonRoutes(Call call, String organization, List<String> rest) {
    if (rest.size() != 1) {
      return Wire.error(404, "Route not found.");
    }
    if (!call.method.equals("GET")) {
      return Call.methodNotAllowed();
    }
    return call.authenticated(
        () -> call.withOrganization(organization, org -> listDaemons(call, org)));
  }

  private MockResponse listDaemons(Call call, Organization org) {
    QueryParams query = call.query();
    int limit = query.positiveInt32("limit", 50);
    List<UUID> ids = query.uuids("ids");
    Map<String, String> tags = query.jsonStringMap("tags");
    Boolean offline = query.bool("offline");
    List<String> statuses = query.strings("status");
    Duration maxAge = query.duration("max_age");
    query.rejectUnread();
    if (!query.errors().isEmpty()) {
      return Wire.error(400, "Invalid query parameters.", query.errors());
    }

    List<ProvisionerDaemon> daemons;
    try {
      daemons =
          store.listDaemons(
              org.id(), ids, statuses, tags, Boolean.TRUE.equals(offline), maxAge, limit);
    } catch (Store.UnknownStatusException e) {
      return Wire.error(500, "Internal error fetching provisioner daemons.", e.getMessage());
    }
    return Wire.json(200, daemons);
  }

  // ---------------------------------------------------------------------------------------------
  // Job logs and cancellation

  /** The routes under {@code /templateversions} and {@code /workspacebuilds}. */
  MockResponse jobOwnerRoutes(Call call, List<String> route) {
    boolean build = route.get(0).equals("workspacebuilds");
    if (route.size() == 3) {
      String action = route.get(2);
      if (!action.equals("logs") && !action.equals("cancel")) {
        return Wire.error(404, "Route not found.");
      }
      if (!call.method.equals(action.equals("logs") ? "GET" : "PATCH")) {
        return Call.methodNotAllowed();
      }
      return call.authenticated(
          () -> build ? buildRoute(call, route.get(1), action) : versionRoute(call, route, action));
    }
    if (!build && route.size() == 5 && route.get(2).equals("dry-run")) {
      String action = route.get(4);
      if (!action.equals("logs") && !action.equals("cancel")) {
        return Wire.error(404, "Route not found.");
      }
      if (!call.method.equals(action.equals("logs") ? "GET" : "PATCH")) {
        return Call.methodNotAllowed();
      }
      return call.authenticated(() -> versionRoute(call, route, action));
    }
    return Wire.error(404, "Route not found.");
  }

  private MockResponse buildRoute(Call call, String rawBuild, String action) {
    UUID buildId;
    try {
      buildId = GoUuid.parse(rawBuild);
    } catch (GoUuid.InvalidUuidException e) {
      return Call.invalidUuid(rawBuild, e);
    }
    Optional<ProvisionerJob> job = store.buildJob(buildId);
    if (job.isEmpty()) {
      return Call.resourceNotFound();
    }
    if (action.equals("logs")) {
      return logs(call, job.get());
    }
    return cancelBuild(call, job.get());
  }

  /** {@code /templateversions/{templateversion}/...}, the version's import or a dry-run. */
  private MockResponse versionRoute(Call call, List<String> route, String action) {
    String rawVersion = route.get(1);
    UUID version;
    try {
      version = GoUuid.parse(rawVersion);
    } catch (GoUuid.InvalidUuidException e) {
      return Call.invalidUuid(rawVersion, e);
    }
    if (!store.templateVersionExists(version)) {
      return Call.resourceNotFound();
    }

    if (route.size() == 3) {
      Optional<ProvisionerJob> job = store.importJob(version);
      if (job.isEmpty()) {
        return Wire.error(
            500, "Internal error fetching provisioner job.", "sql: no rows in result set");
      }
      return action.equals("logs")
          ? logs(call, job.get())
          : cancel(job.get(), null, "!", "Job has been marked as canceled...");
    }

    String rawJob = route.get(3);
    UUID jobId;
    try {
      jobId = GoUuid.parse(rawJob);
    } catch (GoUuid.InvalidUuidException e) {
      return Wire.error(
          400, "Job ID " + GoText.quote(rawJob) + " must be a valid UUID.", e.getMessage());
    }
    Optional<ProvisionerJob> job = store.findJob(jobId);
    if (job.isEmpty()) {
      return Wire.error(404, "Provisioner job " + GoText.quote(jobId.toString()) + " not found.");
    }
    if (!job.get().type().equals(ProvisionerJobType.TEMPLATE_VERSION_DRY_RUN)
        || !version.equals(job.get().input().templateVersionId())) {
      return Call.forbidden();
    }
    return action.equals("logs")
        ? logs(call, job.get())
        : cancel(job.get(), null, ".", "Job has been marked as canceled.");
  }

  private MockResponse cancelBuild(Call call, ProvisionerJob job) {
    List<String> given =
        QueryParams.decode(call.request.getUrl().encodedQuery())
            .getOrDefault("expect_status", List.of());
    String raw = given.isEmpty() ? "" : given.get(0);
    ProvisionerJobStatus expected = null;
    if (!raw.isEmpty()) {
      if (!raw.equals("running") && !raw.equals("pending")) {
        return Wire.error(
            400,
            "Invalid expect_status "
                + GoText.quote(raw)
                + ". Only 'running' or 'pending' are allowed.");
      }
      expected = ProvisionerJobStatus.of(raw);
    }
    return cancel(job, expected, "!", "Job has been marked as canceled...");
  }

  /**
   * Cancels a job. Template version imports and workspace builds end their refusals with {@code !},
   * dry-runs with {@code .}, as Coder's handlers do.
   */
  private MockResponse cancel(
      ProvisionerJob job, @Nullable ProvisionerJobStatus expected, String mark, String done) {
    switch (store.cancel(job.id(), expected)) {
      case ALREADY_COMPLETED:
        return Wire.error(400, "Job has already completed" + mark);
      case ALREADY_CANCELED:
        return Wire.error(400, "Job has already been marked as canceled" + mark);
      case UNEXPECTED_STATUS:
        return Wire.error(412, "Job is not in the expected state.");
      default:
        return Wire.json(200, Response.of(done));
    }
  }

  /** The shared log handler: a JSON array, or with {@code follow} a WebSocket stream. */
  private MockResponse logs(Call call, ProvisionerJob job) {
    Map<String, List<String>> query = QueryParams.decode(call.request.getUrl().encodedQuery());
    boolean follow = query.containsKey("follow");
    String rawAfter = query.getOrDefault("after", List.of("")).get(0);
    long after = 0;
    if (!rawAfter.isEmpty()) {
      try {
        after = parseInt64(rawAfter);
      } catch (NumberFormatException e) {
        return Wire.error(
            400,
            "Query param \"after\" must be an integer.",
            List.of(new ValidationError("after", "Must be an integer")));
      }
    }
    if (!follow) {
      return Wire.json(200, store.logs(job.id(), after));
    }

    String refusal = upgradeProblem(call);
    if (refusal != null) {
      return refusedUpgrade(call, refusal);
    }
    return new MockResponse.Builder()
        .webSocketUpgrade(new LogSocket(store, job.id(), after))
        .build();
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}: optional sign, ASCII digits, 64-bit range. */
  private static long parseInt64(String raw) {
    String digits = raw.startsWith("+") || raw.startsWith("-") ? raw.substring(1) : raw;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new NumberFormatException(raw);
    }
    return Long.parseLong(raw.startsWith("+") ? digits : raw);
  }

  /** The WebSocket library's handshake checks, in its order; null when the request passes. */
  private static @Nullable String upgradeProblem(Call call) {
    String connection = call.header("Connection");
    if (!hasToken(connection, "upgrade")) {
      return "WebSocket protocol violation: Connection header "
          + GoText.quote(connection == null ? "" : connection)
          + " does not contain Upgrade";
    }
    String upgrade = call.header("Upgrade");
    if (!hasToken(upgrade, "websocket")) {
      return "WebSocket protocol violation: Upgrade header "
          + GoText.quote(upgrade == null ? "" : upgrade)
          + " does not contain websocket";
    }
    String version = call.header("Sec-WebSocket-Version");
    if (!"13".equals(version)) {
      return "unsupported WebSocket protocol version (only 13 is supported): "
          + GoText.quote(version == null ? "" : version);
    }
    String key = call.header("Sec-WebSocket-Key");
    if (key == null || key.isEmpty()) {
      return "WebSocket protocol violation: missing Sec-WebSocket-Key";
    }
    return null;
  }

  /**
   * Coder writes {@code 400 Failed to accept websocket.} after the WebSocket library has already
   * answered, so the library's status (426 for a plain request), its plain-text line and the
   * content type win, and Coder's JSON follows in the same body.
   */
  private static MockResponse refusedUpgrade(Call call, String problem) {
    int status =
        problem.startsWith("unsupported") || problem.endsWith("Sec-WebSocket-Key") ? 400 : 426;
    String json =
        new String(
            Wire.bytes(
                new Response(
                    "Failed to accept websocket.",
                    "failed to accept WebSocket connection: " + problem,
                    List.of())),
            StandardCharsets.UTF_8);
    MockResponse.Builder response =
        new MockResponse.Builder()
            .code(status)
            .setHeader("Content-Type", "text/plain; charset=utf-8")
            .setHeader("X-Content-Type-Options", "nosniff")
            .body(problem + "\n" + json);
    if (status == 426) {
      response.setHeader("Connection", "Upgrade").setHeader("Upgrade", "websocket");
    } else if (problem.startsWith("unsupported")) {
      response.setHeader("Sec-WebSocket-Version", "13");
    }
    return response.build();
  }

  private static boolean hasToken(@Nullable String header, String token) {
    if (header == null) {
      return false;
    }
    for (String part : header.split(",")) {
      if (part.strip().toLowerCase(Locale.ROOT).equals(token)) {
        return true;
      }
    }
    return false;
  }

  /** The server side of a log stream: one text frame per line, closed with "done" at the end. */
  private static final class LogSocket extends WebSocketListener implements JobLogs.Follower {
    private final Store store;
    private final UUID job;
    private final long after;
    private volatile @Nullable WebSocket socket;

    LogSocket(Store store, UUID job, long after) {
      this.store = store;
      this.job = job;
      this.after = after;
    }

    @Override
    public void onOpen(WebSocket webSocket, okhttp3.Response response) {
      socket = webSocket;
      store.follow(job, after, this);
    }

    @Override
    public void send(ProvisionerJobLog line) {
      WebSocket current = socket;
      if (current != null) {
        current.send(new String(Wire.bytes(line), StandardCharsets.UTF_8));
      }
    }

    @Override
    public void end() {
      WebSocket current = socket;
      if (current != null) {
        current.close(1000, "done");
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      store.unfollow(job, this);
      webSocket.close(1000, null);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, okhttp3.@Nullable Response r) {
      store.unfollow(job, this);
    }
  }
}
