package com.coder.sdk;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception this SDK throws for a failed call: an error answer from the server
 * ({@link CoderApiException}), an answer that could not be decoded ({@link CoderDecodeException}),
 * or a network failure ({@link CoderTransportException}).
 *
 * <p>Messages name the call (method and path) and what went wrong; they never contain the session
 * token or other credentials. Invalid arguments are reported before any call with {@link
 * IllegalArgumentException} or {@link NullPointerException} naming the argument.
 */
public class CoderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message the exception message; must not contain credentials
   */
  public CoderException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the failure that caused it, or null if none.
   *
   * @param message the exception message; must not contain credentials
   * @param cause the failure that caused this one, or null
   */
  public CoderException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
