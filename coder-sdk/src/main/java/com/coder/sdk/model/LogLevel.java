package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The severity of a provisioner job log line. An open set: values from newer servers decode with
 * {@link #isKnown()} false and the raw string in {@link #value()}.
 */
public final class LogLevel extends OpenValue {
  private static final Registry<LogLevel> REGISTRY = new Registry<>(LogLevel::new);

  /** Tracing detail. */
  public static final LogLevel TRACE = REGISTRY.known("trace");

  /** Debugging detail. */
  public static final LogLevel DEBUG = REGISTRY.known("debug");

  /** Progress. */
  public static final LogLevel INFO = REGISTRY.known("info");

  /** Something unexpected that did not stop the job. */
  public static final LogLevel WARN = REGISTRY.known("warn");

  /** A failure. */
  public static final LogLevel ERROR = REGISTRY.known("error");

  private LogLevel(String value, boolean known) {
    super(value, known);
  }

  /**
   * {@return the constant for {@code value}, or a new unknown value that keeps the string}
   *
   * @param value the string as the server sends it
   */
  @JsonCreator
  public static LogLevel of(String value) {
    return REGISTRY.of(value);
  }

  /** {@return the values this SDK version knows, in declaration order} */
  public static Collection<LogLevel> knownValues() {
    return REGISTRY.values();
  }
}
