package com.coder.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long a {@link CoderClient} waits before it sends a failed call again.
 *
 * <p>Only calls that are safe to repeat are retried:
 *
 * <ul>
 *   <li>{@code GET}, {@code HEAD}, {@code PUT} and {@code DELETE} after a connection failure that
 *       left them without an answer, and after an answer of 429, 502, 503 or 504;
 *   <li>{@code POST} and {@code PATCH} only when the connection could not be opened, so the server
 *       cannot have received them. They are never sent twice otherwise, whatever the answer.
 * </ul>
 *
 * <p>The wait before attempt <i>n</i> + 1 is a random duration between zero and {@code
 * min(maxBackoff, initialBackoff * 2^(n-1))} ("full jitter"), unless the server said how long to
 * wait: a {@code Retry-After} header (seconds or an HTTP date) or, on a 429 without it, Coder's
 * {@code X-RateLimit-Reset}. A server's wait is honoured as given, even above {@code maxBackoff}.
 *
 * <p>No attempt starts after the {@linkplain Builder#timeBudget time budget}, counted from the
 * start of the first attempt: when the next wait would end beyond it, or after {@code maxAttempts}
 * attempts, the caller gets the last answer as an exception whose {@link CoderException#attempts()}
 * (and message) says how many attempts were made. A {@link CoderClient.Builder#callTimeout} bounds
 * the whole call, retries and waits included.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder()
 *     .maxAttempts(5)
 *     .initialBackoff(Duration.ofSeconds(1))
 *     .timeBudget(Duration.ofMinutes(5))
 *     .build();
 * CoderClient client = CoderClient.builder().baseUrl(url).retryPolicy(patient).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = new Builder().build();
  private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration timeBudget;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.timeBudget = builder.timeBudget;
  }

  /**
   * {@return the policy a client uses unless told otherwise} 3 attempts, backoff from 500 ms up to
   * 8 s, and a time budget of 2 minutes (enough to wait out one 60 s window of Coder's rate
   * limiter).
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return a policy that never retries: every call is sent once} */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@return a builder that starts from the {@linkplain #defaults() defaults}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from this policy's settings} */
  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .initialBackoff(initialBackoff)
        .maxBackoff(maxBackoff)
        .timeBudget(timeBudget);
  }

  /** {@return how many times a call may be sent in all, the first included; 1 means only once} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the upper bound of the first wait; it doubles for each further attempt} */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** {@return the cap on the doubling bound; a server's {@code Retry-After} may exceed it} */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** {@return the time from the first attempt after which no further attempt starts} */
  public Duration timeBudget() {
    return timeBudget;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RetryPolicy
        && ((RetryPolicy) other).maxAttempts == maxAttempts
        && ((RetryPolicy) other).initialBackoff.equals(initialBackoff)
        && ((RetryPolicy) other).maxBackoff.equals(maxBackoff)
        && ((RetryPolicy) other).timeBudget.equals(timeBudget);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff, timeBudget);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", timeBudget="
        + timeBudget
        + "}";
  }

  /** Configures a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration timeBudget = Duration.ofMinutes(2);

    private Builder() {}

    /**
     * Sets how many times a call may be sent in all, the first included. Default 3; 1 turns retries
     * off.
     *
     * @param maxAttempts the number of attempts, at least 1
     * @return this builder
     * @throws IllegalArgumentException if it is below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the upper bound of the random wait before the second attempt; it doubles for each
     * further attempt up to {@link #maxBackoff}. Default 500 ms.
     *
     * @param initialBackoff the bound of the first wait; positive
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * Sets the cap on the random wait between attempts. Default 8 s. A wait the server asks for
     * with {@code Retry-After} is not capped; the {@link #timeBudget} limits it.
     *
     * @param maxBackoff the longest wait the policy itself picks; positive
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Sets how long after the start of the first attempt a further attempt may start. A wait that
     * would end later is not taken: the call fails with the last answer instead. Default 2 minutes;
     * {@link Duration#ZERO} turns retries off.
     *
     * @param timeBudget how long after the first attempt retries may start; zero for none
     * @return this builder
     * @throws IllegalArgumentException if it is negative
     */
    public Builder timeBudget(Duration timeBudget) {
      Objects.requireNonNull(timeBudget, "timeBudget == null");
      if (timeBudget.isNegative()) {
        throw new IllegalArgumentException("timeBudget must not be negative, was " + timeBudget);
      }
      this.timeBudget = timeBudget;
      return this;
    }

    /**
     * {@return the policy}
     *
     * @throws IllegalStateException if {@code maxBackoff} is shorter than {@code initialBackoff}
     */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalStateException(
            "maxBackoff ("
                + maxBackoff
                + ") is shorter than initialBackoff ("
                + initialBackoff
                + ")");
      }
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
