package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The state of a provisioner job, as the server derives it from the job's timestamps and error.
 *
 * <p>This is an open set: a newer server may send a status this SDK does not list, which decodes to
 * an instance whose {@link #isKnown()} is false and whose {@link #value()} holds the raw string.
 * Compare with {@code equals} or {@code ==} against the constants:
 *
 * <pre>{@code
 * if (job.status().equals(ProvisionerJobStatus.FAILED)) {
 *   System.err.println(job.error());
 * }
 * }</pre>
 */
public final class ProvisionerJobStatus extends OpenValue {
  private static final Registry<ProvisionerJobStatus> REGISTRY =
      new Registry<>(ProvisionerJobStatus::new);

  /** Waiting in the queue for a provisioner daemon. */
  public static final ProvisionerJobStatus PENDING = REGISTRY.known("pending");

  /** Taken by a daemon and running. */
  public static final ProvisionerJobStatus RUNNING = REGISTRY.known("running");

  /** Finished without error. */
  public static final ProvisionerJobStatus SUCCEEDED = REGISTRY.known("succeeded");

  /** Cancellation was requested; the daemon has not stopped yet. */
  public static final ProvisionerJobStatus CANCELING = REGISTRY.known("canceling");

  /** Cancelled and finished. */
  public static final ProvisionerJobStatus CANCELED = REGISTRY.known("canceled");

  /** Finished with an error; see {@link ProvisionerJob#error()}. */
  public static final ProvisionerJobStatus FAILED = REGISTRY.known("failed");

  /** A fallback of Coder's own SDK; no stored job has it. */
  public static final ProvisionerJobStatus UNKNOWN = REGISTRY.known("unknown");

  private ProvisionerJobStatus(String value, boolean known) {
    super(value, known);
  }

  /**
   * {@return the constant for {@code value}, or a new unknown status that keeps the string}
   *
   * @param value the string as the server sends it
   */
  @JsonCreator
  public static ProvisionerJobStatus of(String value) {
    return REGISTRY.of(value);
  }

  /** {@return the statuses this SDK version knows, in declaration order} */
  public static Collection<ProvisionerJobStatus> knownValues() {
    return REGISTRY.values();
  }

  /** {@return true for succeeded, failed and canceled: the job will not change again} */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELED;
  }

  /**
   * {@return true for pending, running and canceling: the job still occupies the queue or a daemon}
   */
  public boolean isActive() {
    return this == PENDING || this == RUNNING || this == CANCELING;
  }
}
