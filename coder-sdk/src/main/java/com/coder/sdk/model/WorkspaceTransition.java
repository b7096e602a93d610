package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The change a workspace build makes. An open set: values from newer servers decode with {@link
 * #isKnown()} false and the raw string in {@link #value()}.
 */
public final class WorkspaceTransition extends OpenValue {
  private static final Registry<WorkspaceTransition> REGISTRY =
      new Registry<>(WorkspaceTransition::new);

  /** Starts the workspace. */
  public static final WorkspaceTransition START = REGISTRY.known("start");

  /** Stops the workspace. */
  public static final WorkspaceTransition STOP = REGISTRY.known("stop");

  /** Deletes the workspace. */
  public static final WorkspaceTransition DELETE = REGISTRY.known("delete");

  private WorkspaceTransition(String value, boolean known) {
    super(value, known);
  }

  /**
   * {@return the constant for {@code value}, or a new unknown transition that keeps the string}
   *
   * @param value the string as the server sends it
   */
  @JsonCreator
  public static WorkspaceTransition of(String value) {
    return REGISTRY.of(value);
  }

  /** {@return the transitions this SDK version knows, in declaration order} */
  public static Collection<WorkspaceTransition> knownValues() {
    return REGISTRY.values();
  }
}
