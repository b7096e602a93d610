package com.coder.sdk.testkit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Renders values the way Coder's Go server prints them in messages and JSON. */
public final class GoText {
  private GoText() {}

  /** Quotes a string as Go's {@code %q} verb does for printable text. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    value
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"':
                  out.append("\\\"");
                  break;
                case '\\':
                  out.append("\\\\");
                  break;
                case '\n':
                  out.append("\\n");
                  break;
                case '\r':
                  out.append("\\r");
                  break;
                case '\t':
                  out.append("\\t");
                  break;
                default:
                  if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                  } else if (!Character.isDefined(c) || Character.isISOControl(c)) {
                    out.append(String.format(c > 0xffff ? "\\U%08x" : "\\u%04x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
              }
            });
    return out.append('"').toString();
  }

  /** Returns the length of a string in UTF-8 bytes, the unit Go's {@code len} counts. */
  public static int byteLength(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Formats a timestamp as Go's RFC 3339 layout with nanoseconds: UTC with {@code Z}, and the
   * fraction without trailing zeros (left out when zero).
   */
  public static String timestamp(Instant instant) {
    LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    StringBuilder out =
        new StringBuilder(
            String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d",
                time.getYear(),
                time.getMonthValue(),
                time.getDayOfMonth(),
                time.getHour(),
                time.getMinute(),
                time.getSecond()));
    int nanos = time.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos).replaceFirst("0+$", "");
      out.append('.').append(fraction);
    }
    return out.append('Z').toString();
  }

  /** Cuts a timestamp to microseconds, the precision PostgreSQL stores. */
  public static Instant microseconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** Formats a duration as Go's {@code time.Duration.String()}, such as {@code 1h2m3.5s}. */
  public static String duration(Duration duration) {
    long nanos;
    try {
      nanos = duration.toNanos();
    } catch (ArithmeticException tooLong) {
      nanos = duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    if (nanos == 0) {
      return "0s";
    }
    boolean negative = nanos < 0;
    // Long.MIN_VALUE has no positive counterpart; work with unsigned arithmetic on the magnitude.
    long magnitude = negative ? -nanos : nanos;
    StringBuilder out = new StringBuilder();
    if (Long.compareUnsigned(magnitude, 1_000_000_000L) < 0) {
      if (magnitude < 1_000L) {
        out.append(magnitude).append("ns");
      } else if (magnitude < 1_000_000L) {
        out.append(fraction(magnitude, 1_000L)).append("µs");
      } else {
        out.append(fraction(magnitude, 1_000_000L)).append("ms");
      }
    } else {
      long seconds = Long.divideUnsigned(magnitude, 1_000_000_000L);
      long nano = Long.remainderUnsigned(magnitude, 1_000_000_000L);
      long hours = seconds / 3600;
      long minutes = (seconds % 3600) / 60;
      long secs = seconds % 60;
      if (hours > 0) {
        out.append(hours).append('h');
      }
      if (hours > 0 || minutes > 0) {
        out.append(minutes).append('m');
      }
      out.append(secs);
      if (nano != 0) {
        out.append('.').append(String.format("%09d", nano).replaceFirst("0+$", ""));
      }
      out.append('s');
    }
    return negative ? "-" + out : out.toString();
  }

  /**
   * Parses a duration as Go's {@code time.ParseDuration} does: an optional sign, then one or more
   * decimal numbers each with a unit ({@code ns us µs ms s m h}), or a bare {@code 0}. Returns null
   * when the text is not a duration.
   */
  public static @Nullable Duration parseDuration(String text) {
    String rest = text;
    boolean negative = false;
    if (rest.startsWith("-") || rest.startsWith("+")) {
      negative = rest.startsWith("-");
      rest = rest.substring(1);
    }
    if (rest.equals("0")) {
      return Duration.ZERO;
    }
    if (rest.isEmpty()) {
      return null;
    }
    Matcher term = DURATION_TERM.matcher(rest);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (at < rest.length()) {
      if (!term.find(at) || term.start() != at) {
        return null;
      }
      String number = term.group(1);
      if (number.isEmpty() || number.equals(".")) {
        return null;
      }
      Long unit = UNIT_NANOS.get(term.group(2));
      if (unit == null) {
        return null;
      }
      nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
      at = term.end();
    }
    long whole;
    try {
      whole = nanos.setScale(0, RoundingMode.DOWN).longValueExact();
    } catch (ArithmeticException overflow) {
      return null;
    }
    return negative ? Duration.ofNanos(-whole) : Duration.ofNanos(whole);
  }

  private static final Pattern DURATION_TERM =
      Pattern.compile("(\\d*\\.?\\d*)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");

  private static final Map<String, Long> UNIT_NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private static String fraction(long value, long unit) {
    long whole = value / unit;
    long rest = value % unit;
    if (rest == 0) {
      return Long.toString(whole);
    }
    int digits = Long.toString(unit).length() - 1;
    String padded = String.format("%0" + digits + "d", rest).replaceFirst("0+$", "");
    return whole + "." + padded;
  }
}
