package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * How a license covers a feature. An open set: values from newer servers decode with {@link
 * #isKnown()} false and the raw string in {@link #value()}.
 */
public final class Entitlement extends OpenValue {
  private static final Registry<Entitlement> REGISTRY = new Registry<>(Entitlement::new);

  /** The license grants the feature. */
  public static final Entitlement ENTITLED = REGISTRY.known("entitled");

  /** The license expired recently; the feature still works for now. */
  public static final Entitlement GRACE_PERIOD = REGISTRY.known("grace_period");

  /** No license grants the feature. */
  public static final Entitlement NOT_ENTITLED = REGISTRY.known("not_entitled");

  private Entitlement(String value, boolean known) {
    super(value, known);
  }

  /**
   * {@return the constant for {@code value}, or a new unknown value that keeps the string}
   *
   * @param value the string as the server sends it
   */
  @JsonCreator
  public static Entitlement of(String value) {
    return REGISTRY.of(value);
  }

  /** {@return the values this SDK version knows, in declaration order} */
  public static Collection<Entitlement> knownValues() {
    return REGISTRY.values();
  }
}
