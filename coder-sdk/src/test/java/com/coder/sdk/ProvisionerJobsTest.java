package com.coder.sdk;

import static com.coder.sdk.Fixtures.CANCELED_JOB;
import static com.coder.sdk.Fixtures.CANCELING_JOB;
import static com.coder.sdk.Fixtures.DAEMON_A;
import static com.coder.sdk.Fixtures.DAEMON_B;
import static com.coder.sdk.Fixtures.DATA_ORG;
import static com.coder.sdk.Fixtures.FAILED_JOB;
import static com.coder.sdk.Fixtures.FILE;
import static com.coder.sdk.Fixtures.FUTURE_JOB;
import static com.coder.sdk.Fixtures.LEGACY_JOB;
import static com.coder.sdk.Fixtures.LEGACY_ORG;
import static com.coder.sdk.Fixtures.OWNER;
import static com.coder.sdk.Fixtures.PENDING_JOB;
import static com.coder.sdk.Fixtures.RUNNING_JOB;
import static com.coder.sdk.Fixtures.SUCCEEDED_JOB;
import static com.coder.sdk.Fixtures.TEMPLATE;
import static com.coder.sdk.Fixtures.TEMPLATE_VERSION;
import static com.coder.sdk.Fixtures.WORKSPACE;
import static com.coder.sdk.Fixtures.WORKSPACE_BUILD;
import static com.coder.sdk.Fixtures.fixture;
import static com.coder.sdk.Fixtures.json;
import static com.coder.sdk.Fixtures.jsonArray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.coder.sdk.model.JobErrorCode;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobInput;
import com.coder.sdk.model.ProvisionerJobMetadata;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.model.ProvisionerJobType;
import com.coder.sdk.model.WorkspaceTransition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ProvisionerJobsTest extends MockServerTest {
  private static final String JOBS = "/api/v2/organizations/data-platform/provisionerjobs";
  private static final String JOBS_BY_ID =
      "/api/v2/organizations/d897e3d8-4e0e-4efc-a319-3e7808bcf658/provisionerjobs";

  private static final ProvisionerJobInput IMPORT_INPUT =
      new ProvisionerJobInput(TEMPLATE_VERSION, null, null);
  private static final ProvisionerJobInput BUILD_INPUT =
      new ProvisionerJobInput(null, WORKSPACE_BUILD, null);
  private static final ProvisionerJobMetadata TEMPLATE_METADATA =
      new ProvisionerJobMetadata(
          "brave_turing7",
          TEMPLATE,
          "kubernetes-dev",
          "Kubernetes (dev)",
          "/icon/k8s.png",
          null,
          null,
          null);

  @Test
  void listWithoutFilterSendsNoQueryAndDecodesEveryState() throws Exception {
    enqueue(
        json(
            jsonArray(
                fixture("jobs/pending.json"),
                fixture("jobs/running.json"),
                fixture("jobs/succeeded.json"),
                fixture("jobs/failed.json"),
                fixture("jobs/canceling.json"),
                fixture("jobs/canceled.json"))));

    List<ProvisionerJob> jobs = client.provisionerJobs().list("data-platform");

    RecordedRequest request = takeRequest();
    assertCall(request, "GET", JOBS);
    assertThat(request.getUrl().query()).isNull();
    assertNoBody(request);

    assertThat(jobs).hasSize(6);
    assertPending(jobs.get(0));
    assertRunning(jobs.get(1));
    assertSucceeded(jobs.get(2));
    assertFailed(jobs.get(3));
    assertCanceling(jobs.get(4));
    assertCanceled(jobs.get(5));
  }

  @Test
  void listByIdSendsTheUuid() throws Exception {
    enqueue(json(jsonArray(fixture("jobs/running.json"))));

    List<ProvisionerJob> jobs = client.provisionerJobs().list(DATA_ORG);

    assertCall(takeRequest(), "GET", JOBS_BY_ID);
    assertThat(jobs).singleElement().satisfies(ProvisionerJobsTest::assertRunning);
  }

  @Test
  void listByIdWithFilterSendsTheUuidAndTheQuery() throws Exception {
    enqueue(json(jsonArray(fixture("jobs/pending.json"))));

    List<ProvisionerJob> jobs =
        client
            .provisionerJobs()
            .list(
                DATA_ORG,
                ProvisionerJobFilter.builder().status(ProvisionerJobStatus.PENDING).build());

    assertCall(takeRequest(), "GET", JOBS_BY_ID + "?status=pending");
    assertThat(jobs).singleElement().satisfies(ProvisionerJobsTest::assertPending);
  }

  @Test
  void listWithNoneFilterSendsNoQuery() throws Exception {
    enqueue(json("[]\n"));

    assertThat(client.provisionerJobs().list("data-platform", ProvisionerJobFilter.none()))
        .isEmpty();
    assertCall(takeRequest(), "GET", JOBS);
  }

  @Test
  void getByNameSendsTheJobId() throws Exception {
    enqueue(json(fixture("jobs/failed.json")));

    ProvisionerJob job = client.provisionerJobs().get("data-platform", FAILED_JOB);

    RecordedRequest request = takeRequest();
    assertCall(request, "GET", JOBS + "/c75cde92-e8da-4daa-81b6-bff6c5a10c7c");
    assertNoBody(request);
    assertFailed(job);
  }

  @Test
  void getByIdSendsBothUuids() throws Exception {
    enqueue(json(fixture("jobs/canceled.json")));

    ProvisionerJob job = client.provisionerJobs().get(DATA_ORG, CANCELED_JOB);

    assertCall(takeRequest(), "GET", JOBS_BY_ID + "/fe70212e-fe85-42ce-8b5e-b6c2d4440054");
    assertCanceled(job);
  }

  @Test
  void getRefusesANullJobBeforeAnyRequest() {
    assertThatThrownBy(() -> client.provisionerJobs().get("data-platform", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("job == null");
    assertThatThrownBy(() -> client.provisionerJobs().get((UUID) null, RUNNING_JOB))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("organization == null");
    assertThatThrownBy(() -> client.provisionerJobs().list("data-platform", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("filter == null");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void valuesFromANewerServerKeepTheirRawStrings() throws Exception {
    enqueue(json(fixture("jobs/future.json")));

    ProvisionerJob job = client.provisionerJobs().get("data-platform", FUTURE_JOB);

    assertThat(job.id()).isEqualTo(FUTURE_JOB);
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2025-10-03T09:20:00Z"));
    assertThat(job.startedAt()).isEqualTo(Instant.parse("2025-10-03T09:20:01Z"));
    assertThat(job.completedAt()).isNull();
    assertThat(job.canceledAt()).isNull();
    assertThat(job.error()).isEqualTo("template parameter \"size\" is missing");

    assertThat(job.status().value()).isEqualTo("paused");
    assertThat(job.status().isKnown()).isFalse();
    assertThat(job.status().isTerminal()).isFalse();
    assertThat(job.status().isActive()).isFalse();
    assertThat(job.type().value()).isEqualTo("workspace_snapshot");
    assertThat(job.type().isKnown()).isFalse();
    assertThat(job.errorCode()).isNotNull();
    assertThat(job.errorCode().value()).isEqualTo("MISSING_TEMPLATE_PARAMETER");
    assertThat(job.errorCode().isKnown()).isFalse();

    // Outside the organization endpoints the server sends worker_id without worker_name.
    assertThat(job.workerId()).isEqualTo(DAEMON_A);
    assertThat(job.workerName()).isNull();
    assertInDataPlatform(job);
    assertThat(job.tags()).containsExactly(entry("owner", ""), entry("scope", "organization"));
    assertThat(job.queuePosition()).isZero();
    assertThat(job.queueSize()).isZero();
    assertThat(job.input()).isEqualTo(BUILD_INPUT);
    assertThat(job.availableWorkers()).isEmpty();
    assertThat(job.metadata()).isNotNull();
    assertThat(job.metadata().workspaceBuildTransition()).isNotNull();
    assertThat(job.metadata().workspaceBuildTransition().value()).isEqualTo("hibernate");
    assertThat(job.metadata().workspaceBuildTransition().isKnown()).isFalse();
    assertThat(job.metadata().workspaceName()).isEqualTo("alice-dev");
    assertThat(job.logsOverflowed()).isFalse();
  }

  @Test
  void jobFromAnOlderServerDecodesWithoutTheNewerFields() throws Exception {
    enqueue(json(fixture("jobs/legacy.json")));

    ProvisionerJob job = client.provisionerJobs().get(LEGACY_ORG, LEGACY_JOB);

    assertThat(job.id()).isEqualTo(LEGACY_JOB);
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2023-06-01T12:00:00.5Z"));
    assertThat(job.startedAt()).isEqualTo(Instant.parse("2023-06-01T12:00:01Z"));
    assertThat(job.completedAt()).isEqualTo(Instant.parse("2023-06-01T12:00:30Z"));
    assertThat(job.canceledAt()).isNull();
    assertThat(job.error()).isNull();
    assertThat(job.errorCode()).isNull();
    assertThat(job.status()).isSameAs(ProvisionerJobStatus.SUCCEEDED);
    assertThat(job.workerId()).isEqualTo(DAEMON_A);
    assertThat(job.workerName()).isNull();
    assertThat(job.fileId()).isEqualTo(FILE);
    assertThat(job.tags()).containsExactly(entry("owner", ""), entry("scope", "organization"));
    assertThat(job.queuePosition()).isZero();
    assertThat(job.queueSize()).isZero();
    assertThat(job.organizationId()).isEqualTo(LEGACY_ORG);
    assertThat(job.initiatorId()).isNull();
    assertThat(job.input()).isEqualTo(IMPORT_INPUT);
    assertThat(job.type()).isSameAs(ProvisionerJobType.TEMPLATE_VERSION_IMPORT);
    assertThat(job.availableWorkers()).isEmpty();
    assertThat(job.metadata()).isNull();
    assertThat(job.logsOverflowed()).isFalse();
  }

  /** Checks every field of {@code jobs/pending.json}. */
  static void assertPending(ProvisionerJob job) {
    assertThat(job.id()).isEqualTo(PENDING_JOB);
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2025-10-03T09:15:02.123456789Z"));
    assertThat(job.startedAt()).isNull();
    assertThat(job.completedAt()).isNull();
    assertThat(job.canceledAt()).isNull();
    assertThat(job.error()).isNull();
    assertThat(job.errorCode()).isNull();
    assertThat(job.status()).isSameAs(ProvisionerJobStatus.PENDING);
    assertThat(job.workerId()).isNull();
    assertThat(job.workerName()).isNull();
    assertInDataPlatform(job);
    assertThat(job.tags())
        .containsExactly(
            entry("owner", ""), entry("region", "eu-west"), entry("scope", "organization"));
    assertThat(job.queuePosition()).isEqualTo(2);
    assertThat(job.queueSize()).isEqualTo(3);
    assertThat(job.input()).isEqualTo(BUILD_INPUT);
    assertThat(job.type()).isSameAs(ProvisionerJobType.WORKSPACE_BUILD);
    assertThat(job.availableWorkers()).containsExactly(DAEMON_A, DAEMON_B);
    assertThat(job.metadata()).isEqualTo(buildMetadata(WorkspaceTransition.START));
    assertThat(job.logsOverflowed()).isFalse();
  }

  /** Checks every field of {@code jobs/running.json}. */
  static void assertRunning(ProvisionerJob job) {
    assertThat(job.id()).isEqualTo(RUNNING_JOB);
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2025-10-03T09:14:00Z"));
    assertThat(job.startedAt()).isEqualTo(Instant.parse("2025-10-03T09:14:01.5Z"));
    assertThat(job.completedAt()).isNull();
    assertThat(job.canceledAt()).isNull();
    assertThat(job.error()).isNull();
    assertThat(job.errorCode()).isNull();
    assertThat(job.status()).isSameAs(ProvisionerJobStatus.RUNNING);
    assertThat(job.workerId()).isEqualTo(DAEMON_A);
    assertThat(job.workerName()).isEqualTo("provisionerd-eu-0");
    assertInDataPlatform(job);
    assertThat(job.tags()).containsExactly(entry("owner", ""), entry("scope", "organization"));
    assertThat(job.queuePosition()).isZero();
    assertThat(job.queueSize()).isEqualTo(3);
    assertThat(job.input()).isEqualTo(IMPORT_INPUT);
    assertThat(job.type()).isSameAs(ProvisionerJobType.TEMPLATE_VERSION_IMPORT);
    assertThat(job.availableWorkers()).isEmpty();
    assertThat(job.metadata()).isEqualTo(TEMPLATE_METADATA);
    assertThat(job.logsOverflowed()).isFalse();
  }

  /** Checks every field of {@code jobs/succeeded.json}. */
  static void assertSucceeded(ProvisionerJob job) {
    assertThat(job.id()).isEqualTo(SUCCEEDED_JOB);
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2025-10-02T22:00:00.000001Z"));
    assertThat(job.startedAt()).isEqualTo(Instant.parse("2025-10-02T22:00:02Z"));
    // Sent with a +02:00 offset; the same instant.
    assertThat(job.completedAt()).isEqualTo(Instant.parse("2025-10-02T22:01:30.25Z"));
    assertThat(job.canceledAt()).isNull();
    assertThat(job.error()).isNull();
    assertThat(job.errorCode()).isNull();
    assertThat(job.status()).isSameAs(ProvisionerJobStatus.SUCCEEDED);
    assertThat(job.workerId()).isEqualTo(DAEMON_B);
    assertThat(job.workerName()).isEqualTo("provisionerd-eu-1");
    assertInDataPlatform(job);
    assertThat(job.tags())
        .containsExactly(entry("owner", OWNER.toString()), entry("scope", "user"));
    assertThat(job.queuePosition()).isZero();
    assertThat(job.queueSize()).isZero();
    assertThat(job.input()).isEqualTo(IMPORT_INPUT);
    assertThat(job.type()).isSameAs(ProvisionerJobType.TEMPLATE_VERSION_DRY_RUN);
    assertThat(job.availableWorkers()).isEmpty();
    assertThat(job.metadata()).isEqualTo(TEMPLATE_METADATA);
    assertThat(job.logsOverflowed()).isTrue();
  }

  /** Checks every field of {@code jobs/failed.json}. */
  static void assertFailed(ProvisionerJob job) {
    assertThat(job.id()).isEqualTo(FAILED_JOB);
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2025-10-03T08:00:00Z"));
    assertThat(job.startedAt()).isEqualTo(Instant.parse("2025-10-03T08:00:01Z"));
    assertThat(job.completedAt()).isEqualTo(Instant.parse("2025-10-03T08:00:09.75Z"));
    assertThat(job.canceledAt()).isNull();
    assertThat(job.error()).isEqualTo("required template variables need values: \"region\"");
    assertThat(job.errorCode()).isSameAs(JobErrorCode.REQUIRED_TEMPLATE_VARIABLES);
    assertThat(job.status()).isSameAs(ProvisionerJobStatus.FAILED);
    assertThat(job.workerId()).isEqualTo(DAEMON_A);
    assertThat(job.workerName()).isEqualTo("provisionerd-eu-0");
    assertInDataPlatform(job);
    assertThat(job.tags()).containsExactly(entry("owner", ""), entry("scope", "organization"));
    assertThat(job.queuePosition()).isZero();
    assertThat(job.queueSize()).isEqualTo(1);
    assertThat(job.input()).isEqualTo(IMPORT_INPUT);
    assertThat(job.type()).isSameAs(ProvisionerJobType.TEMPLATE_VERSION_IMPORT);
    assertThat(job.availableWorkers()).isEmpty();
    assertThat(job.metadata()).isEqualTo(TEMPLATE_METADATA);
    assertThat(job.logsOverflowed()).isFalse();
  }

  /** Checks every field of {@code jobs/canceling.json}. */
  static void assertCanceling(ProvisionerJob job) {
    assertThat(job.id()).isEqualTo(CANCELING_JOB);
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2025-10-03T09:00:00Z"));
    assertThat(job.startedAt()).isEqualTo(Instant.parse("2025-10-03T09:00:03Z"));
    assertThat(job.completedAt()).isNull();
    assertThat(job.canceledAt()).isEqualTo(Instant.parse("2025-10-03T09:02:00Z"));
    assertThat(job.error()).isNull();
    assertThat(job.errorCode()).isNull();
    assertThat(job.status()).isSameAs(ProvisionerJobStatus.CANCELING);
    assertThat(job.workerId()).isEqualTo(DAEMON_B);
    assertThat(job.workerName()).isEqualTo("provisionerd-eu-1");
    assertInDataPlatform(job);
    assertThat(job.tags()).containsExactly(entry("owner", ""), entry("scope", "organization"));
    assertThat(job.queuePosition()).isZero();
    assertThat(job.queueSize()).isEqualTo(1);
    assertThat(job.input()).isEqualTo(BUILD_INPUT);
    assertThat(job.type()).isSameAs(ProvisionerJobType.WORKSPACE_BUILD);
    assertThat(job.availableWorkers()).isEmpty();
    assertThat(job.metadata()).isEqualTo(buildMetadata(WorkspaceTransition.DELETE));
    assertThat(job.logsOverflowed()).isFalse();
  }

  /** Checks every field of {@code jobs/canceled.json}: canceled while still pending. */
  static void assertCanceled(ProvisionerJob job) {
    assertThat(job.id()).isEqualTo(CANCELED_JOB);
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2025-10-03T07:30:00Z"));
    assertThat(job.startedAt()).isNull();
    assertThat(job.completedAt()).isEqualTo(Instant.parse("2025-10-03T07:31:00Z"));
    assertThat(job.canceledAt()).isEqualTo(Instant.parse("2025-10-03T07:31:00Z"));
    assertThat(job.error()).isNull();
    assertThat(job.errorCode()).isNull();
    assertThat(job.status()).isSameAs(ProvisionerJobStatus.CANCELED);
    assertThat(job.workerId()).isNull();
    assertThat(job.workerName()).isNull();
    assertInDataPlatform(job);
    assertThat(job.tags()).containsExactly(entry("owner", ""), entry("scope", "organization"));
    assertThat(job.queuePosition()).isZero();
    assertThat(job.queueSize()).isEqualTo(1);
    assertThat(job.input()).isEqualTo(BUILD_INPUT);
    assertThat(job.type()).isSameAs(ProvisionerJobType.WORKSPACE_BUILD);
    assertThat(job.availableWorkers()).isEmpty();
    assertThat(job.metadata()).isEqualTo(buildMetadata(WorkspaceTransition.STOP));
    assertThat(job.logsOverflowed()).isFalse();
  }

  /** Checks the fields that every job of the data-platform fixtures shares. */
  private static void assertInDataPlatform(ProvisionerJob job) {
    assertThat(job.fileId()).isEqualTo(FILE);
    assertThat(job.organizationId()).isEqualTo(DATA_ORG);
    assertThat(job.initiatorId()).isEqualTo(OWNER);
  }

  private static ProvisionerJobMetadata buildMetadata(WorkspaceTransition transition) {
    return new ProvisionerJobMetadata(
        "brave_turing7",
        TEMPLATE,
        "kubernetes-dev",
        "Kubernetes (dev)",
        "/icon/k8s.png",
        WORKSPACE,
        "alice-dev",
        transition);
  }
}
