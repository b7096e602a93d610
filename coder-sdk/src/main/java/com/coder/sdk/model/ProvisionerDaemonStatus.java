package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * What a provisioner daemon is doing. An open set: values from newer servers decode with {@link
 * #isKnown()} false and the raw string in {@link #value()}.
 */
public final class ProvisionerDaemonStatus extends OpenValue {
  private static final Registry<ProvisionerDaemonStatus> REGISTRY =
      new Registry<>(ProvisionerDaemonStatus::new);

  /** The daemon has not been seen recently. */
  public static final ProvisionerDaemonStatus OFFLINE = REGISTRY.known("offline");

  /** The daemon is connected and waiting for a job. */
  public static final ProvisionerDaemonStatus IDLE = REGISTRY.known("idle");

  /** The daemon is running a job. */
  public static final ProvisionerDaemonStatus BUSY = REGISTRY.known("busy");

  private ProvisionerDaemonStatus(String value, boolean known) {
    super(value, known);
  }

  /**
   * {@return the constant for {@code value}, or a new unknown value that keeps the string}
   *
   * @param value the string as the server sends it
   */
  @JsonCreator
  public static ProvisionerDaemonStatus of(String value) {
    return REGISTRY.of(value);
  }

  /** {@return the values this SDK version knows, in declaration order} */
  public static Collection<ProvisionerDaemonStatus> knownValues() {
    return REGISTRY.values();
  }
}
