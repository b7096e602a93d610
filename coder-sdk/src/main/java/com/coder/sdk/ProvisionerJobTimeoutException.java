package com.coder.sdk;

import com.coder.sdk.model.ProvisionerJob;
import java.time.Duration;

/**
 * {@link ProvisionerJobs#await} gave up before the job reached a terminal state. {@link #job()} is
 * the job as last read; the job itself goes on.
 */
public class ProvisionerJobTimeoutException extends CoderException {
  private static final long serialVersionUID = 1L;

  private final transient ProvisionerJob job;

  /** How long the caller waited. */
  private final Duration timeout;

  /**
   * Creates the exception for a job still not finished after {@code timeout}.
   *
   * @param job the job as last read
   * @param timeout how long the caller waited
   */
  public ProvisionerJobTimeoutException(ProvisionerJob job, Duration timeout) {
    super(
        "provisioner job "
            + job.id()
            + " was still "
            + job.status()
            + " after waiting "
            + timeout.toMillis()
            + " ms"
            + (job.queuePosition() > 0
                ? " (queue position " + job.queuePosition() + " of " + job.queueSize() + ")"
                : ""));
    this.job = job;
    this.timeout = timeout;
  }

  /** {@return the job as last read} */
  public ProvisionerJob job() {
    return job;
  }

  /** {@return how long the caller waited} */
  public Duration timeout() {
    return timeout;
  }
}
