package com.coder.sdk;

import java.util.Objects;
import java.util.UUID;

/** Checks of the arguments that name a resource in a path. */
final class Arguments {
  private Arguments() {}

  /**
   * Checks an organization reference: an ID, a name, or {@code default}. The value is sent as one
   * path segment, so characters such as {@code /} and {@code ?} cannot change the path, but the dot
   * segments {@code .} and {@code ..}, which HTTP clients resolve, are refused.
   */
  static String organization(String organization) {
    Objects.requireNonNull(organization, "organization == null");
    if (organization.isBlank() || organization.equals(".") || organization.equals("..")) {
      throw new IllegalArgumentException(
          "organization must be an ID, a name or \"default\", not \"" + organization + "\"");
    }
    return organization;
  }

  /** Checks a user reference: an ID, a user name, or {@code me}; see {@link #organization}. */
  static String user(String user) {
    Objects.requireNonNull(user, "user == null");
    if (user.isBlank() || user.equals(".") || user.equals("..")) {
      throw new IllegalArgumentException(
          "user must be an ID, a user name or \"me\", not \"" + user + "\"");
    }
    return user;
  }

  static String user(UUID user) {
    return Objects.requireNonNull(user, "user == null").toString();
  }

  static String organization(UUID organization) {
    return Objects.requireNonNull(organization, "organization == null").toString();
  }
}
