package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A string value from a set that the server may extend: the constants this SDK knows, plus any
 * other string a newer server sends. Decoding never fails on a value it has not seen; the raw
 * string stays available through {@link #value()}.
 */
abstract class OpenValue {
  private final String value;
  private final boolean known;

  OpenValue(String value, boolean known) {
    this.value = value;
    this.known = known;
  }

  /** {@return the string exactly as it appears on the wire} */
  @JsonValue
  public final String value() {
    return value;
  }

  /**
   * {@return true if this value is one of the constants declared by this SDK version, false if it
   * came from a newer server (or was made with {@code of} from an unlisted string)}
   */
  public final boolean isKnown() {
    return known;
  }

  @Override
  public final boolean equals(Object other) {
    return other != null
        && other.getClass() == getClass()
        && ((OpenValue) other).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  @Override
  public final String toString() {
    return value;
  }

  /** Holds the known constants of one open value type and hands out instances. */
  static final class Registry<T extends OpenValue> {
    private final Map<String, T> known = new LinkedHashMap<>();
    private final BiFunction<String, Boolean, T> factory;

    Registry(BiFunction<String, Boolean, T> factory) {
      this.factory = factory;
    }

    T known(String value) {
      T constant = factory.apply(value, true);
      known.put(value, constant);
      return constant;
    }

    T of(String value) {
      Objects.requireNonNull(value, "value == null");
      T constant = known.get(value);
      return constant != null ? constant : factory.apply(value, false);
    }

    Collection<T> values() {
      return Collections.unmodifiableCollection(known.values());
    }
  }
}
