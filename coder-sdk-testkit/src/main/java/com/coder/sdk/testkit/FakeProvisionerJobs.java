package com.coder.sdk.testkit;

import com.coder.sdk.model.JobErrorCode;
import com.coder.sdk.model.LogLevel;
import com.coder.sdk.model.LogSource;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobLog;
import com.coder.sdk.testkit.internal.Store;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The provisioner jobs of a {@link FakeCoderServer}, driven by the test rather than by daemons. Get
 * it from {@link FakeCoderServer#provisionerJobs()}.
 *
 * <pre>{@code
 * ProvisionerJob job = coder.provisionerJobs().enqueue(
 *     ProvisionerJobSpec.builder(ProvisionerJobType.TEMPLATE_VERSION_IMPORT).build());
 * coder.provisionerDaemons().register("default", "builder-1");
 * coder.provisionerJobs().acquire("builder-1");      // pending -> running
 * coder.provisionerJobs().complete(job.id());         // running -> succeeded
 * }</pre>
 *
 * <p>Status is derived from the timestamps and the error exactly as Coder's database derives it: a
 * pending job has no {@code started_at}, {@code worker_id} or {@code worker_name}; {@link #acquire}
 * sets them; {@link #complete} and {@link #fail} set {@code completed_at}; {@link #cancel} sets
 * {@code canceled_at}, and also {@code completed_at} when the job had not started. Queue positions
 * count the pending jobs of the whole deployment, oldest first, with jobs of {@link
 * FakeCoderServer#PREBUILDS_USER_ID} last. Every method returns the job as {@code GET
 * /api/v2/organizations/{organization}/provisionerjobs/{job}} would show it. Thread-safe.
 */
public final class FakeProvisionerJobs {
  private final Store store;

  FakeProvisionerJobs(Store store) {
    this.store = store;
  }

  /**
   * Queues a pending job, created now by the server's clock. Its {@code input} names the template
   * version or workspace build that owns it, so the SDK reaches its logs and cancel routes under
   * {@code /templateversions} and {@code /workspacebuilds}.
   *
   * @param spec the job's type, organization, tags, initiator, input and metadata
   * @return the job as the API shows it: pending, with its queue position
   * @throws IllegalArgumentException if the organization does not exist, or the spec's template
   *     version already has an import job or its workspace build already has a job (in Coder each
   *     owns exactly one)
   */
  public ProvisionerJob enqueue(ProvisionerJobSpec spec) {
    Objects.requireNonNull(spec, "spec == null");
    return store.insertJob(
        spec.organization(),
        spec.type(),
        spec.tags(),
        spec.initiator() != null ? spec.initiator() : store.adminUserId(),
        spec.provisioner(),
        spec.fileId(),
        spec.input(),
        spec.metadata());
  }

  /**
   * Makes the named daemon take the next job it can run: pending, in its organization, of a
   * provisioner type it runs, with tags it matches, first in queue order. The job becomes running,
   * with {@code started_at}, {@code worker_id} and {@code worker_name}.
   *
   * @param daemonName the daemon's name, which no other daemon may share
   * @return the job taken, or empty when none fits
   * @throws IllegalArgumentException if no daemon, or more than one, has the name
   */
  public Optional<ProvisionerJob> acquire(String daemonName) {
    Objects.requireNonNull(daemonName, "daemonName == null");
    return store.acquire(store.daemonNamed(daemonName));
  }

  /**
   * Makes the daemon with this ID take its next job; see {@link #acquire(String)}.
   *
   * @param daemonId the daemon's ID
   * @return the job taken, or empty when none fits
   * @throws IllegalArgumentException if no daemon has the ID
   */
  public Optional<ProvisionerJob> acquire(UUID daemonId) {
    return store.acquire(Objects.requireNonNull(daemonId, "daemonId == null"));
  }

  /**
   * Finishes a started job without error: running becomes succeeded, canceling becomes canceled.
   *
   * @param job the job's ID
   * @return the job after the change
   * @throws IllegalStateException if the job is pending or already finished
   */
  public ProvisionerJob complete(UUID job) {
    return store.complete(Objects.requireNonNull(job, "job == null"));
  }

  /**
   * Finishes a pending, running or canceling job as failed, with no error code.
   *
   * @param job the job's ID
   * @param error the job's {@code error} text
   * @return the job after the change
   * @throws IllegalStateException if the job already finished
   */
  public ProvisionerJob fail(UUID job, String error) {
    Objects.requireNonNull(job, "job == null");
    return store.fail(job, Objects.requireNonNull(error, "error == null"), null);
  }

  /**
   * Finishes a pending, running or canceling job as failed, with an error code such as {@link
   * JobErrorCode#INSUFFICIENT_QUOTA}.
   *
   * @param job the job's ID
   * @param error the job's {@code error} text
   * @param code the job's {@code error_code}
   * @return the job after the change
   * @throws IllegalStateException if the job already finished
   */
  public ProvisionerJob fail(UUID job, String error, JobErrorCode code) {
    Objects.requireNonNull(job, "job == null");
    Objects.requireNonNull(error, "error == null");
    return store.fail(job, error, Objects.requireNonNull(code, "code == null"));
  }

  /**
   * Cancels a job as Coder's cancel endpoints do: pending becomes canceled at once ({@code
   * canceled_at} and {@code completed_at}); running becomes canceling ({@code canceled_at}) until
   * the test calls {@link #complete} (canceled) or {@link #fail} (failed). Streams that follow the
   * log of a job that completes end normally.
   *
   * @param job the job's ID
   * @return the job after the change
   * @throws IllegalStateException with Coder's message if the job already finished or is already
   *     canceling
   */
  public ProvisionerJob cancel(UUID job) {
    return store.cancel(Objects.requireNonNull(job, "job == null"));
  }

  /**
   * Writes a line to a running job's log, from the provisioner, as its daemon would. Line IDs grow
   * across the whole deployment, as Coder numbers them. Streams that follow the job's log receive
   * the line at once.
   *
   * <pre>{@code
   * coder.provisionerJobs().log(job.id(), "Planning", LogLevel.INFO, "Plan: 1 to add, 0 to change");
   * }</pre>
   *
   * @param job the job's ID
   * @param stage the stage the line belongs to, such as {@code Planning}
   * @param level the line's log level
   * @param output the text of the line
   * @return the line as {@code GET .../logs} shows it
   * @throws IllegalStateException if the job has not started or has completed: Coder accepts logs
   *     only from the daemon running the job
   * @throws IllegalArgumentException if no job has the ID
   */
  public ProvisionerJobLog log(UUID job, String stage, LogLevel level, String output) {
    return log(job, LogSource.PROVISIONER, stage, level, output);
  }

  /**
   * Writes a log line from {@code source}; see {@link #log(UUID, String, LogLevel, String)}.
   *
   * @param job the job's ID
   * @param source where the line comes from: {@link LogSource#PROVISIONER} or {@link
   *     LogSource#PROVISIONER_DAEMON}
   * @param stage the stage the line belongs to, such as {@code Planning}
   * @param level the line's log level
   * @param output the text of the line
   * @return the line as {@code GET .../logs} shows it
   * @throws IllegalStateException if the job has not started or has completed
   * @throws IllegalArgumentException if no job has the ID
   */
  public ProvisionerJobLog log(
      UUID job, LogSource source, String stage, LogLevel level, String output) {
    Objects.requireNonNull(job, "job == null");
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(stage, "stage == null");
    Objects.requireNonNull(level, "level == null");
    Objects.requireNonNull(output, "output == null");
    return store.appendLog(job, source, level, stage, output);
  }

  /**
   * {@return a job's log lines, oldest first}
   *
   * @param job the job's ID
   * @throws IllegalArgumentException if no job has the ID
   */
  public List<ProvisionerJobLog> logs(UUID job) {
    return store.logs(Objects.requireNonNull(job, "job == null"), 0);
  }

  /**
   * {@return a job}
   *
   * @param job the job's ID
   * @throws IllegalArgumentException if no job has the ID
   */
  public ProvisionerJob get(UUID job) {
    return store.job(Objects.requireNonNull(job, "job == null"));
  }

  /** {@return every job of the deployment, newest first} */
  public List<ProvisionerJob> list() {
    return store.jobs();
  }

  /**
   * Removes a job, as if its workspace or template had been deleted; afterwards the job and what it
   * referenced no longer keep its organization from being deleted.
   *
   * @param job the job's ID
   * @return false if no job had the ID
   */
  public boolean delete(UUID job) {
    return store.deleteJob(Objects.requireNonNull(job, "job == null"));
  }
}
