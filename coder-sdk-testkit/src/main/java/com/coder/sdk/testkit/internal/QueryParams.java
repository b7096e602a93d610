package com.coder.sdk.testkit.internal;

import com.coder.sdk.model.ValidationError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads query parameters with the rules of Coder's shared parser: values are gathered in one pass
 * and every problem becomes a validation; an empty value means the default; a single-value
 * parameter given twice is an error; list parameters take comma-separated values, repeated keys, or
 * both; and, when asked, parameters the handler does not read are rejected.
 */
public final class QueryParams {
  private final Map<String, List<String>> values;
  private final Set<String> read = new LinkedHashSet<>();
  private final List<ValidationError> errors = new ArrayList<>();

  private QueryParams(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Parses a raw (still encoded) query string as Go's {@code url.ParseQuery} does. */
  public static QueryParams parse(@Nullable String rawQuery) {
    return new QueryParams(decode(rawQuery));
  }

  /** Splits a raw query into keys and decoded values, keeping the order of first appearance. */
  public static Map<String, List<String>> decode(@Nullable String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return values;
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty() || pair.contains(";")) {
        // Go refuses semicolons as separators and drops such pairs.
        continue;
      }
      int equals = pair.indexOf('=');
      String key = unescape(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : unescape(pair.substring(equals + 1));
      if (key == null || value == null) {
        continue;
      }
      values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return values;
  }

  /** Returns the problems found so far. */
  public List<ValidationError> errors() {
    return errors;
  }

  /**
   * Reads a 32-bit integer of at least 0.
   *
   * @param fallback the value when the parameter is absent or empty
   */
  public int positiveInt32(String name, int fallback) {
    String raw = single(name);
    if (raw == null) {
      return fallback;
    }
    String problem;
    try {
      long value = parseGoInt(raw);
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        problem = "strconv.ParseInt: parsing " + GoText.quote(raw) + ": value out of range";
      } else if (value < 0) {
        problem = "value is negative";
      } else {
        return (int) value;
      }
    } catch (NumberFormatException e) {
      problem = "strconv.ParseInt: parsing " + GoText.quote(raw) + ": invalid syntax";
    }
    fail(
        name,
        "Query param "
            + GoText.quote(name)
            + " must be a valid 32-bit positive integer: "
            + problem);
    return fallback;
  }

  /** Reads a list of strings from comma-separated values and repeated keys. */
  public List<String> strings(String name) {
    List<String> terms = terms(name);
    return terms == null ? List.of() : terms;
  }

  /** Reads a list of UUIDs from comma-separated values and repeated keys. */
  public List<UUID> uuids(String name) {
    List<String> terms = terms(name);
    if (terms == null) {
      return List.of();
    }
    List<UUID> ids = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String term : terms) {
      try {
        ids.add(GoUuid.parse(term.strip()));
      } catch (GoUuid.InvalidUuidException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      fail(
          name,
          "Query param "
              + GoText.quote(name)
              + " has invalid values: "
              + String.join("\n", problems));
      return List.of();
    }
    return ids;
  }

  /** Reads one UUID; returns null when absent, empty or invalid. */
  public @Nullable UUID uuid(String name) {
    String raw = single(name);
    if (raw == null) {
      return null;
    }
    try {
      return GoUuid.parse(raw);
    } catch (GoUuid.InvalidUuidException e) {
      fail(name, "Query param " + GoText.quote(name) + " must be a valid uuid");
      return null;
    }
  }

  /**
   * Reads a JSON object of strings. Returns an empty map when absent, empty, {@code null} or
   * invalid.
   */
  public Map<String, String> jsonStringMap(String name) {
    String raw = single(name);
    if (raw == null) {
      return Map.of();
    }
    try {
      return JsonObjects.readStringMap(raw);
    } catch (JsonObjects.GoJsonException e) {
      fail(
          name,
          "Query param " + GoText.quote(name) + " must be a valid JSON object: " + e.getMessage());
      return Map.of();
    }
  }

  /**
   * Reads a boolean as Go's {@code strconv.ParseBool} does ({@code 1 t T TRUE true True} and their
   * opposites); returns null when absent, empty or invalid.
   */
  public @Nullable Boolean bool(String name) {
    String raw = single(name);
    if (raw == null) {
      return null;
    }
    switch (raw) {
      case "1":
      case "t":
      case "T":
      case "TRUE":
      case "true":
      case "True":
        return Boolean.TRUE;
      case "0":
      case "f":
      case "F":
      case "FALSE":
      case "false":
      case "False":
        return Boolean.FALSE;
      default:
        fail(
            name,
            "Query param "
                + GoText.quote(name)
                + " must be a valid boolean "
                + "(strconv.ParseBool: parsing "
                + GoText.quote(raw)
                + ": invalid syntax)");
        return null;
    }
  }

  /**
   * Reads a Go duration such as {@code 24h}, {@code 90m} or {@code 1h30m0.5s}; returns null when
   * absent, empty or invalid.
   */
  public @Nullable Duration duration(String name) {
    String raw = single(name);
    if (raw == null) {
      return null;
    }
    Duration parsed = GoText.parseDuration(raw);
    if (parsed == null) {
      fail(
          name,
          "Query param "
              + GoText.quote(name)
              + " must be a valid duration (e.g., '24h', "
              + "'30m', '1h30m'): time: invalid duration "
              + GoText.quote(raw));
    }
    return parsed;
  }

  /** Adds an error for every parameter that no reader asked for, in the order they were sent. */
  public void rejectUnread() {
    for (String name : values.keySet()) {
      if (!read.contains(name)) {
        fail(name, GoText.quote(name) + " is not a valid query param");
      }
    }
  }

  private @Nullable String single(String name) {
    read.add(name);
    List<String> given = values.get(name);
    if (given == null || given.get(0).isEmpty()) {
      // Go checks only the first value for emptiness: "limit=&limit=5" counts as absent.
      return null;
    }
    if (given.size() > 1) {
      fail(
          name,
          "Query param "
              + GoText.quote(name)
              + " provided more than once, found "
              + given.size()
              + " times. Only provide 1 instance of this query param.");
      return null;
    }
    return given.get(0);
  }

  private @Nullable List<String> terms(String name) {
    read.add(name);
    List<String> given = values.get(name);
    if (given == null || given.get(0).isEmpty()) {
      return null;
    }
    List<String> terms = new ArrayList<>();
    for (String value : given) {
      for (String term : value.split(",", -1)) {
        terms.add(term);
      }
    }
    return terms;
  }

  private void fail(String field, String detail) {
    errors.add(new ValidationError(field, detail));
  }

  /** Parses like Go's {@code strconv.ParseInt(s, 10, 64)}: optional sign, ASCII digits only. */
  private static long parseGoInt(String raw) {
    String digits = raw.startsWith("+") || raw.startsWith("-") ? raw.substring(1) : raw;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new NumberFormatException(raw);
    }
    try {
      return Long.parseLong(raw.startsWith("+") ? digits : raw);
    } catch (NumberFormatException outOfRange) {
      return raw.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Decodes {@code %XX} and {@code +} as Go's {@code url.QueryUnescape}; null if malformed. */
  private static @Nullable String unescape(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        out.write(' ');
      } else if (c == '%') {
        if (i + 2 >= text.length()) {
          return null;
        }
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        if (high < 0 || low < 0 || text.charAt(i + 1) > 0x7f || text.charAt(i + 2) > 0x7f) {
          return null;
        }
        out.write(high * 16 + low);
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
          bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
