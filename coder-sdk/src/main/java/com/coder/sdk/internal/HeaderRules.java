package com.coder.sdk.internal;

/**
 * Checks header names and values before OkHttp does, because OkHttp's own messages quote the value,
 * and the values the SDK sends on a caller's behalf are often credentials. Messages here name the
 * header and the position of the bad character, never the value.
 */
public final class HeaderRules {
  private HeaderRules() {}

  /**
   * Checks a header name: visible ASCII without {@code :}.
   *
   * @throws IllegalArgumentException naming the header
   */
  public static String checkName(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("header name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == ':') {
        throw new IllegalArgumentException(
            "header name \"" + name + "\" has a character not allowed at index " + i);
      }
    }
    return name;
  }

  /**
   * Checks a header value: printable ASCII and tabs.
   *
   * @throws IllegalArgumentException naming the header and the index, not the value
   */
  public static String checkValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c >= 0x7f) {
        throw new IllegalArgumentException(
            "value of header " + name + " has a character not allowed in HTTP at index " + i);
      }
    }
    return value;
  }
}
