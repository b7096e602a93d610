package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * Whether a user may sign in and use the deployment. An open set: values from newer servers decode
 * with {@link #isKnown()} false and the raw string in {@link #value()}.
 */
public final class UserStatus extends OpenValue {
  private static final Registry<UserStatus> REGISTRY = new Registry<>(UserStatus::new);

  /** The user may sign in. */
  public static final UserStatus ACTIVE = REGISTRY.known("active");

  /** The user has not been seen for a long time and does not count as a seat. */
  public static final UserStatus DORMANT = REGISTRY.known("dormant");

  /** An administrator suspended the user. */
  public static final UserStatus SUSPENDED = REGISTRY.known("suspended");

  private UserStatus(String value, boolean known) {
    super(value, known);
  }

  /**
   * {@return the constant for {@code value}, or a new unknown value that keeps the string}
   *
   * @param value the string as the server sends it
   */
  @JsonCreator
  public static UserStatus of(String value) {
    return REGISTRY.of(value);
  }

  /** {@return the values this SDK version knows, in declaration order} */
  public static Collection<UserStatus> knownValues() {
    return REGISTRY.values();
  }
}
