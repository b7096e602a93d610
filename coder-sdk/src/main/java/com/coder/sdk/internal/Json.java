package com.coder.sdk.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The JSON configuration shared by every call: lenient on input, exact on output. */
public final class Json {
  private static final ObjectMapper MAPPER = newMapper();

  private Json() {}

  /** Returns the shared mapper. It is thread-safe; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Returns a new mapper configured as the SDK's: fields this SDK does not know are ignored,
   * timestamps are RFC 3339 strings (decoded by a fast path for the form Coder writes), and a
   * second JSON value after the first is ignored (Coder sometimes writes two error objects into one
   * body).
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(FastScalars.module())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }

  /**
   * Returns a decoded JSON array as an unmodifiable list without its {@code null} elements, the way
   * the models treat their own lists; a {@code null} array is an empty list.
   */
  public static <T> List<T> withoutNulls(@Nullable List<T> values) {
    return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
  }
}
