package com.coder.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FastScalarsTest {
  private static Instant fast(String text) {
    return FastScalars.parseRfc3339(text.toCharArray(), 0, text.length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2022-05-17T17:39:01.382927298Z",
        "2022-05-17T17:39:01Z",
        "2022-05-17T17:39:01.3Z",
        "2022-05-17T17:39:01.38292Z",
        "0001-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999999999Z",
        "2024-02-29T12:00:00+05:30",
        "2000-02-29T00:00:00-08:00",
        "9999-12-31T23:59:59.000000001Z",
        "2025-03-01t10:00:00z"
      })
  void parsesWhatTheJdkParses(String text) {
    assertThat(fast(text)).isEqualTo(OffsetDateTime.parse(text.toUpperCase()).toInstant());
  }

  @Test
  void agreesWithTheJdkOnRandomInstants() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong() % 253_402_300_799L, random.nextInt(1_000_000_000));
      if (instant.getEpochSecond() < -62_135_596_800L) {
        continue;
      }
      String text = instant.toString();
      assertThat(fast(text)).as(text).isEqualTo(instant);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2022-05-17 17:39:01Z",
        "2022-13-17T17:39:01Z",
        "2023-02-29T00:00:00Z",
        "2022-05-17T24:00:00Z",
        "2022-05-17T23:59:60Z",
        "2022-05-17T17:39:01.Z",
        "2022-05-17T17:39:01.1234567891Z",
        "2022-05-17T17:39:01",
        "2022-05-17T17:39:01+0530",
        "2022-05-17T17:39:01+05:30:00",
        "+12022-05-17T17:39:01Z",
        "2022-05-17"
      })
  void leavesEverythingElseToJackson(String text) {
    assertThat(fast(text)).isNull();
  }

  @Test
  void decodesThroughTheMapperAndFallsBackForOtherForms() throws Exception {
    assertThat(Json.mapper().readValue("\"2022-05-17T17:39:01.382927298Z\"", Instant.class))
        .isEqualTo(Instant.parse("2022-05-17T17:39:01.382927298Z"));
    assertThat(Json.mapper().readValue("1652809141", Instant.class))
        .isEqualTo(Instant.ofEpochSecond(1652809141));
    assertThatThrownBy(() -> Json.mapper().readValue("\"yesterday\"", Instant.class))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void parsesUuidsAndFallsBackForInvalidOnes() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 1_000; i++) {
      UUID uuid = new UUID(random.nextLong(), random.nextLong());
      assertThat(Json.mapper().readValue("\"" + uuid + "\"", UUID.class)).isEqualTo(uuid);
      assertThat(Json.mapper().readValue("\"" + uuid.toString().toUpperCase() + "\"", UUID.class))
          .isEqualTo(uuid);
    }
    assertThat(FastScalars.parseUuid("7c60d51f-b44e-4682-87d6-449835ea4dzz".toCharArray(), 0))
        .isNull();
    assertThatThrownBy(
            () -> Json.mapper().readValue("\"7c60d51f-b44e-4682-87d6-449835ea4dzz\"", UUID.class))
        .isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> Json.mapper().readValue("\"not-a-uuid\"", UUID.class))
        .isInstanceOf(JacksonException.class);
  }
}
