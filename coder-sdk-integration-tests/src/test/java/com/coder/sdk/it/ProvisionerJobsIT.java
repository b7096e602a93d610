package com.coder.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.NotFoundException;
import com.coder.sdk.ProvisionerJobFilter;
import com.coder.sdk.model.JobErrorCode;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerDaemon;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobInput;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.model.ProvisionerJobType;
import com.coder.sdk.model.WorkspaceTransition;
import com.coder.sdk.testkit.FakeCoderServer;
import com.coder.sdk.testkit.ProvisionerJobSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TargetExtension.class)
class ProvisionerJobsIT {
  private static final String NOT_FOUND =
      "Resource not found or you do not have access to this resource";

  // ---------------------------------------------------------------------------------------------
  // Lifecycle, driven through the fake and read through the SDK

  @Test
  void jobGoesFromPendingToRunningToSucceeded(Target target) {
    FakeCoderServer fake = target.fake("drives job states");
    Organization org = target.createOrganization("it-life");
    ProvisionerDaemon daemon = fake.provisionerDaemons().register(org.name(), "builder");
    UUID templateVersion = UUID.randomUUID();
    ProvisionerJob queued =
        fake.provisionerJobs()
            .enqueue(
                ProvisionerJobSpec.builder(ProvisionerJobType.TEMPLATE_VERSION_IMPORT)
                    .organization(org.id())
                    .templateVersionId(templateVersion)
                    .build());

    ProvisionerJob pending = target.client().provisionerJobs().get(org.id(), queued.id());
    assertThat(pending.status()).isEqualTo(ProvisionerJobStatus.PENDING);
    assertThat(pending.startedAt()).isNull();
    assertThat(pending.workerId()).isNull();
    assertThat(pending.workerName()).isNull();
    assertThat(pending.completedAt()).isNull();
    assertThat(pending.queuePosition()).isPositive();
    assertThat(pending.queueSize()).isGreaterThanOrEqualTo(pending.queuePosition());
    assertThat(pending.availableWorkers()).containsExactly(daemon.id());
    assertThat(pending.organizationId()).isEqualTo(org.id());
    assertThat(pending.initiatorId()).isEqualTo(fake.adminUserId());
    assertThat(pending.type()).isEqualTo(ProvisionerJobType.TEMPLATE_VERSION_IMPORT);
    assertThat(pending.input()).isEqualTo(new ProvisionerJobInput(templateVersion, null, null));
    assertThat(pending.tags()).isEqualTo(Map.of("scope", "organization", "owner", ""));
    assertThat(pending.metadata()).isNotNull();
    assertThat(pending).isEqualTo(queued);

    fake.provisionerJobs().acquire(daemon.id());
    ProvisionerJob running = target.client().provisionerJobs().get(org.name(), queued.id());
    assertThat(running.status()).isEqualTo(ProvisionerJobStatus.RUNNING);
    assertThat(running.startedAt()).isNotNull();
    assertThat(running.workerId()).isEqualTo(daemon.id());
    assertThat(running.workerName()).isEqualTo("builder");
    assertThat(running.queuePosition()).isZero();
    assertThat(running.availableWorkers()).isEmpty();
    assertThat(running.completedAt()).isNull();

    fake.provisionerJobs().complete(queued.id());
    ProvisionerJob succeeded = target.client().provisionerJobs().get(org.id(), queued.id());
    assertThat(succeeded.status()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
    assertThat(succeeded.status().isTerminal()).isTrue();
    assertThat(succeeded.completedAt()).isAfterOrEqualTo(succeeded.startedAt());
    assertThat(succeeded.error()).isNull();
    assertThat(succeeded.canceledAt()).isNull();
  }

  @Test
  void failedJobCarriesErrorAndCode(Target target) {
    FakeCoderServer fake = target.fake("drives job states");
    Organization org = target.createOrganization("it-fail");
    ProvisionerJob job = runningJob(fake, org);

    fake.provisionerJobs().fail(job.id(), "quota exceeded", JobErrorCode.INSUFFICIENT_QUOTA);

    ProvisionerJob failed = target.client().provisionerJobs().get(org.id(), job.id());
    assertThat(failed.status()).isEqualTo(ProvisionerJobStatus.FAILED);
    assertThat(failed.error()).isEqualTo("quota exceeded");
    assertThat(failed.errorCode()).isEqualTo(JobErrorCode.INSUFFICIENT_QUOTA);
    assertThat(failed.completedAt()).isNotNull();
    assertThat(failed.workerName()).isEqualTo("builder");
  }

  @Test
  void cancelingAPendingJobCancelsItAtOnce(Target target) {
    FakeCoderServer fake = target.fake("drives job states");
    Organization org = target.createOrganization("it-cancel");
    ProvisionerJob job = fake.provisionerJobs().enqueue(build(org).build());

    fake.provisionerJobs().cancel(job.id());

    ProvisionerJob canceled = target.client().provisionerJobs().get(org.id(), job.id());
    assertThat(canceled.status()).isEqualTo(ProvisionerJobStatus.CANCELED);
    assertThat(canceled.canceledAt()).isNotNull();
    assertThat(canceled.completedAt()).isEqualTo(canceled.canceledAt());
    assertThat(canceled.startedAt()).isNull();
    assertThat(canceled.queuePosition()).isZero();
    assertThatThrownBy(() -> fake.provisionerJobs().cancel(job.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Job has already completed!");
  }

  @Test
  void cancelingARunningJobWaitsForTheDaemon(Target target) {
    FakeCoderServer fake = target.fake("drives job states");
    Organization org = target.createOrganization("it-canceling");
    ProvisionerJob job = runningJob(fake, org);

    fake.provisionerJobs().cancel(job.id());
    ProvisionerJob canceling = target.client().provisionerJobs().get(org.id(), job.id());
    fake.provisionerJobs().complete(job.id());
    ProvisionerJob canceled = target.client().provisionerJobs().get(org.id(), job.id());

    assertThat(canceling.status()).isEqualTo(ProvisionerJobStatus.CANCELING);
    assertThat(canceling.canceledAt()).isNotNull();
    assertThat(canceling.completedAt()).isNull();
    assertThat(canceling.workerId()).isNotNull();
    assertThat(canceled.status()).isEqualTo(ProvisionerJobStatus.CANCELED);
    assertThat(canceled.completedAt()).isNotNull();
    assertThatThrownBy(() -> fake.provisionerJobs().cancel(job.id()))
        .hasMessage("Job has already completed!");
  }

  @Test
  void jobFailingWhileCancelingIsFailed(Target target) {
    FakeCoderServer fake = target.fake("drives job states");
    Organization org = target.createOrganization("it-cancel-fail");
    ProvisionerJob job = runningJob(fake, org);
    fake.provisionerJobs().cancel(job.id());

    assertThatThrownBy(() -> fake.provisionerJobs().cancel(job.id()))
        .hasMessage("Job has already been marked as canceled!");
    fake.provisionerJobs().fail(job.id(), "terraform was interrupted");

    ProvisionerJob failed = target.client().provisionerJobs().get(org.id(), job.id());
    assertThat(failed.status()).isEqualTo(ProvisionerJobStatus.FAILED);
    assertThat(failed.canceledAt()).isNotNull();
    assertThat(failed.errorCode()).isNull();
  }

  @Test
  void wireShapeOmitsWhatCoderOmits(Target target) {
    FakeCoderServer fake = target.fake("drives job states");
    Organization org = target.createOrganization("it-shape");
    ProvisionerDaemon builder = fake.provisionerDaemons().register(org.name(), "builder");
    ProvisionerJob job =
        fake.provisionerJobs()
            .enqueue(
                build(org)
                    .workspace(UUID.randomUUID(), "dev")
                    .transition(WorkspaceTransition.STOP)
                    .build());

    JsonNode pending = rawJob(target, org, job);
    fake.provisionerJobs().acquire(builder.id());
    JsonNode running = rawJob(target, org, job);

    assertThat(fieldNames(pending))
        .containsExactly(
            "id",
            "created_at",
            "status",
            "file_id",
            "tags",
            "queue_position",
            "queue_size",
            "organization_id",
            "initiator_id",
            "input",
            "type",
            "available_workers",
            "metadata",
            "logs_overflowed");
    assertThat(fieldNames(running))
        .containsExactly(
            "id",
            "created_at",
            "started_at",
            "status",
            "worker_id",
            "worker_name",
            "file_id",
            "tags",
            "queue_position",
            "queue_size",
            "organization_id",
            "initiator_id",
            "input",
            "type",
            "metadata",
            "logs_overflowed");
    assertThat(fieldNames(running.path("metadata")))
        .containsExactly(
            "template_version_name",
            "template_id",
            "template_name",
            "template_display_name",
            "template_icon",
            "workspace_id",
            "workspace_name",
            "workspace_build_transition");
    assertThat(running.path("metadata").path("workspace_build_transition").asText())
        .isEqualTo("stop");
    assertThat(running.path("input").has("workspace_build_id")).isTrue();
    assertThat(running.path("input").has("template_version_id")).isFalse();
  }

  // ---------------------------------------------------------------------------------------------
  // Queue and workers

  @Test
  void queueCountsEveryPendingJobOfTheDeploymentWithPrebuildsLast(Target target) {
    FakeCoderServer fake = target.fake("controls the whole queue");
    Organization first = target.createOrganization("it-queue-a");
    Organization second = target.createOrganization("it-queue-b");
    fake.provisionerDaemons().register(first.name(), "queue-builder");
    for (ProvisionerJob job : fake.provisionerJobs().list()) {
      if (job.status().equals(ProvisionerJobStatus.PENDING)) {
        fake.provisionerJobs().cancel(job.id());
      }
    }

    ProvisionerJob prebuild =
        fake.provisionerJobs()
            .enqueue(build(first).initiator(FakeCoderServer.PREBUILDS_USER_ID).build());
    ProvisionerJob older = fake.provisionerJobs().enqueue(build(first).build());
    ProvisionerJob other = fake.provisionerJobs().enqueue(build(second).build());
    ProvisionerJob started = fake.provisionerJobs().enqueue(build(first).build());
    ProvisionerJob newer = fake.provisionerJobs().enqueue(build(first).build());
    // The daemon takes the oldest non-prebuild job first: "older".
    assertThat(fake.provisionerJobs().acquire("queue-builder"))
        .map(ProvisionerJob::id)
        .contains(older.id());

    List<ProvisionerJob> firstJobs = target.client().provisionerJobs().list(first.id());
    assertThat(firstJobs)
        .extracting(ProvisionerJob::id)
        .containsExactly(newer.id(), started.id(), older.id(), prebuild.id());
    assertThat(target.client().provisionerJobs().get(second.id(), other.id()).queuePosition())
        .isEqualTo(1);
    assertThat(target.client().provisionerJobs().get(first.id(), started.id()).queuePosition())
        .isEqualTo(2);
    assertThat(target.client().provisionerJobs().get(first.id(), newer.id()).queuePosition())
        .isEqualTo(3);
    assertThat(target.client().provisionerJobs().get(first.id(), prebuild.id()).queuePosition())
        .isEqualTo(4);
    assertThat(firstJobs).allSatisfy(job -> assertThat(job.queueSize()).isEqualTo(4));
    assertThat(target.client().provisionerJobs().get(first.id(), older.id()).queuePosition())
        .isZero();
  }

  @Test
  void availableWorkersFollowCodersTagRules(Target target) {
    FakeCoderServer fake = target.fake("registers daemons");
    Organization org = target.createOrganization("it-tags");
    ProvisionerDaemon plain = fake.provisionerDaemons().register(org.name(), "plain-tags");
    ProvisionerDaemon gpu =
        fake.provisionerDaemons().register(org.name(), "gpu", Map.of("gpu", "a100"));
    ProvisionerDaemon gpuEcho =
        fake.provisionerDaemons().register(org.name(), "gpu-echo", Map.of("gpu", "a100"), "echo");
    ProvisionerDaemon both =
        fake.provisionerDaemons()
            .register(
                org.name(), "both", Map.of("gpu", "a100", "region", "eu"), "echo", "terraform");

    ProvisionerJob untagged = fake.provisionerJobs().enqueue(build(org).build());
    ProvisionerJob gpuJob = fake.provisionerJobs().enqueue(build(org).tag("gpu", "a100").build());
    ProvisionerJob echoJob =
        fake.provisionerJobs().enqueue(build(org).tag("gpu", "a100").provisioner("echo").build());
    ProvisionerJob nobody = fake.provisionerJobs().enqueue(build(org).tag("os", "mac").build());

    assertThat(target.client().provisionerJobs().get(org.id(), untagged.id()).availableWorkers())
        .containsExactly(plain.id());
    assertThat(target.client().provisionerJobs().get(org.id(), gpuJob.id()).availableWorkers())
        .containsExactly(gpu.id(), both.id());
    assertThat(target.client().provisionerJobs().get(org.id(), echoJob.id()).availableWorkers())
        .containsExactly(gpuEcho.id(), both.id());
    assertThat(target.client().provisionerJobs().get(org.id(), nobody.id()).availableWorkers())
        .isEmpty();
    assertThat(rawJob(target, org, nobody).has("available_workers")).isFalse();
    assertThat(fake.provisionerJobs().acquire("plain-tags"))
        .map(ProvisionerJob::id)
        .contains(untagged.id());
    assertThat(fake.provisionerJobs().acquire("plain-tags")).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Filters

  @Test
  void listFiltersByStatusTagsIdsAndInitiator(Target target) {
    FakeCoderServer fake = target.fake("seeds jobs to filter");
    Organization org = target.createOrganization("it-filter");
    ProvisionerDaemon builder = fake.provisionerDaemons().register(org.name(), "builder");
    UUID someone = UUID.randomUUID();
    ProvisionerJob running = fake.provisionerJobs().enqueue(build(org).build());
    fake.provisionerJobs().acquire(builder.id());
    ProvisionerJob pending =
        fake.provisionerJobs().enqueue(build(org).tag("team", "ml").initiator(someone).build());
    ProvisionerJob failed = fake.provisionerJobs().enqueue(build(org).tag("team", "ml").build());
    fake.provisionerJobs().fail(failed.id(), "boom");

    assertThat(
            ids(
                target,
                org,
                ProvisionerJobFilter.builder()
                    .status(ProvisionerJobStatus.PENDING, ProvisionerJobStatus.RUNNING)
                    .build()))
        .containsExactly(pending.id(), running.id());
    assertThat(ids(target, org, ProvisionerJobFilter.builder().tag("team", "ml").build()))
        .containsExactly(failed.id(), pending.id());
    assertThat(
            ids(
                target,
                org,
                ProvisionerJobFilter.builder()
                    .tags(Map.of("scope", "organization", "owner", ""))
                    .build()))
        .containsExactly(running.id());
    assertThat(
            ids(
                target,
                org,
                ProvisionerJobFilter.builder()
                    .ids(running.id(), failed.id(), UUID.randomUUID())
                    .build()))
        .containsExactly(failed.id(), running.id());
    assertThat(ids(target, org, ProvisionerJobFilter.builder().initiator(someone).build()))
        .containsExactly(pending.id());
    assertThat(
            ids(
                target,
                org,
                ProvisionerJobFilter.builder()
                    .initiator(someone)
                    .status(ProvisionerJobStatus.FAILED)
                    .build()))
        .isEmpty();
  }

  @Test
  void statusAcceptsCommasAndRepeatedKeys(Target target) {
    Organization org = anyOrganization(target);
    List<ProvisionerJob> viaSdk =
        target
            .client()
            .provisionerJobs()
            .list(
                org.id(),
                ProvisionerJobFilter.builder()
                    .status(ProvisionerJobStatus.SUCCEEDED, ProvisionerJobStatus.FAILED)
                    .noLimit()
                    .build());

    Http.Answer repeated =
        target.send("GET", jobsPath(org) + "?status=succeeded&status=failed&limit=0", null);

    assertThat(repeated.status()).isEqualTo(200);
    List<String> repeatedIds = new ArrayList<>();
    repeated.json().forEach(job -> repeatedIds.add(job.path("id").asText()));
    assertThat(repeatedIds)
        .containsExactlyElementsOf(viaSdk.stream().map(job -> job.id().toString()).toList());
    assertThat(viaSdk)
        .allSatisfy(
            job ->
                assertThat(job.status())
                    .isIn(ProvisionerJobStatus.SUCCEEDED, ProvisionerJobStatus.FAILED));
  }

  @Test
  void listIsNewestFirstAndLimitedTo50ByDefault(Target target) {
    FakeCoderServer fake = target.fake("seeds more than 50 jobs");
    Organization org = target.createOrganization("it-limit");
    List<UUID> created = new ArrayList<>();
    for (int i = 0; i < 53; i++) {
      created.add(fake.provisionerJobs().enqueue(build(org).build()).id());
    }

    List<ProvisionerJob> defaultPage = target.client().provisionerJobs().list(org.id());
    List<ProvisionerJob> all =
        target
            .client()
            .provisionerJobs()
            .list(org.id(), ProvisionerJobFilter.builder().noLimit().build());
    List<ProvisionerJob> three =
        target
            .client()
            .provisionerJobs()
            .list(org.id(), ProvisionerJobFilter.builder().limit(3).build());

    assertThat(defaultPage).hasSize(50);
    assertThat(all).hasSize(53);
    List<UUID> newestFirst = new ArrayList<>(created);
    java.util.Collections.reverse(newestFirst);
    assertThat(all).extracting(ProvisionerJob::id).containsExactlyElementsOf(newestFirst);
    assertThat(three)
        .extracting(ProvisionerJob::id)
        .containsExactly(created.get(52), created.get(51), created.get(50));
  }

  @Test
  void listHonoursItsFiltersOnAnyDeployment(Target target) {
    Organization org = anyOrganization(target);
    List<ProvisionerJob> jobs =
        target
            .client()
            .provisionerJobs()
            .list(
                org.id(),
                ProvisionerJobFilter.builder()
                    .status(ProvisionerJobStatus.PENDING, ProvisionerJobStatus.SUCCEEDED)
                    .limit(20)
                    .build());

    assertThat(jobs).hasSizeLessThanOrEqualTo(20);
    assertThat(jobs)
        .isSortedAccordingTo(Comparator.comparing(ProvisionerJob::createdAt).reversed());
    for (ProvisionerJob job : jobs) {
      assertThat(job.organizationId()).isEqualTo(org.id());
      if (job.status().equals(ProvisionerJobStatus.PENDING)) {
        assertThat(job.startedAt()).isNull();
        assertThat(job.workerId()).isNull();
        assertThat(job.queuePosition()).isPositive();
      } else {
        assertThat(job.status()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
        assertThat(job.completedAt()).isNotNull();
        assertThat(job.queuePosition()).isZero();
      }
      assertThat(target.client().provisionerJobs().get(org.id(), job.id()).id())
          .isEqualTo(job.id());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Errors

  @Test
  void unknownQueryParameterIsRefused(Target target) {
    Http.Answer answer = target.send("GET", jobsPath(anyOrganization(target)) + "?page=2", null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("Invalid query parameters.");
    assertThat(answer.validations()).containsExactly("page: \"page\" is not a valid query param");
  }

  @Test
  void repeatedSingleValueParameterIsRefused(Target target) {
    Http.Answer answer =
        target.send("GET", jobsPath(anyOrganization(target)) + "?limit=1&limit=2", null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("Invalid query parameters.");
    assertThat(answer.validations())
        .containsExactly(
            "limit: Query param \"limit\" provided more than once, found 2 times. Only provide 1 "
                + "instance of this query param.");
  }

  @Test
  void badValuesAreRefusedTogether(Target target) {
    Http.Answer answer =
        target.send(
            "GET",
            jobsPath(anyOrganization(target))
                + "?limit=-1&ids=abc&tags="
                + URLEncoder.encode("[1]", StandardCharsets.UTF_8)
                + "&initiator=me",
            null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("Invalid query parameters.");
    assertThat(answer.validations())
        .containsExactly(
            "limit: Query param \"limit\" must be a valid 32-bit positive integer: value is "
                + "negative",
            "ids: Query param \"ids\" has invalid values: invalid UUID length: 3",
            "tags: Query param \"tags\" must be a valid JSON object: json: cannot unmarshal "
                + "array into Go value of type map[string]string",
            "initiator: Query param \"initiator\" must be a valid uuid");
  }

  @Test
  void emptyValueMeansTheDefault(Target target) {
    Http.Answer answer =
        target.send("GET", jobsPath(anyOrganization(target)) + "?limit=&status=", null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().isArray()).isTrue();
  }

  @Test
  void jobPathMustBeAUuid(Target target) {
    Http.Answer answer = target.send("GET", jobsPath(anyOrganization(target)) + "/42", null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("Invalid UUID \"42\".");
    assertThat(answer.detail()).isEqualTo("invalid UUID length: 2");
  }

  @Test
  void unknownJobAndOtherOrganizationsJobAreNotFound(Target target) {
    FakeCoderServer fake = target.fake("seeds a job in another organization");
    Organization org = target.createOrganization("it-own");
    Organization other = target.createOrganization("it-other");
    ProvisionerJob job = fake.provisionerJobs().enqueue(build(other).build());

    for (UUID id : List.of(job.id(), UUID.randomUUID())) {
      assertThatThrownBy(() -> target.client().provisionerJobs().get(org.id(), id))
          .isInstanceOfSatisfying(
              NotFoundException.class, e -> assertThat(e.serverMessage()).isEqualTo(NOT_FOUND));
    }
    assertThat(target.client().provisionerJobs().get(other.name(), job.id()).id())
        .isEqualTo(job.id());
  }

  @Test
  void newerParameterOnTheJobIsAlsoAFilter(Target target) {
    FakeCoderServer fake = target.fake("seeds a job");
    Organization org = target.createOrganization("it-single");
    ProvisionerJob job = fake.provisionerJobs().enqueue(build(org).build());

    Http.Answer mismatch =
        target.send("GET", jobsPath(org) + "/" + job.id() + "?status=running", null);
    Http.Answer match =
        target.send("GET", jobsPath(org) + "/" + job.id() + "?status=pending", null);

    assertThat(mismatch.status()).isEqualTo(404);
    assertThat(match.status()).isEqualTo(200);
    assertThat(match.json().path("id").asText()).isEqualTo(job.id().toString());
  }

  @Test
  void unknownStatusFailsInTheDatabase(Target target) {
    target.fake("the live server's answer to an invalid enum is unconfirmed");
    Http.Answer answer =
        target.send("GET", jobsPath(anyOrganization(target)) + "?status=bogus", null);

    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.message()).isEqualTo("Internal error fetching provisioner jobs.");
    assertThat(answer.detail()).contains("\"bogus\"");
  }

  // ---------------------------------------------------------------------------------------------

  /** Registers a daemon named {@code builder} in {@code org} and has it take a new build job. */
  private static ProvisionerJob runningJob(FakeCoderServer fake, Organization org) {
    ProvisionerDaemon builder = fake.provisionerDaemons().register(org.name(), "builder");
    ProvisionerJob job = fake.provisionerJobs().enqueue(build(org).build());
    assertThat(fake.provisionerJobs().acquire(builder.id()))
        .map(ProvisionerJob::id)
        .contains(job.id());
    return job;
  }

  private static ProvisionerJobSpec.Builder build(Organization org) {
    return ProvisionerJobSpec.builder(ProvisionerJobType.WORKSPACE_BUILD).organization(org.id());
  }

  /** An organization to list jobs of: a fresh one on the fake, the default one live. */
  private static Organization anyOrganization(Target target) {
    return target.client().organizations().get("default");
  }

  private static String jobsPath(Organization org) {
    return "/api/v2/organizations/" + org.id() + "/provisionerjobs";
  }

  private static JsonNode rawJob(Target target, Organization org, ProvisionerJob job) {
    Http.Answer answer = target.send("GET", jobsPath(org) + "/" + job.id(), null);
    assertThat(answer.status()).isEqualTo(200);
    return answer.json();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<UUID> ids(Target target, Organization org, ProvisionerJobFilter filter) {
    return target.client().provisionerJobs().list(org.id(), filter).stream()
        .map(ProvisionerJob::id)
        .toList();
  }
}
