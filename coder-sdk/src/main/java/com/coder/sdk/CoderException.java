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
 *
 * <p>When the client retried the call (see {@link RetryPolicy}), {@link #attempts()} says how many
 * times it was sent, and the message ends with that count.
 */
public class CoderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How many times the call was sent; 1 unless the client retried it. */
  private int attempts = 1;

  /** Why retrying stopped, empty for no reason, or null if the attempts were never recorded. */
  private @Nullable String retryNote;

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

  /**
   * {@return how many times the call was sent before it failed with this exception: 1 when it was
   * not retried}
   */
  public final int attempts() {
    return attempts;
  }

  /**
   * Records that the call was sent {@code attempts} times and why retrying stopped; the message
   * then ends with both. The SDK calls this before it throws; there is no need to call it
   * otherwise.
   *
   * @param attempts how many times the call was sent, at least 1
   * @param note why no further attempt was made, such as a server's wait beyond the retry budget,
   *     or null to give only the count
   * @return this exception
   * @throws IllegalArgumentException if {@code attempts} is below 1
   */
  public final CoderException withAttempts(int attempts, @Nullable String note) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    this.attempts = attempts;
    this.retryNote = note == null ? "" : note;
    return this;
  }

  @Override
  public @Nullable String getMessage() {
    String message = super.getMessage();
    if (retryNote == null) {
      return message;
    }
    return message
        + " ("
        + attempts
        + (attempts == 1 ? " attempt" : " attempts")
        + (retryNote.isEmpty() ? "" : "; " + retryNote)
        + ")";
  }
}
