package com.coder.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.coder.sdk.BadRequestException;
import com.coder.sdk.CoderApiException;
import com.coder.sdk.LogStream;
import com.coder.sdk.NotFoundException;
import com.coder.sdk.ProvisionerJobFilter;
import com.coder.sdk.model.LogLevel;
import com.coder.sdk.model.LogSource;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerDaemon;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobLog;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.model.ProvisionerJobType;
import com.coder.sdk.testkit.FakeCoderServer;
import com.coder.sdk.testkit.ProvisionerJobSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Job logs (stored and followed) and cancellation, through the routes of each job's owner. */
@ExtendWith(TargetExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JobLogsIT {

  // ---------------------------------------------------------------------------------------------
  // Stored logs

  @Test
  void logsAreEmptyThenAscendingAndAfterSkipsEarlierLines(Target target) {
    FakeCoderServer fake = target.fake("writes job logs");
    Organization org = target.createOrganization("it-logs");
    ProvisionerJob job = running(fake, org, ProvisionerJobType.WORKSPACE_BUILD);

    Http.Answer empty = target.send("GET", logsPath(job), null);
    ProvisionerJobLog first =
        fake.provisionerJobs().log(job.id(), "Setting up", LogLevel.DEBUG, "");
    ProvisionerJobLog second =
        fake.provisionerJobs()
            .log(
                job.id(),
                LogSource.PROVISIONER_DAEMON,
                "Planning infrastructure",
                LogLevel.INFO,
                "Plan: 1 to add <& >");
    ProvisionerJobLog third =
        fake.provisionerJobs().log(job.id(), "Applying", LogLevel.ERROR, "boom");

    List<ProvisionerJobLog> all = target.client().provisionerJobs().logs(job);
    List<ProvisionerJobLog> afterFirst = target.client().provisionerJobs().logs(job, first.id());

    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).isEqualTo("[]\n");
    assertThat(all).containsExactly(first, second, third);
    assertThat(all).extracting(ProvisionerJobLog::id).isSorted().doesNotHaveDuplicates();
    assertThat(second.source()).isEqualTo(LogSource.PROVISIONER_DAEMON);
    assertThat(second.level()).isEqualTo(LogLevel.INFO);
    assertThat(second.stage()).isEqualTo("Planning infrastructure");
    assertThat(second.output()).isEqualTo("Plan: 1 to add <& >");
    assertThat(first.output()).isEmpty();
    assertThat(first.createdAt()).isNotNull();
    assertThat(afterFirst).containsExactly(second, third);
    assertThat(fake.lastRequest().path()).isEqualTo(logsPath(job));
    assertThat(fake.lastRequest().queryParameter("after")).isEqualTo(String.valueOf(first.id()));
    assertThat(fake.provisionerJobs().logs(job.id())).isEqualTo(all);
  }

  @Test
  void lineIdsGrowAcrossTheWholeDeployment(Target target) {
    FakeCoderServer fake = target.fake("writes job logs");
    Organization org = target.createOrganization("it-logids");
    ProvisionerJob a = running(fake, org, ProvisionerJobType.WORKSPACE_BUILD);
    ProvisionerJob b = running(fake, org, ProvisionerJobType.TEMPLATE_VERSION_IMPORT);

    long a1 = fake.provisionerJobs().log(a.id(), "s", LogLevel.INFO, "a1").id();
    long b1 = fake.provisionerJobs().log(b.id(), "s", LogLevel.INFO, "b1").id();
    long a2 = fake.provisionerJobs().log(a.id(), "s", LogLevel.INFO, "a2").id();

    assertThat(b1).isEqualTo(a1 + 1);
    assertThat(a2).isEqualTo(b1 + 1);
    assertThat(target.client().provisionerJobs().logs(a))
        .extracting(ProvisionerJobLog::output)
        .containsExactly("a1", "a2");
    assertThat(target.client().provisionerJobs().logs(b))
        .extracting(ProvisionerJobLog::output)
        .containsExactly("b1");
  }

  @Test
  void everyJobTypeIsReachedThroughItsOwner(Target target) {
    FakeCoderServer fake = target.fake("writes job logs");
    Organization org = target.createOrganization("it-owners");
    UUID version = UUID.randomUUID();
    ProvisionerJob imported =
        running(
            fake,
            org,
            ProvisionerJobSpec.builder(ProvisionerJobType.TEMPLATE_VERSION_IMPORT)
                .templateVersionId(version));
    ProvisionerJob dryRun =
        running(
            fake,
            org,
            ProvisionerJobSpec.builder(ProvisionerJobType.TEMPLATE_VERSION_DRY_RUN)
                .templateVersionId(version));
    ProvisionerJob build = running(fake, org, ProvisionerJobType.WORKSPACE_BUILD);

    for (ProvisionerJob job : List.of(imported, dryRun, build)) {
      fake.provisionerJobs().log(job.id(), "stage", LogLevel.INFO, job.type().value());
      fake.clearRequests();

      assertThat(target.client().provisionerJobs().logs(job))
          .extracting(ProvisionerJobLog::output)
          .containsExactly(job.type().value());
      assertThat(fake.lastRequest().path()).isEqualTo(logsPath(job));
    }
    assertThat(logsPath(imported)).isEqualTo("/api/v2/templateversions/" + version + "/logs");
    assertThat(logsPath(dryRun))
        .isEqualTo("/api/v2/templateversions/" + version + "/dry-run/" + dryRun.id() + "/logs");
    assertThat(logsPath(build))
        .isEqualTo("/api/v2/workspacebuilds/" + build.input().workspaceBuildId() + "/logs");
  }

  @Test
  void badAfterValueIsRefusedWithAValidation(Target target) {
    FakeCoderServer fake = target.fake("owns a job");
    ProvisionerJob job =
        running(fake, target.createOrganization("it-after"), ProvisionerJobType.WORKSPACE_BUILD);

    Http.Answer answer = target.send("GET", logsPath(job) + "?after=yesterday", null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("Query param \"after\" must be an integer.");
    assertThat(answer.validations()).containsExactly("after: Must be an integer");
  }

  @Test
  void unknownOwnersAndBadIdsAnswerAsCoderDoes(Target target) {
    FakeCoderServer fake = target.fake("owns jobs");
    Organization org = target.createOrganization("it-owner-errors");
    ProvisionerJob imported = running(fake, org, ProvisionerJobType.TEMPLATE_VERSION_IMPORT);
    String version = "/api/v2/templateversions/" + imported.input().templateVersionId();

    Http.Answer badBuild = target.send("GET", "/api/v2/workspacebuilds/42/logs", null);
    Http.Answer unknownBuild =
        target.send("GET", "/api/v2/workspacebuilds/" + UUID.randomUUID() + "/logs", null);
    Http.Answer unknownVersion =
        target.send("PATCH", "/api/v2/templateversions/" + UUID.randomUUID() + "/cancel", "");
    Http.Answer badDryRun = target.send("GET", version + "/dry-run/nope/logs", null);
    UUID missing = UUID.randomUUID();
    Http.Answer unknownDryRun = target.send("GET", version + "/dry-run/" + missing + "/logs", null);
    Http.Answer notADryRun =
        target.send("GET", version + "/dry-run/" + imported.id() + "/logs", null);

    assertThat(badBuild.status()).isEqualTo(400);
    assertThat(badBuild.message()).isEqualTo("Invalid UUID \"42\".");
    assertThat(badBuild.detail()).isEqualTo("invalid UUID length: 2");
    assertThat(unknownBuild.status()).isEqualTo(404);
    assertThat(unknownVersion.status()).isEqualTo(404);
    assertThat(badDryRun.status()).isEqualTo(400);
    assertThat(badDryRun.message()).isEqualTo("Job ID \"nope\" must be a valid UUID.");
    assertThat(unknownDryRun.status()).isEqualTo(404);
    assertThat(unknownDryRun.message()).isEqualTo("Provisioner job \"" + missing + "\" not found.");
    assertThat(notADryRun.status()).isEqualTo(403);
    assertThat(notADryRun.message()).isEqualTo("Forbidden.");
  }

  @Test
  void storedLogsOfARealJobAreAscending(Target target) {
    List<ProvisionerJob> finished =
        target
            .client()
            .provisionerJobs()
            .list(
                "default",
                ProvisionerJobFilter.builder()
                    .status(ProvisionerJobStatus.SUCCEEDED, ProvisionerJobStatus.FAILED)
                    .limit(5)
                    .build());
    assumeFalse(finished.isEmpty(), "the default organization has no finished job to read logs of");

    for (ProvisionerJob job : finished) {
      List<ProvisionerJobLog> logs = target.client().provisionerJobs().logs(job);
      assertThat(logs).extracting(ProvisionerJobLog::id).isSorted().doesNotHaveDuplicates();
      if (!logs.isEmpty()) {
        long middle = logs.get(logs.size() / 2).id();
        assertThat(target.client().provisionerJobs().logs(job, middle))
            .allSatisfy(line -> assertThat(line.id()).isGreaterThan(middle));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Following logs

  @Test
  void followingStreamsStoredThenLiveLinesAndEndsWhenTheJobCompletes(Target target)
      throws Exception {
    FakeCoderServer fake = target.fake("writes logs while a client follows");
    Organization org = target.createOrganization("it-follow");
    ProvisionerJob job = running(fake, org, ProvisionerJobType.WORKSPACE_BUILD);
    ProvisionerJobLog stored1 = fake.provisionerJobs().log(job.id(), "Init", LogLevel.INFO, "one");
    ProvisionerJobLog stored2 = fake.provisionerJobs().log(job.id(), "Init", LogLevel.INFO, "two");

    List<ProvisionerJobLog> received = new ArrayList<>();
    CompletableFuture<Void> writer;
    try (LogStream stream = target.client().provisionerJobs().followLogs(job)) {
      Iterator<ProvisionerJobLog> lines = stream.iterator();
      received.add(lines.next());
      received.add(lines.next());

      // The stored lines arrived, so the server follows the job; write the rest meanwhile.
      writer =
          CompletableFuture.runAsync(
              () -> {
                fake.provisionerJobs().log(job.id(), "Apply", LogLevel.INFO, "three");
                fake.provisionerJobs().log(job.id(), "Apply", LogLevel.WARN, "four");
                fake.provisionerJobs().complete(job.id());
              });
      lines.forEachRemaining(received::add);
      assertThat(stream.lastId()).isEqualTo(received.get(received.size() - 1).id());
    }
    writer.get(10, TimeUnit.SECONDS);

    assertThat(received)
        .extracting(ProvisionerJobLog::output)
        .containsExactly("one", "two", "three", "four");
    assertThat(received.subList(0, 2)).containsExactly(stored1, stored2);
    assertThat(received).extracting(ProvisionerJobLog::id).isSorted();
    assertThat(received).isEqualTo(fake.provisionerJobs().logs(job.id()));
    assertThat(fake.requests())
        .anySatisfy(
            call -> {
              assertThat(call.path()).isEqualTo(logsPath(job));
              assertThat(call.queryParameter("follow")).isEmpty();
              assertThat(call.header("Upgrade")).isEqualToIgnoringCase("websocket");
              assertThat(call.sessionToken()).contains(target.token());
            });
  }

  @Test
  void followingFromALineSkipsTheEarlierOnes(Target target) {
    FakeCoderServer fake = target.fake("writes job logs");
    ProvisionerJob job =
        running(
            fake,
            target.createOrganization("it-follow-after"),
            ProvisionerJobType.TEMPLATE_VERSION_IMPORT);
    ProvisionerJobLog first = fake.provisionerJobs().log(job.id(), "s", LogLevel.INFO, "first");
    fake.provisionerJobs().log(job.id(), "s", LogLevel.INFO, "second");
    fake.provisionerJobs().complete(job.id());

    List<String> outputs = new ArrayList<>();
    try (LogStream stream = target.client().provisionerJobs().followLogs(job, first.id())) {
      stream.forEach(line -> outputs.add(line.output()));
    }

    assertThat(outputs).containsExactly("second");
    assertThat(fake.lastRequest().queryParameter("after")).isEqualTo(String.valueOf(first.id()));
  }

  @Test
  void followingACanceledPendingJobEndsAtOnce(Target target) {
    FakeCoderServer fake = target.fake("cancels a job");
    Organization org = target.createOrganization("it-follow-done");
    ProvisionerJob job =
        fake.provisionerJobs().enqueue(spec(org, ProvisionerJobType.WORKSPACE_BUILD).build());
    fake.provisionerJobs().cancel(job.id());

    try (LogStream stream = target.client().provisionerJobs().followLogs(job)) {
      assertThat(stream.iterator().hasNext()).isFalse();
    }
  }

  @Test
  void followingAnUnknownBuildFailsWithNotFound(Target target) {
    FakeCoderServer fake = target.fake("makes up a job");
    ProvisionerJob job =
        running(
            fake, target.createOrganization("it-follow-404"), ProvisionerJobType.WORKSPACE_BUILD);
    fake.provisionerJobs().delete(job.id());

    try (LogStream stream = target.client().provisionerJobs().followLogs(job)) {
      assertThatThrownBy(() -> stream.iterator().hasNext()).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void aPlainRequestWithFollowIsNotAWebSocket(Target target) {
    FakeCoderServer fake = target.fake("owns a job");
    ProvisionerJob job =
        running(fake, target.createOrganization("it-plain"), ProvisionerJobType.WORKSPACE_BUILD);

    Http.Answer answer = target.send("GET", logsPath(job) + "?follow", null);

    // The WebSocket library answers first (426, plain text); Coder's JSON follows in the body.
    assertThat(answer.status()).isEqualTo(426);
    assertThat(answer.headers().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(answer.headers().get("Upgrade")).isEqualTo("websocket");
    assertThat(answer.body())
        .startsWith(
            "WebSocket protocol violation: Connection header \"Keep-Alive\" does not "
                + "contain Upgrade\n")
        .contains(
            "{\"message\":\"Failed to accept websocket.\",\"detail\":\"failed to accept "
                + "WebSocket connection: WebSocket protocol violation: Connection header "
                + "\\\"Keep-Alive\\\" does not contain Upgrade\"}\n");
  }

  // ---------------------------------------------------------------------------------------------
  // Cancellation

  @Test
  void cancelingMovesPendingToCanceledAndRunningToCanceling(Target target) {
    FakeCoderServer fake = target.fake("owns jobs");
    Organization org = target.createOrganization("it-cancel-api");
    ProvisionerJob pending =
        fake.provisionerJobs().enqueue(spec(org, ProvisionerJobType.WORKSPACE_BUILD).build());
    ProvisionerJob running = running(fake, org, ProvisionerJobType.TEMPLATE_VERSION_IMPORT);

    String pendingMessage = target.client().provisionerJobs().cancel(pending).message();
    String runningMessage = target.client().provisionerJobs().cancel(running).message();

    assertThat(pendingMessage).isEqualTo("Job has been marked as canceled...");
    assertThat(runningMessage).isEqualTo("Job has been marked as canceled...");
    ProvisionerJob canceled = target.client().provisionerJobs().get(org.id(), pending.id());
    assertThat(canceled.status()).isEqualTo(ProvisionerJobStatus.CANCELED);
    assertThat(canceled.completedAt()).isEqualTo(canceled.canceledAt());
    ProvisionerJob canceling = target.client().provisionerJobs().get(org.id(), running.id());
    assertThat(canceling.status()).isEqualTo(ProvisionerJobStatus.CANCELING);
    assertThat(canceling.completedAt()).isNull();
  }

  @Test
  void cancelingTwiceOrAfterCompletionIsRefused(Target target) {
    FakeCoderServer fake = target.fake("owns jobs");
    Organization org = target.createOrganization("it-cancel-twice");
    ProvisionerJob canceling = running(fake, org, ProvisionerJobType.WORKSPACE_BUILD);
    target.client().provisionerJobs().cancel(canceling);
    ProvisionerJob done = running(fake, org, ProvisionerJobType.TEMPLATE_VERSION_IMPORT);
    fake.provisionerJobs().complete(done.id());

    assertThatThrownBy(() -> target.client().provisionerJobs().cancel(canceling))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e ->
                assertThat(e.serverMessage())
                    .isEqualTo("Job has already been marked as canceled!"));
    assertThatThrownBy(() -> target.client().provisionerJobs().cancel(done))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.serverMessage()).isEqualTo("Job has already completed!"));
  }

  @Test
  void dryRunCancellationSpeaksInFullStops(Target target) {
    FakeCoderServer fake = target.fake("owns jobs");
    Organization org = target.createOrganization("it-cancel-dry");
    ProvisionerJob dryRun = running(fake, org, ProvisionerJobType.TEMPLATE_VERSION_DRY_RUN);

    String message = target.client().provisionerJobs().cancel(dryRun).message();

    assertThat(message).isEqualTo("Job has been marked as canceled.");
    assertThatThrownBy(() -> target.client().provisionerJobs().cancel(dryRun))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e ->
                assertThat(e.serverMessage())
                    .isEqualTo("Job has already been marked as canceled."));
    fake.provisionerJobs().complete(dryRun.id());
    assertThatThrownBy(() -> target.client().provisionerJobs().cancel(dryRun))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.serverMessage()).isEqualTo("Job has already completed."));
  }

  @Test
  void buildCancellationHonoursTheExpectedStatus(Target target) {
    FakeCoderServer fake = target.fake("owns jobs");
    Organization org = target.createOrganization("it-expect");
    ProvisionerJob pending =
        fake.provisionerJobs().enqueue(spec(org, ProvisionerJobType.WORKSPACE_BUILD).build());
    String cancel = "/api/v2/workspacebuilds/" + pending.input().workspaceBuildId() + "/cancel";

    Http.Answer wrong = target.send("PATCH", cancel + "?expect_status=running", "");
    Http.Answer invalid = target.send("PATCH", cancel + "?expect_status=done", "");
    ProvisionerJob untouched = fake.provisionerJobs().get(pending.id());
    Http.Answer right = target.send("PATCH", cancel + "?expect_status=pending", "");

    assertThat(wrong.status()).isEqualTo(412);
    assertThat(wrong.message()).isEqualTo("Job is not in the expected state.");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.message())
        .isEqualTo("Invalid expect_status \"done\". Only 'running' or 'pending' are allowed.");
    assertThat(untouched.status()).isEqualTo(ProvisionerJobStatus.PENDING);
    assertThat(right.status()).isEqualTo(200);
    assertThat(fake.provisionerJobs().get(pending.id()).status())
        .isEqualTo(ProvisionerJobStatus.CANCELED);
    assertThatThrownBy(
            () ->
                target.client().provisionerJobs().cancel(fake.provisionerJobs().get(pending.id())))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void cancelingAJobOfADeletedBuildIsNotFound(Target target) {
    FakeCoderServer fake = target.fake("deletes a job");
    ProvisionerJob job =
        running(
            fake, target.createOrganization("it-cancel-gone"), ProvisionerJobType.WORKSPACE_BUILD);
    fake.provisionerJobs().delete(job.id());

    assertThatThrownBy(() -> target.client().provisionerJobs().cancel(job))
        .isInstanceOfSatisfying(
            CoderApiException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void aDryRunOfAnotherVersionIsForbidden(Target target) {
    FakeCoderServer fake = target.fake("owns jobs");
    Organization org = target.createOrganization("it-dry-other");
    ProvisionerJob dryRun = running(fake, org, ProvisionerJobType.TEMPLATE_VERSION_DRY_RUN);
    ProvisionerJob other = running(fake, org, ProvisionerJobType.TEMPLATE_VERSION_IMPORT);

    Http.Answer answer =
        target.send(
            "PATCH",
            "/api/v2/templateversions/"
                + other.input().templateVersionId()
                + "/dry-run/"
                + dryRun.id()
                + "/cancel",
            "");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.message()).isEqualTo("Forbidden.");
    assertThat(fake.provisionerJobs().get(dryRun.id()).status())
        .isEqualTo(ProvisionerJobStatus.RUNNING);
  }

  // ---------------------------------------------------------------------------------------------

  private static ProvisionerJobSpec.Builder spec(Organization org, ProvisionerJobType type) {
    return ProvisionerJobSpec.builder(type).organization(org.id());
  }

  /**
   * Queues a job of {@code type} in {@code org} and has a new daemon there take it; a tag of its
   * own keeps the daemon from taking another job that waits in the organization.
   */
  private static ProvisionerJob running(
      FakeCoderServer fake, Organization org, ProvisionerJobType type) {
    return running(fake, org, ProvisionerJobSpec.builder(type));
  }

  private static ProvisionerJob running(
      FakeCoderServer fake, Organization org, ProvisionerJobSpec.Builder spec) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    ProvisionerJob job =
        fake.provisionerJobs().enqueue(spec.organization(org.id()).tag("for", tag).build());
    ProvisionerDaemon daemon =
        fake.provisionerDaemons().register(org.name(), "d-" + tag, Map.of("for", tag));
    assertThat(fake.provisionerJobs().acquire(daemon.id()))
        .map(ProvisionerJob::id)
        .contains(job.id());
    return fake.provisionerJobs().get(job.id());
  }

  /** The path the SDK reads a job's logs from, chosen by its type and input. */
  static String logsPath(ProvisionerJob job) {
    if (job.type().equals(ProvisionerJobType.WORKSPACE_BUILD)) {
      return "/api/v2/workspacebuilds/" + job.input().workspaceBuildId() + "/logs";
    }
    String version = "/api/v2/templateversions/" + job.input().templateVersionId();
    if (job.type().equals(ProvisionerJobType.TEMPLATE_VERSION_DRY_RUN)) {
      return version + "/dry-run/" + job.id() + "/logs";
    }
    return version + "/logs";
  }
}
