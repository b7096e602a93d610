package com.coder.sdk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a failed attempt is followed by another and how long to wait first: the retry
 * policy's numbers applied to one call. Holds no per-call state.
 */
public final class RetryRules {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE");
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration timeBudget;
  private final RetryTimer timer;

  /**
   * @param maxAttempts how many times a call may be sent in all
   * @param initialBackoff the bound of the first random wait
   * @param maxBackoff the cap on the bound of random waits
   * @param timeBudget how long after the first attempt a further one may start
   * @param timer the clock and waiting to use
   */
  public RetryRules(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Duration timeBudget,
      RetryTimer timer) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.timeBudget = timeBudget;
    this.timer = timer;
  }

  RetryTimer timer() {
    return timer;
  }

  /** Returns true for methods whose repetition has the effect of sending them once. */
  static boolean idempotent(String method) {
    return IDEMPOTENT.contains(method);
  }

  /** Returns true for answers that say "try again later" rather than "no". */
  static boolean retryableStatus(int status) {
    return RETRYABLE_STATUS.contains(status);
  }

  /**
   * Returns the random wait before attempt {@code attempt + 1}: uniform between zero and {@code
   * min(maxBackoff, initialBackoff * 2^(attempt - 1))}.
   *
   * @param attempt the number of the attempt that failed, from 1
   * @param random a number from 0 to 1
   */
  public Duration backoff(int attempt, double random) {
    Duration bound = initialBackoff;
    for (int i = 1; i < attempt && bound.compareTo(maxBackoff) < 0; i++) {
      bound = bound.multipliedBy(2);
    }
    if (bound.compareTo(maxBackoff) > 0) {
      bound = maxBackoff;
    }
    return Duration.ofNanos((long) (bound.toNanos() * random));
  }

  /**
   * Returns how long the server asked the client to wait: {@code Retry-After} in seconds or as an
   * HTTP date, or else, on a 429, the end of the rate-limit window in {@code X-RateLimit-Reset}
   * (Unix seconds). Null when the answer says neither.
   */
  public static @Nullable Duration serverWait(Response response, Instant now) {
    Duration retryAfter = ErrorMapper.retryAfter(response.header("Retry-After"), now);
    if (retryAfter != null || response.code() != 429) {
      return retryAfter;
    }
    String reset = response.header("X-RateLimit-Reset");
    if (reset == null) {
      return null;
    }
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(reset.strip()));
      Duration untilReset = Duration.between(now, at);
      return untilReset.isNegative() ? Duration.ZERO : untilReset;
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * Decides what follows a failed attempt that may be retried.
   *
   * @param attempt the number of the attempt that failed, from 1
   * @param startNanos when the first attempt started, in {@link RetryTimer#nanoTime()} terms
   * @param deadlineNanos when the whole call must end, or {@link Long#MAX_VALUE} for never
   * @param serverWait the wait the server asked for, or null
   */
  Verdict next(int attempt, long startNanos, long deadlineNanos, @Nullable Duration serverWait) {
    if (attempt >= maxAttempts) {
      return Verdict.stop(maxAttempts == 1 ? "retries are off" : null);
    }
    Duration wait = serverWait != null ? serverWait : backoff(attempt, timer.random());
    long now = timer.nanoTime();
    Duration left = timeBudget.minusNanos(now - startNanos);
    if (wait.compareTo(left) > 0) {
      return Verdict.stop(
          serverWait != null
              ? "the server asked to wait "
                  + Durations.describe(serverWait)
                  + ", beyond the retry time budget of "
                  + Durations.describe(timeBudget)
              : "the retry time budget of " + Durations.describe(timeBudget) + " is spent");
    }
    if (deadlineNanos != Long.MAX_VALUE && now + wait.toNanos() >= deadlineNanos) {
      return Verdict.stop("the callTimeout would pass before the next attempt");
    }
    return Verdict.retryAfter(wait);
  }

  /** Either a wait before the next attempt, or the reason there is none. */
  static final class Verdict {
    final @Nullable Duration wait;
    final @Nullable String stopNote;

    private Verdict(@Nullable Duration wait, @Nullable String stopNote) {
      this.wait = wait;
      this.stopNote = stopNote;
    }

    static Verdict retryAfter(Duration wait) {
      return new Verdict(wait, null);
    }

    static Verdict stop(@Nullable String note) {
      return new Verdict(null, note);
    }
  }
}
