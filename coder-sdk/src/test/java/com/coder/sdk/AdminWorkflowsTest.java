package com.coder.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.model.Entitlement;
import com.coder.sdk.model.Entitlements;
import com.coder.sdk.model.License;
import com.coder.sdk.model.LogLevel;
import com.coder.sdk.model.LogSource;
import com.coder.sdk.model.OrganizationMemberWithUserData;
import com.coder.sdk.model.ProvisionerDaemon;
import com.coder.sdk.model.ProvisionerDaemonStatus;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobLog;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.model.User;
import com.coder.sdk.model.UserStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The calls around the organization endpoints: licenses, entitlements, members, daemons, jobs. */
class AdminWorkflowsTest {
  private static final String TOKEN = "0123456789-abcdefghijklmnopqrstuv";
  private static final UUID ORG = UUID.fromString("7c60d51f-b44e-4682-87d6-449835ea4de6");
  private static final UUID JOB = UUID.fromString("b8cbd6e1-7d6c-4bd5-a1b6-1b9e3d1c0f01");
  private static final UUID BUILD = UUID.fromString("1e0d7a3c-7f1d-4a3b-9d61-0c5b2f0b7a11");
  private static final UUID VERSION = UUID.fromString("2a9e3e5d-6b7c-4e4f-8a1b-3c2d1e0f9a8b");

  private final MockWebServer server = new MockWebServer();
  private CoderClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = CoderClient.builder().baseUrl(server.url("/").toString()).sessionToken(TOKEN).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private void enqueueJson(int code, String json) {
    server.enqueue(
        new MockResponse.Builder()
            .code(code)
            .setHeader("Content-Type", "application/json; charset=utf-8")
            .body(json + "\n")
            .build());
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Coder-Session-Token")).isEqualTo(TOKEN);
    return request;
  }

  @Test
  void listsLicensesWithReadableClaims() throws Exception {
    enqueueJson(
        200,
        "[{\"id\":7,\"uuid\":\"c1f9d0e4-59c3-4b73-a4d8-6c7c1b0b5a10\","
            + "\"uploaded_at\":\"2025-03-01T10:00:00Z\",\"claims\":{\"license_expires\":1893456000,"
            + "\"trial\":true,\"all_features\":true,\"feature_set\":\"premium\","
            + "\"account_type\":\"salesforce\",\"account_id\":\"acct-1\","
            + "\"features\":{\"user_limit\":100,\"audit_log\":1,\"bogus\":\"x\"}}}]");

    List<License> licenses = client.licenses().list();

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/api/v2/licenses");
    License license = licenses.get(0);
    assertThat(license.id()).isEqualTo(7);
    assertThat(license.expiresAt()).contains(Instant.ofEpochSecond(1893456000));
    assertThat(license.isTrial()).isTrue();
    assertThat(license.allFeatures()).isTrue();
    assertThat(license.featureSet()).contains("premium");
    assertThat(license.accountType()).contains("salesforce");
    assertThat(license.accountId()).contains("acct-1");
    assertThat(license.features())
        .containsExactly(
            java.util.Map.entry("user_limit", 100L), java.util.Map.entry("audit_log", 1L));
  }

  @Test
  void emptyLicenseListMayBeNull() throws Exception {
    enqueueJson(200, "null");
    assertThat(client.licenses().list()).isEmpty();
  }

