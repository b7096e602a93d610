package com.coder.sdk.testkit.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Parses UUIDs with the rules of the Go library Coder uses, which are looser than {@link
 * UUID#fromString}: it also takes 32 hex digits without hyphens, a form in braces, and a {@code
 * urn:uuid:} prefix. Failures carry the library's messages, which Coder passes on in details.
 */
public final class GoUuid {
  private GoUuid() {}

  /** Thrown for text that is not a UUID; the message is the Go library's. */
  public static final class InvalidUuidException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidUuidException(String message) {
      super(message);
    }

    /** Returns the message, which the constructor always sets. */
    @Override
    public String getMessage() {
      return Objects.requireNonNull(super.getMessage());
    }
  }

  /**
   * Parses {@code text}.
   *
   * @throws InvalidUuidException with a message such as {@code invalid UUID length: 3}
   */
  public static UUID parse(String text) {
    String hex;
    switch (text.length()) {
      case 36:
        hex = hyphenated(text);
        break;
      case 36 + 9:
        if (!text.substring(0, 9).toLowerCase(Locale.ROOT).equals("urn:uuid:")) {
          throw new InvalidUuidException(
              "invalid urn prefix: " + GoText.quote(text.substring(0, 9)));
        }
        hex = hyphenated(text.substring(9));
        break;
      case 36 + 2:
        if (text.charAt(0) != '{' || text.charAt(37) != '}') {
          throw new InvalidUuidException("invalid UUID format");
        }
        hex = hyphenated(text.substring(1, 37));
        break;
      case 32:
        hex = text;
        break;
      default:
        throw new InvalidUuidException("invalid UUID length: " + text.length());
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      boolean isHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!isHex) {
        throw new InvalidUuidException("invalid UUID format");
      }
    }
    long high = Long.parseUnsignedLong(hex.substring(0, 16), 16);
    long low = Long.parseUnsignedLong(hex.substring(16), 16);
    return new UUID(high, low);
  }

  /** Returns true if {@code text} parses. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidUuidException e) {
      return false;
    }
  }

  private static String hyphenated(String text) {
    if (text.charAt(8) != '-'
        || text.charAt(13) != '-'
        || text.charAt(18) != '-'
        || text.charAt(23) != '-') {
      throw new InvalidUuidException("invalid UUID format");
    }
    return text.substring(0, 8)
        + text.substring(9, 13)
        + text.substring(14, 18)
        + text.substring(19, 23)
        + text.substring(24);
  }
}
