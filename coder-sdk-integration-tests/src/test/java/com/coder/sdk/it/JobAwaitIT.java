package com.coder.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.NotFoundException;
import com.coder.sdk.ProvisionerJobFailedException;
import com.coder.sdk.ProvisionerJobTimeoutException;
import com.coder.sdk.model.JobErrorCode;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerDaemon;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.model.ProvisionerJobType;
import com.coder.sdk.testkit.FakeCoderServer;
import com.coder.sdk.testkit.ProvisionerJobSpec;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ProvisionerJobs.await} against jobs the fake finishes from another thread, right after the
 * first poll, so the wait covers one pause (250 ms) and no more.
 */
@ExtendWith(TargetExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JobAwaitIT {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @Test
  void awaitReturnsTheJobOnceItSucceeds(Target target) throws Exception {
    FakeCoderServer fake = target.fake("finishes a job while the client waits");
    Organization org = target.createOrganization("it-await-ok");
    ProvisionerJob job = running(fake, org);

    CompletableFuture<Void> finisher =
        afterFirstPoll(fake, job, () -> fake.provisionerJobs().complete(job.id()));
    ProvisionerJob done = target.client().provisionerJobs().await(org.name(), job.id(), PATIENCE);
    finisher.get(10, TimeUnit.SECONDS);

    assertThat(done.status()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
    assertThat(done.completedAt()).isNotNull();
    assertThat(done).isEqualTo(fake.provisionerJobs().get(job.id()));
    assertThat(fake.requests())
        .filteredOn(call -> call.path().endsWith(jobPath(job)))
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(call -> assertThat(call.method()).isEqualTo("GET"));
  }

  @Test
  void awaitThrowsTheFailedJobWithItsErrorAndCode(Target target) throws Exception {
    FakeCoderServer fake = target.fake("fails a job while the client waits");
    Organization org = target.createOrganization("it-await-fail");
    ProvisionerJob job = running(fake, org);

    CompletableFuture<Void> failer =
        afterFirstPoll(
            fake,
            job,
            () ->
                fake.provisionerJobs()
                    .fail(
                        job.id(),
                        "insufficient quota: costs 40, budget 30",
                        JobErrorCode.INSUFFICIENT_QUOTA));

    assertThatThrownBy(() -> target.client().provisionerJobs().await(job, PATIENCE))
        .isInstanceOfSatisfying(
            ProvisionerJobFailedException.class,
            e -> {
              assertThat(e.job().id()).isEqualTo(job.id());
              assertThat(e.job().status()).isEqualTo(ProvisionerJobStatus.FAILED);
              assertThat(e.job().error()).isEqualTo("insufficient quota: costs 40, budget 30");
              assertThat(e.job().errorCode()).isEqualTo(JobErrorCode.INSUFFICIENT_QUOTA);
              assertThat(e.getMessage())
                  .contains("insufficient quota: costs 40, budget 30")
                  .contains("INSUFFICIENT_QUOTA");
            });
    failer.get(10, TimeUnit.SECONDS);
  }

  @Test
  void awaitReportsAJobCanceledThroughTheApi(Target target) throws Exception {
    FakeCoderServer fake = target.fake("queues a job");
    Organization org = target.createOrganization("it-await-cancel");
    ProvisionerJob job =
        fake.provisionerJobs()
            .enqueue(
                ProvisionerJobSpec.builder(ProvisionerJobType.WORKSPACE_BUILD)
                    .organization(org.id())
                    .build());

    CompletableFuture<Void> canceler =
        afterFirstPoll(fake, job, () -> target.client().provisionerJobs().cancel(job));

    assertThatThrownBy(() -> target.client().provisionerJobs().await(job, PATIENCE))
        .isInstanceOfSatisfying(
            ProvisionerJobFailedException.class,
            e -> {
              assertThat(e.job().status()).isEqualTo(ProvisionerJobStatus.CANCELED);
              assertThat(e.getMessage()).contains("was canceled");
            });
    canceler.get(10, TimeUnit.SECONDS);
  }

  @Test
  void awaitGivesUpAfterItsTimeoutNamingTheLastStatus(Target target) {
    FakeCoderServer fake = target.fake("keeps a job waiting");
    Organization org = target.createOrganization("it-await-slow");
    ProvisionerJob job =
        fake.provisionerJobs()
            .enqueue(
                ProvisionerJobSpec.builder(ProvisionerJobType.TEMPLATE_VERSION_IMPORT)
                    .organization(org.id())
                    .tag("nobody", "takes-this")
                    .build());
    Duration timeout = Duration.ofMillis(300);

    assertThatThrownBy(() -> target.client().provisionerJobs().await(job, timeout))
        .isInstanceOfSatisfying(
            ProvisionerJobTimeoutException.class,
            e -> {
              assertThat(e.timeout()).isEqualTo(timeout);
              assertThat(e.job().status()).isEqualTo(ProvisionerJobStatus.PENDING);
              assertThat(e.job().queuePosition()).isPositive();
              assertThat(e.getMessage()).contains("still pending").contains("queue position");
            });
    assertThat(fake.provisionerJobs().get(job.id()).status())
        .isEqualTo(ProvisionerJobStatus.PENDING);
  }

  @Test
  void awaitOnAJobThatDoesNotExistFailsAtOnce(Target target) {
    UUID missing = UUID.randomUUID();

    assertThatThrownBy(() -> target.client().provisionerJobs().await("default", missing, PATIENCE))
        .isInstanceOf(NotFoundException.class);
  }

  // ---------------------------------------------------------------------------------------------

  private static ProvisionerJob running(FakeCoderServer fake, Organization org) {
    ProvisionerDaemon daemon = fake.provisionerDaemons().register(org.name(), "runner");
    ProvisionerJob job =
        fake.provisionerJobs()
            .enqueue(
                ProvisionerJobSpec.builder(ProvisionerJobType.WORKSPACE_BUILD)
                    .organization(org.id())
                    .build());
    assertThat(fake.provisionerJobs().acquire(daemon.id()))
        .map(ProvisionerJob::id)
        .contains(job.id());
    return fake.provisionerJobs().get(job.id());
  }

  /** Runs {@code action} on another thread as soon as the server has seen one poll of the job. */
  private static CompletableFuture<Void> afterFirstPoll(
      FakeCoderServer fake, ProvisionerJob job, Runnable action) {
    String path = jobPath(job);
    return CompletableFuture.runAsync(
        () -> {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (fake.requests().stream().noneMatch(call -> call.path().endsWith(path))) {
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException("the client never polled " + path);
            }
            if (!pause(5)) {
              return;
            }
          }
          // The journal shows a request before the fake answers it. Acting at once could change
          // the job before the first answer is written; 100 ms is far more than answering takes
          // and well inside the client's first 250 ms pause.
          if (pause(100)) {
            action.run();
          }
        });
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The end of the job's path, whichever way the organization is named before it. */
  private static String jobPath(ProvisionerJob job) {
    return "/provisionerjobs/" + job.id();
  }
}
