package com.coder.sdk;

import com.coder.sdk.internal.RetryTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A timer whose clock moves only when the code under test waits. Waits complete at once unless the
 * test holds them.
 */
public final class FakeTimer implements RetryTimer {
  /** Every wait asked for, in order. */
  public final List<Duration> waits = new CopyOnWriteArrayList<>();

  /** What {@link #random()} answers; just below 1 by default, the longest jitter. */
  public volatile double random = 1.0 - 1e-9;

  /** Whether waits return {@link #held} instead of completing at once. */
  public volatile boolean hold;

  /** The future a held wait returns; the test completes or inspects it. */
  public volatile CompletableFuture<Void> held = new CompletableFuture<>();

  /** The wall-clock time before the first wait. */
  public final Instant start = Instant.parse("2030-01-01T00:00:00Z");

  private final AtomicLong elapsedNanos = new AtomicLong();

  @Override
  public long nanoTime() {
    return elapsedNanos.get();
  }

  @Override
  public Instant now() {
    return start.plusNanos(elapsedNanos.get());
  }

  @Override
  public double random() {
    return random;
  }

  @Override
  public CompletableFuture<Void> delay(Duration delay) {
    waits.add(delay);
    elapsedNanos.addAndGet(delay.toNanos());
    return hold ? held : CompletableFuture.completedFuture(null);
  }
}
