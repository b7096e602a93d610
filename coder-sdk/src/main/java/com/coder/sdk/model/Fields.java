package com.coder.sdk.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Normalises record components: collections become unmodifiable and never null. */
final class Fields {
  private Fields() {}

  /** Fails with a message naming the JSON field when a value the server always sends is missing. */
  static <T> T required(@Nullable T value, String jsonName) {
    if (value == null) {
      throw new IllegalArgumentException("\"" + jsonName + "\" is missing");
    }
    return value;
  }

  /** Returns {@code ""} for a string that older servers may leave out. */
  static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  /** Returns an unmodifiable copy that keeps order; null becomes an empty list. */
  static <T> List<T> list(@Nullable List<? extends @Nullable T> values) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(values.size());
    for (T value : values) {
      if (value != null) {
        copy.add(value);
      }
    }
    return Collections.unmodifiableList(copy);
  }

  /** Returns an unmodifiable copy that keeps order; null becomes an empty map. */
  static <V> Map<String, V> map(@Nullable Map<String, ? extends @Nullable V> values) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    Map<String, V> copy = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (key != null && value != null) {
            copy.put(key, value);
          }
        });
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Returns an unmodifiable copy of free-form JSON, such as license claims, with nested maps and
   * lists copied and frozen too; null becomes an empty map, and null values are dropped.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> deepMap(@Nullable Map<String, ? extends @Nullable Object> values) {
    return values == null ? Map.of() : (Map<String, Object>) frozen(values);
  }

  private static Object frozen(Object value) {
    if (value instanceof Map<?, ?>) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) value)
          .forEach(
              (key, item) -> {
                if (key != null && item != null) {
                  copy.put(key.toString(), frozen(item));
                }
              });
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?>) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<?>) value) {
        if (item != null) {
          copy.add(frozen(item));
        }
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
