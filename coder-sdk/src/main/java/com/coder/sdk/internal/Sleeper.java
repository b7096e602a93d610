package com.coder.sdk.internal;

import java.time.Duration;

/** Waits between attempts; replaced in tests so that they do not wait for real. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps on the calling thread. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
