package com.coder.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written reading of {@code Content-Type} agrees with OkHttp's {@link MediaType}, and is
 * more lenient about white space before parameters.
 */
class ContentTypeTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON",
        "application/problem+json",
        "application/vnd.coder+JSON; charset=utf-8",
      })
  void jsonIsAccepted(String header) {
    assertThat(MediaType.parse(header)).isNotNull();
    assertThat(HttpPipeline.nonJsonType(header)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/html",
        "text/html; charset=utf-8",
        "TEXT/Plain",
        "application/octet-stream",
        "application/jsonp",
        "application/json-seq",
      })
  void otherTypesAreNamedInLowerCase(String header) {
    MediaType parsed = MediaType.get(header);

    assertThat(HttpPipeline.nonJsonType(header)).isEqualTo(parsed.type() + "/" + parsed.subtype());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "json", "/json", "text/", "text/html/x", "text /html", "a/b c"})
  void whatDoesNotParseIsLeftToTheDecoder(String header) {
    assertThat(MediaType.parse(header)).isNull();
    assertThat(HttpPipeline.nonJsonType(header)).isNull();
  }

  @Test
  void spaceBeforeParametersIsTolerated() {
    assertThat(HttpPipeline.nonJsonType("application/json ;charset=utf-8")).isNull();
    assertThat(HttpPipeline.nonJsonType("text/html ; charset=utf-8")).isEqualTo("text/html");
  }

  @Test
  void anAbsentHeaderIsLeftToTheDecoder() {
    assertThat(HttpPipeline.nonJsonType(null)).isNull();
  }
}
