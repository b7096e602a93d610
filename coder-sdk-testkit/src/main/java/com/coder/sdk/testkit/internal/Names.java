package com.coder.sdk.testkit.internal;

import java.util.regex.Pattern;

/** Coder's rules for resource names and display names. */
public final class Names {
  // Go's \s is ASCII space, tab, newline, form feed and carriage return; its '.' is all but \n.
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*");
  private static final Pattern DISPLAY_NAME =
      Pattern.compile("[^\\t\\n\\f\\r ](?:[^\\n]*[^\\t\\n\\f\\r ])?", Pattern.DOTALL);

  private Names() {}

  /** Returns true if {@code name} passes Coder's {@code organization_name} validator. */
  public static boolean isValidName(String name) {
    int length = GoText.byteLength(name);
    return length >= 1
        && length <= 32
        && !name.equals("new")
        && !name.equals("create")
        && NAME.matcher(name).matches();
  }

  /** Returns true if {@code displayName} passes the {@code organization_display_name} validator. */
  public static boolean isValidDisplayName(String displayName) {
    if (displayName.isEmpty()) {
      return true;
    }
    return GoText.byteLength(displayName) <= 64 && DISPLAY_NAME.matcher(displayName).matches();
  }
}
