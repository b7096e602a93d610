package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * How a user signs in. An open set: values from newer servers decode with {@link #isKnown()} false
 * and the raw string in {@link #value()}.
 */
public final class LoginType extends OpenValue {
  private static final Registry<LoginType> REGISTRY = new Registry<>(LoginType::new);

  /** The user cannot sign in; only tokens work. */
  public static final LoginType NONE = REGISTRY.known("none");

  /** With a password. */
  public static final LoginType PASSWORD = REGISTRY.known("password");

  /** With GitHub. */
  public static final LoginType GITHUB = REGISTRY.known("github");

  /** With an OpenID Connect provider. */
  public static final LoginType OIDC = REGISTRY.known("oidc");

  /** With a token only. */
  public static final LoginType TOKEN = REGISTRY.known("token");

  /** Not recorded. */
  public static final LoginType UNSET = REGISTRY.known("");

  private LoginType(String value, boolean known) {
    super(value, known);
  }

  /**
   * {@return the constant for {@code value}, or a new unknown value that keeps the string}
   *
   * @param value the string as the server sends it
   */
  @JsonCreator
  public static LoginType of(String value) {
    return REGISTRY.of(value);
  }

  /** {@return the values this SDK version knows, in declaration order} */
  public static Collection<LoginType> knownValues() {
    return REGISTRY.values();
  }
}
