package com.coder.sdk.internal;

import java.time.Duration;

/** Formats durations for messages the way people say them: {@code 250 ms}, {@code 30 s}. */
final class Durations {
  private Durations() {}

  static String describe(Duration duration) {
    if (duration.isZero()) {
      return "0 s";
    }
    if (duration.toMillis() < 1000) {
      return Math.max(1, duration.toMillis()) + " ms";
    }
    java.math.BigDecimal seconds =
        java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros();
    return seconds.toPlainString() + " s";
  }
}