  @Test
  void deletesLicenseWithEmptyBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());

    client.licenses().delete(7);

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getTarget()).isEqualTo("/api/v2/licenses/7");
  }

  @Test
  void decodesEntitlementsAndAnswersWhetherAFeatureIsEntitled() throws Exception {
    enqueueJson(
        200,
        "{\"features\":{\"multiple_organizations\":{\"entitlement\":\"entitled\",\"enabled\":true},"
            + "\"user_limit\":{\"entitlement\":\"grace_period\",\"enabled\":true,\"limit\":100,"
            + "\"actual\":42},\"audit_log\":{\"entitlement\":\"not_entitled\",\"enabled\":false},"
            + "\"future_thing\":{\"entitlement\":\"sideways\",\"enabled\":true,"
            + "\"usage_period\":{\"issued_at\":\"2025-01-01T00:00:00Z\",\"start\":\"2025-01-01T00:00:00Z\","
            + "\"end\":\"2025-02-01T00:00:00Z\"}}},"
            + "\"warnings\":[\"License expires soon\"],\"errors\":[],\"has_license\":true,"
            + "\"trial\":false,\"require_telemetry\":false,\"refreshed_at\":\"2025-03-01T10:00:00Z\"}");

    Entitlements entitlements = client.deployment().entitlements();

    assertThat(take().getTarget()).isEqualTo("/api/v2/entitlements");
    assertThat(entitlements.isEntitled(Entitlements.MULTIPLE_ORGANIZATIONS)).isTrue();
    assertThat(entitlements.isEntitled(Entitlements.USER_LIMIT)).isTrue();
    assertThat(entitlements.isEntitled(Entitlements.AUDIT_LOG)).isFalse();
    assertThat(entitlements.isEntitled("never_heard_of_it")).isFalse();
    assertThat(entitlements.feature("user_limit").orElseThrow().limit()).isEqualTo(100L);
    assertThat(entitlements.feature("user_limit").orElseThrow().actual()).isEqualTo(42L);
    assertThat(entitlements.feature("user_limit").orElseThrow().entitlement())
        .isEqualTo(Entitlement.GRACE_PERIOD);
    assertThat(entitlements.feature("future_thing").orElseThrow().entitlement().isKnown())
        .isFalse();
    assertThat(entitlements.feature("future_thing").orElseThrow().usagePeriod().end())
        .isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
    assertThat(entitlements.warnings()).containsExactly("License expires soon");
    assertThat(entitlements.errors()).isEmpty();
    assertThat(entitlements.hasLicense()).isTrue();
    assertThat(entitlements.refreshedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
  }

  private void enqueueBuildInfo() {
    enqueueJson(
        200,
        "{\"external_url\":\"https://github.com/coder/coder/commit/abc\",\"version\":\"v2.24.1\","
            + "\"dashboard_url\":\"https://coder.example.com\",\"telemetry\":true,"
            + "\"workspace_proxy\":false,\"agent_api_version\":\"2.6\","
            + "\"provisioner_api_version\":\"1.7\",\"upgrade_message\":\"\","
            + "\"deployment_id\":\"dep-1\",\"webpush_public_key\":\"\"}");
  }

  private void enqueueMe() {
    enqueueJson(
        200,
        "{\"id\":\"3f4a9b7e-2c1d-4e5f-8a9b-0c1d2e3f4a5b\",\"username\":\"admin\",\"avatar_url\":\"\","
            + "\"name\":\"Ada Admin\",\"email\":\"admin@example.com\","
            + "\"created_at\":\"2024-01-01T00:00:00Z\",\"updated_at\":\"2024-06-01T00:00:00Z\","
            + "\"last_seen_at\":\"0001-01-01T00:00:00Z\",\"status\":\"active\","
            + "\"login_type\":\"password\",\"theme_preference\":\"\",\"has_ai_seat\":false,"
            + "\"organization_ids\":[\""
            + ORG
            + "\"],"
            + "\"roles\":[{\"name\":\"owner\",\"display_name\":\"Owner\"}]}");
  }

  @Test
  void checkConnectionReportsVersionAndUser() throws Exception {
    enqueueBuildInfo();
    enqueueMe();

    ConnectionInfo info = client.checkConnection();

    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v2/buildinfo");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v2/users/me");
    assertThat(info.buildInfo().version()).isEqualTo("v2.24.1");
    assertThat(info.buildInfo().provisionerApiVersion()).isEqualTo("1.7");
    User me = info.user();
    assertThat(me.username()).isEqualTo("admin");
    assertThat(me.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(me.lastSeenAt()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    assertThat(me.organizationIds()).containsExactly(ORG);
    assertThat(me.roles().get(0).name()).isEqualTo("owner");
    assertThat(me.roles().get(0).organizationId()).isEmpty();
  }

  @Test
  void checkConnectionExplainsARejectedToken() {
    enqueueBuildInfo();
    enqueueJson(
        401,
        "{\"message\":\"You are signed out or your session has expired. Please sign in again to"
            + " continue.\",\"detail\":\"API key expired\"}");

    assertThatThrownBy(() -> client.checkConnection())
        .isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("v2.24.1")
        .hasMessageContaining("coder tokens create")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void checkConnectionExplainsSomethingThatIsNotCoder() {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/html")
            .body("<html><body>Sign in to Example SSO</body></html>")
            .build());

    assertThatThrownBy(() -> client.checkConnection())
        .isInstanceOf(CoderException.class)
        .hasMessageContaining("not Coder's API")
        .hasMessageContaining("Sign in to Example SSO");
  }

  @Test
  void checkConnectionExplainsAnUnreachableServer() {
    server.close();

    assertThatThrownBy(() -> client.checkConnection())
        .isInstanceOf(CoderTransportException.class)
        .hasMessageContaining("cannot reach Coder at");
  }

  private static String member(int n) {
    return "{\"user_id\":\"00000000-0000-0000-0000-00000000000"
        + n
        + "\","
        + "\"organization_id\":\""
        + ORG
        + "\",\"created_at\":\"2025-01-01T00:00:00Z\","
        + "\"updated_at\":\"2025-01-01T00:00:00Z\",\"roles\":[],\"username\":\"user"
        + n
        + "\","
        + "\"email\":\"user"
        + n
        + "@example.com\",\"status\":\"active\",\"login_type\":\"oidc\","
        + "\"last_seen_at\":\"2025-02-01T00:00:00Z\",\"user_created_at\":\"2024-01-01T00:00:00Z\","
        + "\"user_updated_at\":\"2024-01-01T00:00:00Z\",\"global_roles\":[{\"name\":\"member\","
        + "\"display_name\":\"\"}],\"has_ai_seat\":false}";
  }

  @Test
  void membersArePagedLazily() throws Exception {
    enqueueJson(200, "{\"members\":[" + member(1) + "," + member(2) + "],\"count\":3}");
    enqueueJson(200, "{\"members\":[" + member(3) + "],\"count\":3}");

    PagedIterable<OrganizationMemberWithUserData> members = client.members().list("default", 2);
    assertThat(server.getRequestCount()).isZero();

    List<String> names = new ArrayList<>();
    for (OrganizationMemberWithUserData member : members) {
      names.add(member.username());
    }

    assertThat(names).containsExactly("user1", "user2", "user3");
    assertThat(take().getTarget())
        .isEqualTo("/api/v2/organizations/default/paginated-members?limit=2&offset=0");
    assertThat(take().getTarget())
        .isEqualTo("/api/v2/organizations/default/paginated-members?limit=2&offset=2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void addsRemovesAndUpdatesMemberRoles() throws Exception {
    String membership =
        "{\"user_id\":\"00000000-0000-0000-0000-000000000001\",\"organization_id\":\""
            + ORG
            + "\",\"created_at\":\"2025-01-01T00:00:00Z\",\"updated_at\":\"2025-01-02T00:00:00Z\","
            + "\"roles\":[{\"name\":\"organization-admin\",\"display_name\":\"Organization Admin\","
            + "\"organization_id\":\""
            + ORG
            + "\"}]}";
    enqueueJson(200, membership);
    server.enqueue(new MockResponse.Builder().code(204).build());
    enqueueJson(200, membership);

    client.members().add("data", "alice");
    client.members().remove("data", "alice");
    var updated = client.members().updateRoles("data", "alice", List.of("organization-admin"));

    RecordedRequest add = take();
    assertThat(add.getMethod()).isEqualTo("POST");
    assertThat(add.getTarget()).isEqualTo("/api/v2/organizations/data/members/alice");
    RecordedRequest remove = take();
    assertThat(remove.getMethod()).isEqualTo("DELETE");
    assertThat(remove.getTarget()).isEqualTo("/api/v2/organizations/data/members/alice");
    RecordedRequest roles = take();
    assertThat(roles.getMethod()).isEqualTo("PUT");
    assertThat(roles.getTarget()).isEqualTo("/api/v2/organizations/data/members/alice/roles");
    assertThat(roles.getBody().utf8()).isEqualTo("{\"roles\":[\"organization-admin\"]}");
    assertThat(updated.roles().get(0).organizationId()).isEqualTo(ORG.toString());
  }

  @Test
  void listsDaemonsWithFilter() throws Exception {
    enqueueJson(
        200,
        "[{\"id\":\"9d2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\",\"organization_id\":\""
            + ORG
            + "\","
            + "\"key_id\":\"00000000-0000-0000-0000-000000000001\",\"created_at\":\"2025-01-01T00:00:00Z\","
            + "\"last_seen_at\":null,\"name\":\"builder-1\",\"version\":\"v2.24.1\","
            + "\"api_version\":\"1.7\",\"provisioners\":[\"terraform\"],"
            + "\"tags\":{\"owner\":\"\",\"scope\":\"organization\"},\"key_name\":null,"
            + "\"status\":\"busy\",\"current_job\":{\"id\":\""
            + JOB
            + "\",\"status\":\"running\","
            + "\"template_name\":\"docker\",\"template_icon\":\"\",\"template_display_name\":\"\"},"
            + "\"previous_job\":null}]");

    List<ProvisionerDaemon> daemons =
        client
            .provisionerDaemons()
            .list(
                ORG,
                ProvisionerDaemonFilter.builder()
                    .status(ProvisionerDaemonStatus.BUSY, ProvisionerDaemonStatus.IDLE)
                    .tag("scope", "organization")
                    .includeOffline()
                    .limit(10)
                    .build());

    RecordedRequest request = take();
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/api/v2/organizations/" + ORG + "/provisionerdaemons");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("10");
    assertThat(request.getUrl().queryParameter("offline")).isEqualTo("true");
    assertThat(request.getUrl().queryParameter("status")).isEqualTo("busy,idle");
    assertThat(request.getUrl().queryParameter("tags")).isEqualTo("{\"scope\":\"organization\"}");
    ProvisionerDaemon daemon = daemons.get(0);
    assertThat(daemon.name()).isEqualTo("builder-1");
    assertThat(daemon.lastSeenAt()).isNull();
    assertThat(daemon.keyName()).isNull();
    assertThat(daemon.status()).isEqualTo(ProvisionerDaemonStatus.BUSY);
    assertThat(daemon.currentJob().id()).isEqualTo(JOB);
    assertThat(daemon.currentJob().status()).isEqualTo(ProvisionerJobStatus.RUNNING);
    assertThat(daemon.previousJob()).isNull();
    assertThat(daemon.provisioners()).containsExactly("terraform");
  }

  private static String job(String status, String type, String input, String extra) {
    return "{\"id\":\""
        + JOB
        + "\",\"created_at\":\"2025-01-01T00:00:00Z\","
        + extra
        + "\"status\":\""
        + status
        + "\",\"file_id\":\""
        + VERSION
        + "\",\"tags\":{},"
        + "\"queue_position\":0,\"queue_size\":0,\"organization_id\":\""
        + ORG
        + "\","
        + "\"input\":"
        + input
        + ",\"type\":\""
        + type
        + "\",\"logs_overflowed\":false}";
  }

  private ProvisionerJob decodeJob(String json) throws Exception {
    return com.coder.sdk.internal.Json.mapper().readValue(json, ProvisionerJob.class);
  }

  @Test
  void logsAndCancelGoToTheJobsOwner() throws Exception {
    ProvisionerJob build =
        decodeJob(
            job("running", "workspace_build", "{\"workspace_build_id\":\"" + BUILD + "\"}", ""));
    ProvisionerJob importJob =
        decodeJob(
            job(
                "running",
                "template_version_import",
                "{\"template_version_id\":\"" + VERSION + "\"}",
                ""));
    ProvisionerJob dryRun =
        decodeJob(
            job(
                "running",
                "template_version_dry_run",
                "{\"template_version_id\":\"" + VERSION + "\"}",
                ""));
    String log =
        "{\"id\":11,\"created_at\":\"2025-01-01T00:00:01Z\",\"log_source\":\"provisioner\","
            + "\"log_level\":\"info\",\"stage\":\"Planning infrastructure\",\"output\":\"Plan: 1 to add\"}";
    enqueueJson(200, "[" + log + "]");
    enqueueJson(200, "[]");
    enqueueJson(200, "null");
    enqueueJson(200, "{\"message\":\"Job has been marked as canceled...\"}");
    enqueueJson(200, "{\"message\":\"Job has been marked as canceled...\"}");
    enqueueJson(200, "{\"message\":\"Job has been marked as canceled...\"}");

    List<ProvisionerJobLog> logs = client.provisionerJobs().logs(build, 10);
    assertThat(client.provisionerJobs().logs(importJob)).isEmpty();
    assertThat(client.provisionerJobs().logs(dryRun)).isEmpty();
    client.provisionerJobs().cancel(build);
    client.provisionerJobs().cancel(importJob);
    assertThat(client.provisionerJobs().cancel(dryRun).message()).startsWith("Job has been marked");

    assertThat(take().getTarget()).isEqualTo("/api/v2/workspacebuilds/" + BUILD + "/logs?after=10");
    assertThat(take().getTarget()).isEqualTo("/api/v2/templateversions/" + VERSION + "/logs");
    assertThat(take().getTarget())
        .isEqualTo("/api/v2/templateversions/" + VERSION + "/dry-run/" + JOB + "/logs");
    RecordedRequest cancelBuild = take();
    assertThat(cancelBuild.getMethod()).isEqualTo("PATCH");
    assertThat(cancelBuild.getTarget()).isEqualTo("/api/v2/workspacebuilds/" + BUILD + "/cancel");
    assertThat(take().getTarget()).isEqualTo("/api/v2/templateversions/" + VERSION + "/cancel");
    assertThat(take().getTarget())
        .isEqualTo("/api/v2/templateversions/" + VERSION + "/dry-run/" + JOB + "/cancel");

    ProvisionerJobLog line = logs.get(0);
    assertThat(line.id()).isEqualTo(11);
    assertThat(line.source()).isEqualTo(LogSource.PROVISIONER);
    assertThat(line.level()).isEqualTo(LogLevel.INFO);
    assertThat(line.stage()).isEqualTo("Planning infrastructure");
    assertThat(line.output()).isEqualTo("Plan: 1 to add");
  }

  @Test
  void refusesJobsWhoseOwnerIsUnknown() throws Exception {
    ProvisionerJob strange = decodeJob(job("running", "teleport", "{}", ""));

    assertThatThrownBy(() -> client.provisionerJobs().logs(strange))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("teleport");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void followsLogsOverWebSocketInOrderWithoutDuplicates() throws Exception {
    ProvisionerJob build =
        decodeJob(
            job("running", "workspace_build", "{\"workspace_build_id\":\"" + BUILD + "\"}", ""));
    server.enqueue(
        new MockResponse.Builder()
            .webSocketUpgrade(
                new WebSocketListener() {
                  @Override
                  public void onOpen(WebSocket socket, Response response) {
                    for (int id : new int[] {4, 5, 5, 3, 6}) {
                      socket.send(
                          "{\"id\":"
                              + id
                              + ",\"created_at\":\"2025-01-01T00:00:0"
                              + id
                              + "Z\","
                              + "\"log_source\":\"provisioner_daemon\",\"log_level\":\"debug\","
                              + "\"stage\":\"Starting\",\"output\":\"line "
                              + id
                              + "\"}");
                    }
                    socket.close(1000, "done");
                  }
                })
            .build());

    List<Long> ids = new ArrayList<>();
    try (LogStream stream = client.provisionerJobs().followLogs(build, 3)) {
      for (ProvisionerJobLog line : stream) {
        ids.add(line.id());
      }
      assertThat(stream.lastId()).isEqualTo(6);
    }

    assertThat(ids).containsExactly(4L, 5L, 6L);
    RecordedRequest upgrade = take();
    assertThat(upgrade.getUrl().encodedPath())
        .isEqualTo("/api/v2/workspacebuilds/" + BUILD + "/logs");
    assertThat(upgrade.getUrl().queryParameterNames()).containsExactlyInAnyOrder("follow", "after");
    assertThat(upgrade.getUrl().queryParameter("after")).isEqualTo("3");
    assertThat(upgrade.getHeaders().get("Upgrade")).isEqualToIgnoringCase("websocket");
  }

  @Test
  void followingLogsReportsTheServersRefusal() throws Exception {
    ProvisionerJob build =
        decodeJob(
            job("running", "workspace_build", "{\"workspace_build_id\":\"" + BUILD + "\"}", ""));
    enqueueJson(
        404, "{\"message\":\"Resource not found or you do not have access to this resource\"}");

    try (LogStream stream = client.provisionerJobs().followLogs(build)) {
      assertThatThrownBy(() -> stream.iterator().hasNext())
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("/api/v2/workspacebuilds/" + BUILD + "/logs");
    }
  }

  private ProvisionerJobs jobsWith(FakeTimer time) {
    return new ProvisionerJobs(client.http(), time);
  }

  @Test
  void awaitPollsWithBackoffUntilSuccess() throws Exception {
    enqueueJson(200, job("pending", "workspace_build", "{}", ""));
    enqueueJson(
        200, job("running", "workspace_build", "{}", "\"started_at\":\"2025-01-01T00:00:01Z\","));
    enqueueJson(
        200, job("running", "workspace_build", "{}", "\"started_at\":\"2025-01-01T00:00:01Z\","));
    enqueueJson(
        200,
        job(
            "succeeded",
            "workspace_build",
            "{}",
            "\"started_at\":\"2025-01-01T00:00:01Z\",\"completed_at\":\"2025-01-01T00:00:09Z\","));
    FakeTimer time = new FakeTimer();

    ProvisionerJob done = jobsWith(time).await("default", JOB, Duration.ofMinutes(1));

    assertThat(done.status()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
    assertThat(time.waits)
        .containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(take().getTarget())
        .isEqualTo("/api/v2/organizations/default/provisionerjobs/" + JOB);
  }

  @Test
  void awaitThrowsWithTheFailedJob() {
    enqueueJson(
        200,
        job(
            "failed",
            "workspace_build",
            "{}",
            "\"completed_at\":\"2025-01-01T00:00:09Z\",\"error\":\"quota exceeded\","
                + "\"error_code\":\"INSUFFICIENT_QUOTA\","));

    assertThatThrownBy(() -> jobsWith(new FakeTimer()).await("default", JOB, Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(
            ProvisionerJobFailedException.class,
            e -> assertThat(e.job().error()).isEqualTo("quota exceeded"))
        .hasMessageContaining("quota exceeded")
        .hasMessageContaining("INSUFFICIENT_QUOTA");
  }

  @Test
  void awaitThrowsOnCancellation() {
    enqueueJson(
        200, job("canceled", "workspace_build", "{}", "\"canceled_at\":\"2025-01-01T00:00:02Z\","));

    assertThatThrownBy(() -> jobsWith(new FakeTimer()).await("default", JOB, Duration.ofMinutes(1)))
        .isInstanceOf(ProvisionerJobFailedException.class)
        .hasMessageContaining("was canceled");
  }

  @Test
  void awaitTimesOutNamingTheLastStatus() {
    for (int i = 0; i < 10; i++) {
      enqueueJson(200, job("pending", "workspace_build", "{}", ""));
    }
    FakeTimer time = new FakeTimer();

    assertThatThrownBy(() -> jobsWith(time).await("default", JOB, Duration.ofMillis(600)))
        .isInstanceOfSatisfying(
            ProvisionerJobTimeoutException.class,
            e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(600)))
        .hasMessageContaining("still pending");
    assertThat(time.waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(350));
  }

  @Test
  void awaitAsyncPollsWithBackoffUntilSuccess() throws Exception {
    enqueueJson(200, job("pending", "workspace_build", "{}", ""));
    enqueueJson(200, job("running", "workspace_build", "{}", ""));
    enqueueJson(200, job("succeeded", "workspace_build", "{}", ""));
    FakeTimer time = new FakeTimer();

    ProvisionerJob done =
        jobsWith(time).awaitAsync(ORG, JOB, Duration.ofMinutes(1)).get(5, TimeUnit.SECONDS);

    assertThat(done.status()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
    assertThat(time.waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    for (int i = 0; i < 3; i++) {
      assertThat(take().getTarget())
          .isEqualTo("/api/v2/organizations/" + ORG + "/provisionerjobs/" + JOB);
    }
  }

  @Test
  void awaitAsyncFailsWithTheFailedJob() {
    enqueueJson(200, job("failed", "workspace_build", "{}", "\"error\":\"quota exceeded\","));

    CompletableFuture<ProvisionerJob> done =
        jobsWith(new FakeTimer()).awaitAsync("default", JOB, Duration.ofMinutes(1));

    assertThatThrownBy(() -> done.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ProvisionerJobFailedException.class,
            e -> assertThat(e.job().error()).isEqualTo("quota exceeded"));
  }

  @Test
  void awaitAsyncTimesOutNamingTheLastStatus() {
    for (int i = 0; i < 3; i++) {
      enqueueJson(200, job("running", "workspace_build", "{}", ""));
    }
    FakeTimer time = new FakeTimer();

    CompletableFuture<ProvisionerJob> done =
        jobsWith(time).awaitAsync("default", JOB, Duration.ofMillis(600));

    assertThatThrownBy(() -> done.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(ProvisionerJobTimeoutException.class)
        .hasMessageContaining("still running");
    assertThat(time.waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(350));
  }

  @Test
  void awaitAsyncPassesOnAFailedRead() {
    enqueueJson(
        404, "{\"message\":\"Resource not found or you do not have access to this resource\"}");

    CompletableFuture<ProvisionerJob> done =
        jobsWith(new FakeTimer()).awaitAsync("default", JOB, Duration.ofMinutes(1));

    assertThatThrownBy(() -> done.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("/provisionerjobs/" + JOB);
  }

  @Test
  void cancellingAwaitAsyncStopsThePolling() throws Exception {
    enqueueJson(200, job("running", "workspace_build", "{}", ""));
    FakeTimer time = new FakeTimer();
    CompletableFuture<Void> pause = new CompletableFuture<>();
    time.hold = true;
    time.held = pause;

    CompletableFuture<ProvisionerJob> done =
        jobsWith(time).awaitAsync("default", JOB, Duration.ofMinutes(1));
    take();
    while (time.waits.isEmpty()) {
      Thread.onSpinWait();
    }
    assertThat(done.cancel(true)).isTrue();

    assertThat(pause).isCancelled();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void asyncSiblingsSendTheSameRequests() throws Exception {
    ProvisionerJob build =
        decodeJob(
            job("running", "workspace_build", "{\"workspace_build_id\":\"" + BUILD + "\"}", ""));
    String membership =
        "{\"user_id\":\"00000000-0000-0000-0000-000000000001\",\"organization_id\":\""
            + ORG
            + "\",\"created_at\":\"2025-01-01T00:00:00Z\",\"updated_at\":\"2025-01-02T00:00:00Z\","
            + "\"roles\":[]}";
    enqueueJson(200, "[]");
    server.enqueue(new MockResponse.Builder().code(200).build());
    enqueueBuildInfo();
    enqueueJson(
        200,
        "{\"features\":{},\"warnings\":[],\"errors\":[],\"has_license\":false,"
            + "\"trial\":false,\"require_telemetry\":false,\"refreshed_at\":\"2025-01-01T00:00:00Z\"}");
    enqueueJson(200, "{\"members\":[" + member(1) + "],\"count\":7}");
    enqueueJson(200, member(2));
    enqueueJson(200, membership);
    server.enqueue(new MockResponse.Builder().code(204).build());
    enqueueJson(200, membership);
    enqueueJson(200, "null");
    enqueueJson(200, "[]");
    enqueueJson(200, "{\"message\":\"Job has been marked as canceled...\"}");

    assertThat(client.licenses().listAsync().get()).isEmpty();
    assertThat(client.licenses().deleteAsync(3).get()).isNull();
    assertThat(client.deployment().buildInfoAsync().get().version()).isEqualTo("v2.24.1");
    assertThat(client.deployment().entitlementsAsync().get().hasLicense()).isFalse();
    Page<OrganizationMemberWithUserData> page = client.members().pageAsync("data", 5, 1).get();
    assertThat(page.items())
        .extracting(OrganizationMemberWithUserData::username)
        .containsExactly("user1");
    assertThat(page.offset()).isEqualTo(5);
    assertThat(page.totalCount()).isEqualTo(7);
    assertThat(client.members().getAsync("data", "user2").get().username()).isEqualTo("user2");
    assertThat(client.members().addAsync("data", "alice").get().organizationId()).isEqualTo(ORG);
    assertThat(client.members().removeAsync("data", "alice").get()).isNull();
    assertThat(client.members().updateRolesAsync("data", "alice", List.of()).get().roles())
        .isEmpty();
    assertThat(client.provisionerDaemons().listAsync(ORG).get()).isEmpty();
    assertThat(client.provisionerJobs().logsAsync(build, 9).get()).isEmpty();
    assertThat(client.provisionerJobs().cancelAsync(build).get().message())
        .startsWith("Job has been marked");

    assertCall("GET", "/api/v2/licenses");
    assertCall("DELETE", "/api/v2/licenses/3");
    assertCall("GET", "/api/v2/buildinfo");
    assertCall("GET", "/api/v2/entitlements");
    assertCall("GET", "/api/v2/organizations/data/paginated-members?limit=1&offset=5");
    assertCall("GET", "/api/v2/organizations/data/members/user2");
    assertCall("POST", "/api/v2/organizations/data/members/alice");
    assertCall("DELETE", "/api/v2/organizations/data/members/alice");
    RecordedRequest roles = assertCall("PUT", "/api/v2/organizations/data/members/alice/roles");
    assertThat(roles.getBody().utf8()).isEqualTo("{\"roles\":[]}");
    assertCall("GET", "/api/v2/organizations/" + ORG + "/provisionerdaemons");
    assertCall("GET", "/api/v2/workspacebuilds/" + BUILD + "/logs?after=9");
    assertCall("PATCH", "/api/v2/workspacebuilds/" + BUILD + "/cancel");
  }

  @Test
  void asyncUserCallsNameTheUser() throws Exception {
    enqueueMe();
    enqueueMe();

    User me = client.users().meAsync().get();
    client.users().getAsync(UUID.fromString("00000000-0000-0000-0000-00000000000a")).get();

    assertThat(me.username()).isNotEmpty();
    assertCall("GET", "/api/v2/users/me");
    assertCall("GET", "/api/v2/users/00000000-0000-0000-0000-00000000000a");
  }

  @Test
  void pageAsyncRefusesABadWindowBeforeSending() {
    assertThatThrownBy(() -> client.members().pageAsync("data", -1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset must not be negative, was -1");
    assertThatThrownBy(() -> client.members().pageAsync("data", 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be at least 1, was 0");
    assertThat(server.getRequestCount()).isZero();
  }

  private RecordedRequest assertCall(String method, String target) throws InterruptedException {
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo(method);
    assertThat(request.getTarget()).isEqualTo(target);
    return request;
  }
}
