package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * Which component wrote a provisioner job log line. An open set: values from newer servers decode
 * with {@link #isKnown()} false and the raw string in {@link #value()}.
 */
public final class LogSource extends OpenValue {
  private static final Registry<LogSource> REGISTRY = new Registry<>(LogSource::new);

  /** The daemon that ran the job. */
  public static final LogSource PROVISIONER_DAEMON = REGISTRY.known("provisioner_daemon");

  /** The provisioner (for example Terraform) that the daemon ran. */
  public static final LogSource PROVISIONER = REGISTRY.known("provisioner");

  private LogSource(String value, boolean known) {
    super(value, known);
  }

  /**
   * {@return the constant for {@code value}, or a new unknown value that keeps the string}
   *
   * @param value the string as the server sends it
   */
  @JsonCreator
  public static LogSource of(String value) {
    return REGISTRY.of(value);
  }

  /** {@return the values this SDK version knows, in declaration order} */
  public static Collection<LogSource> knownValues() {
    return REGISTRY.values();
  }
}
