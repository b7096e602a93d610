package com.coder.sdk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The clock, randomness and waiting that retries use, in one seam so that tests can replace them
 * and run without sleeping.
 */
public interface RetryTimer {
  /** Returns a monotonic time in nanoseconds, for measuring the retry budget. */
  long nanoTime();

  /** Returns the wall-clock time, for server hints given as dates. */
  Instant now();

  /** Returns a random number from 0 (inclusive) to 1 (exclusive), for jitter. */
  double random();

  /**
   * Returns a future that completes once {@code delay} has passed. It never blocks the caller; a
   * synchronous call waits on the future, an asynchronous one chains its next attempt to it.
   */
  CompletableFuture<Void> delay(Duration delay);

  /** Returns the timer of the running JVM: real time and a shared JDK timer thread. */
  static RetryTimer system() {
    return SystemTimer.INSTANCE;
  }

  /** The real timer. Waits run on the JDK's shared delay thread, which nothing has to shut down. */
  final class SystemTimer implements RetryTimer {
    static final SystemTimer INSTANCE = new SystemTimer();

    private SystemTimer() {}

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public double random() {
      return ThreadLocalRandom.current().nextDouble();
    }

    @Override
    public CompletableFuture<Void> delay(Duration delay) {
      // The direct executor runs the completion on the timer thread; what is chained to it only
      // enqueues the next attempt, which does not block.
      long nanos = delay.toNanos();
      return CompletableFuture.runAsync(
          () -> {}, CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, Runnable::run));
    }
  }
}
