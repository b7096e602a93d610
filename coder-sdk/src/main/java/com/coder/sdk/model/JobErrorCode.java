package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * A machine-readable reason for a failed provisioner job. An open set: provisioners send codes that
 * are not listed here, which decode with {@link #isKnown()} false.
 */
public final class JobErrorCode extends OpenValue {
  private static final Registry<JobErrorCode> REGISTRY = new Registry<>(JobErrorCode::new);

  /** The template needs variables that were not supplied. */
  public static final JobErrorCode REQUIRED_TEMPLATE_VARIABLES =
      REGISTRY.known("REQUIRED_TEMPLATE_VARIABLES");

  /** The workspace owner's quota does not allow the build. */
  public static final JobErrorCode INSUFFICIENT_QUOTA = REGISTRY.known("INSUFFICIENT_QUOTA");

  private JobErrorCode(String value, boolean known) {
    super(value, known);
  }

  /**
   * {@return the constant for {@code value}, or a new unknown code that keeps the string}
   *
   * @param value the string as the server sends it
   */
  @JsonCreator
  public static JobErrorCode of(String value) {
    return REGISTRY.of(value);
  }

  /** {@return the codes this SDK version knows, in declaration order} */
  public static Collection<JobErrorCode> knownValues() {
    return REGISTRY.values();
  }
}
