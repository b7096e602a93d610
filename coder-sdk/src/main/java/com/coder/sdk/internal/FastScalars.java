package com.coder.sdk.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.UUIDDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Decoders for the two scalar types that dominate Coder's JSON: RFC 3339 timestamps and UUIDs. They
 * read the parser's character buffer directly instead of making a String and, for timestamps,
 * running a {@code DateTimeFormatter}, which is most of the cost of decoding a provisioner job.
 * Anything they do not recognise goes to Jackson's own decoders, so errors and unusual forms behave
 * exactly as before.
 */
final class FastScalars {
  private FastScalars() {}

  /** Returns a module that installs both decoders; register it after the JSR-310 module. */
  static SimpleModule module() {
    SimpleModule module = new SimpleModule("coder-fast-scalars");
    module.addDeserializer(Instant.class, new InstantFromText());
    module.addDeserializer(UUID.class, new UuidFromText());
    return module;
  }

  private static final class InstantFromText extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    InstantFromText() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.hasToken(JsonToken.VALUE_STRING)) {
        Instant parsed =
            parseRfc3339(
                parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (parsed != null) {
          return parsed;
        }
      }
      return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
  }

  private static final class UuidFromText extends StdScalarDeserializer<UUID> {
    private static final long serialVersionUID = 1L;
    private static final UUIDDeserializer FALLBACK = new UUIDDeserializer();

    UuidFromText() {
      super(UUID.class);
    }

    @Override
    public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.hasToken(JsonToken.VALUE_STRING) && parser.getTextLength() == 36) {
        UUID parsed = parseUuid(parser.getTextCharacters(), parser.getTextOffset());
        if (parsed != null) {
          return parsed;
        }
      }
      return FALLBACK.deserialize(parser, context);
    }
  }

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)} with 1 to 9 fraction digits, the form
   * Coder writes; returns null for anything else, including leap seconds, so that the caller can
   * fall back to the general parser.
   */
  static @Nullable Instant parseRfc3339(char[] text, int offset, int length) {
    if (length < 20) {
      return null;
    }
    int end = offset + length;
    int year = digits(text, offset, 4);
    int month = digits(text, offset + 5, 2);
    int day = digits(text, offset + 8, 2);
    int hour = digits(text, offset + 11, 2);
    int minute = digits(text, offset + 14, 2);
    int second = digits(text, offset + 17, 2);
    char separator = text[offset + 10];
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || text[offset + 4] != '-'
        || text[offset + 7] != '-'
        || (separator != 'T' && separator != 't')
        || text[offset + 13] != ':'
        || text[offset + 16] != ':'
        || day > daysInMonth(year, month)) {
      return null;
    }

    int position = offset + 19;
    int nanos = 0;
    if (text[position] == '.') {
      position++;
      int fractionStart = position;
      while (position < end && position - fractionStart < 9 && isDigit(text[position])) {
        nanos = nanos * 10 + (text[position] - '0');
        position++;
      }
      int fractionDigits = position - fractionStart;
      if (fractionDigits == 0 || (position < end && isDigit(text[position]))) {
        return null;
      }
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }

    int offsetSeconds;
    if (position == end - 1 && (text[position] == 'Z' || text[position] == 'z')) {
      offsetSeconds = 0;
    } else if (position == end - 6
        && (text[position] == '+' || text[position] == '-')
        && text[position + 3] == ':') {
      int offsetHours = digits(text, position + 1, 2);
      int offsetMinutes = digits(text, position + 4, 2);
      if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
        return null;
      }
      offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text[position] == '-' ? -1 : 1);
    } else {
      return null;
    }

    long epochSecond =
        epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** Parses a canonical UUID (hex in 8-4-4-4-12 groups); returns null for anything else. */
  static @Nullable UUID parseUuid(char[] text, int offset) {
    if (text[offset + 8] != '-'
        || text[offset + 13] != '-'
        || text[offset + 18] != '-'
        || text[offset + 23] != '-') {
      return null;
    }
    long high = 0;
    long low = 0;
    for (int i = 0; i < 36; i++) {
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        continue;
      }
      int nibble = Character.digit(text[offset + i], 16);
      if (nibble < 0) {
        return null;
      }
      if (i < 19) {
        high = (high << 4) | nibble;
      } else {
        low = (low << 4) | nibble;
      }
    }
    return new UUID(high, low);
  }

  private static int digits(char[] text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text[i];
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int daysInMonth(int year, int month) {
    if (month == 2) {
      boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /** Days from 1970-01-01 to the given proleptic Gregorian date. */
  private static long epochDay(int year, int month, int day) {
    // Count from March so that the leap day falls at the end of the counted year.
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }
}
