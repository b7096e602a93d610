package com.coder.sdk;

import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobStatus;

/**
 * A provisioner job that {@link ProvisionerJobs#await} waited for ended as failed or canceled.
 * {@link #job()} is the job as last read, with its {@code error} and {@code errorCode}.
 */
public class ProvisionerJobFailedException extends CoderException {
  private static final long serialVersionUID = 1L;

  private final transient ProvisionerJob job;

  /**
   * Creates the exception for a job that ended as failed or canceled.
   *
   * @param job the job as last read, in a failed or canceled state
   */
  public ProvisionerJobFailedException(ProvisionerJob job) {
    super(describe(job));
    this.job = job;
  }

  /** {@return the job as last read} */
  public ProvisionerJob job() {
    return job;
  }

  private static String describe(ProvisionerJob job) {
    String what = "provisioner job " + job.id() + " (" + job.type() + ")";
    if (job.status().equals(ProvisionerJobStatus.CANCELED)) {
      return what + " was canceled";
    }
    return what
        + " ended as "
        + job.status()
        + (job.error() == null ? "" : ": " + job.error())
        + (job.errorCode() == null ? "" : " [" + job.errorCode() + "]");
  }
}
