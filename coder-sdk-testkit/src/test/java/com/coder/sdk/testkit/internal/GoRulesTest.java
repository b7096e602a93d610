package com.coder.sdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.model.ValidationError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GoRulesTest {
  @Test
  void durationsPrintLikeGo() {
    assertThat(GoText.duration(Duration.ZERO)).isEqualTo("0s");
    assertThat(GoText.duration(Duration.ofNanos(1500))).isEqualTo("1.5µs");
    assertThat(GoText.duration(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(GoText.duration(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(GoText.duration(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(GoText.duration(Duration.ofHours(2))).isEqualTo("2h0m0s");
    assertThat(GoText.duration(Duration.ofSeconds(-61))).isEqualTo("-1m1s");
    assertThat(GoText.duration(Duration.ofDays(400_000_000))).isEqualTo("2562047h47m16.854775807s");
  }

  @Test
  void durationsParseLikeGo() {
    assertThat(GoText.parseDuration("0")).isEqualTo(Duration.ZERO);
    assertThat(GoText.parseDuration("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(GoText.parseDuration("1h30m0.5s")).isEqualTo(Duration.ofMinutes(90).plusMillis(500));
    assertThat(GoText.parseDuration("-1.5m")).isEqualTo(Duration.ofSeconds(-90));
    assertThat(GoText.parseDuration("300ms")).isEqualTo(Duration.ofMillis(300));
    assertThat(GoText.parseDuration("2µs")).isEqualTo(Duration.ofNanos(2000));
    assertThat(GoText.parseDuration("1us5ns")).isEqualTo(Duration.ofNanos(1005));
    for (String bad : List.of("", "5", "h", "1d", ".s", "1h 2m", "soon", "-")) {
      assertThat(GoText.parseDuration(bad)).as(bad).isNull();
    }
  }

  @Test
  void booleansParseLikeGo() {
    QueryParams query = QueryParams.parse("a=T&b=0&c=yes&d=");

    assertThat(query.bool("a")).isTrue();
    assertThat(query.bool("b")).isFalse();
    assertThat(query.bool("c")).isNull();
    assertThat(query.bool("d")).isNull();
    assertThat(query.errors())
        .containsExactly(
            new ValidationError(
                "c",
                "Query param \"c\" must be a valid boolean "
                    + "(strconv.ParseBool: parsing \"yes\": invalid syntax)"));
  }

  @Test
  void featuresGetCodersHumanNames() {
    assertThat(EntitlementsCalculator.humanize("template_rbac")).isEqualTo("Template RBAC");
    assertThat(EntitlementsCalculator.humanize("scim")).isEqualTo("SCIM");
    assertThat(EntitlementsCalculator.humanize("external_provisioner_daemons"))
        .isEqualTo("External Provisioner Daemons");
    assertThat(EntitlementsCalculator.humanize("multiple_organizations"))
        .isEqualTo("Multiple Organizations");
  }

  @Test
  void timestampsPrintLikeGo() {
    assertThat(GoText.timestamp(Instant.parse("2025-01-02T03:04:05Z")))
        .isEqualTo("2025-01-02T03:04:05Z");
    assertThat(GoText.timestamp(Instant.parse("2025-01-02T03:04:05.120Z")))
        .isEqualTo("2025-01-02T03:04:05.12Z");
    assertThat(GoText.microseconds(Instant.parse("2025-01-02T03:04:05.123456789Z")))
        .isEqualTo(Instant.parse("2025-01-02T03:04:05.123456Z"));
  }

  @Test
  void quotingEscapesLikeGo() {
    assertThat(GoText.quote("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\x01\"");
    assertThat(GoText.quote("naïve")).isEqualTo("\"naïve\"");
  }

  @Test
  void uuidsParseInEveryFormGoAccepts() {
    UUID id = UUID.fromString("5e0c6a43-4d4b-4c2a-9f56-0a1f4f1f2b11");

    assertThat(GoUuid.parse(id.toString())).isEqualTo(id);
    assertThat(GoUuid.parse(id.toString().toUpperCase())).isEqualTo(id);
    assertThat(GoUuid.parse(id.toString().replace("-", ""))).isEqualTo(id);
    assertThat(GoUuid.parse("{" + id + "}")).isEqualTo(id);
    assertThat(GoUuid.parse("urn:uuid:" + id)).isEqualTo(id);
    assertThatThrownBy(() -> GoUuid.parse("abc")).hasMessage("invalid UUID length: 3");
    assertThatThrownBy(() -> GoUuid.parse(id.toString().replace('-', '_')))
        .hasMessage("invalid UUID format");
    assertThatThrownBy(() -> GoUuid.parse(id.toString().replace('e', '٣')))
        .hasMessage("invalid UUID format");
    assertThatThrownBy(() -> GoUuid.parse("urn:uuix:" + id))
        .hasMessage("invalid urn prefix: \"urn:uuix:\"");
  }

  @Test
  void queryDecodingFollowsGo() {
    Map<String, List<String>> values =
        QueryParams.decode("a=1&a=2&b=x+y%2Bz&c&bad=%zz&semi=1;2&=empty");

    assertThat(values)
        .containsEntry("a", List.of("1", "2"))
        .containsEntry("b", List.of("x y+z"))
        .containsEntry("c", List.of(""))
        .containsEntry("", List.of("empty"))
        .doesNotContainKeys("bad", "semi");
  }

  @Test
  void onlyTheFirstValueDecidesWhetherAParameterIsEmpty() {
    QueryParams emptyFirst = QueryParams.parse("limit=&limit=5");
    QueryParams emptySecond = QueryParams.parse("limit=5&limit=");

    assertThat(emptyFirst.positiveInt32("limit", 50)).isEqualTo(50);
    assertThat(emptyFirst.errors()).isEmpty();
    assertThat(emptySecond.positiveInt32("limit", 50)).isEqualTo(50);
    assertThat(emptySecond.errors())
        .extracting(ValidationError::detail)
        .containsExactly(
            "Query param \"limit\" provided more than once, found 2 times. Only "
                + "provide 1 instance of this query param.");
  }

  @Test
  void integersAreCheckedLikeStrconv() {
    QueryParams query = QueryParams.parse("a=x1&b=99999999999&c=%2B7&d=1.5");

    assertThat(query.positiveInt32("c", 0)).isEqualTo(7);
    query.positiveInt32("a", 0);
    query.positiveInt32("b", 0);
    query.positiveInt32("d", 0);
    assertThat(query.errors())
        .extracting(ValidationError::detail)
        .containsExactly(
            "Query param \"a\" must be a valid 32-bit positive integer: strconv.ParseInt: parsing "
                + "\"x1\": invalid syntax",
            "Query param \"b\" must be a valid 32-bit positive integer: strconv.ParseInt: parsing "
                + "\"99999999999\": value out of range",
            "Query param \"d\" must be a valid 32-bit positive integer: strconv.ParseInt: parsing "
                + "\"1.5\": invalid syntax");
  }

  @Test
  void listsMergeCommasAndRepeatsAndReportEveryBadUuid() {
    UUID id = UUID.randomUUID();
    QueryParams query =
        QueryParams.parse("status=pending,running&status=failed&ids=" + id + ",x&ids=yy&z=1");

    assertThat(query.strings("status")).containsExactly("pending", "running", "failed");
    assertThat(query.uuids("ids")).isEmpty();
    query.rejectUnread();
    assertThat(query.errors())
        .containsExactly(
            new ValidationError(
                "ids",
                "Query param \"ids\" has invalid values: invalid UUID length: 1\n"
                    + "invalid UUID length: 2"),
            new ValidationError("z", "\"z\" is not a valid query param"));
  }

  @Test
  void tagsMustBeAJsonObjectOfStrings() throws Exception {
    assertThat(JsonObjects.readStringMap("{\"a\":\"b\",\"n\":null} trailing"))
        .isEqualTo(Map.of("a", "b", "n", ""));
    assertThat(JsonObjects.readStringMap("null")).isEmpty();
    assertThatThrownBy(() -> JsonObjects.readStringMap("{\"a\":1}"))
        .hasMessage("json: cannot unmarshal number into Go value of type string");
    assertThatThrownBy(() -> JsonObjects.readStringMap("")).hasMessage("EOF");
    assertThatThrownBy(() -> JsonObjects.readStringMap("{\"a\":")).hasMessage("unexpected EOF");
    assertThatThrownBy(() -> JsonObjects.readStringMap("x"))
        .hasMessage("invalid character 'x' looking for beginning of value");
  }

  @Test
  void structFieldsMatchIgnoringCaseAndCheckTypes() throws Exception {
    JsonObjects.Struct body =
        JsonObjects.struct("{\"NAME\":\"x\",\"icon\":null,\"roles\":[\"a\"],\"bad\":5}", "pkg.Req");

    assertThat(body.string("name")).isEqualTo("x");
    assertThat(body.nullableString("icon")).isNull();
    assertThat(body.nullableStrings("roles")).containsExactly("a");
    assertThatThrownBy(() -> body.string("bad"))
        .hasMessage("json: cannot unmarshal number into Go struct field Req.bad of type string");
    assertThatThrownBy(() -> JsonObjects.struct("[]", "pkg.Req"))
        .hasMessage("json: cannot unmarshal array into Go value of type pkg.Req");
  }

  @Test
  void namesFollowCodersValidators() {
    assertThat(Names.isValidName("Data-Platform-2")).isTrue();
    assertThat(Names.isValidName("a".repeat(32))).isTrue();
    assertThat(Names.isValidName("a".repeat(33))).isFalse();
    assertThat(Names.isValidName("é")).isFalse();
    assertThat(Names.isValidDisplayName("Data\tPlatform")).isTrue();
    assertThat(Names.isValidDisplayName("x".repeat(64))).isTrue();
    assertThat(Names.isValidDisplayName("ü".repeat(33))).isFalse();
    assertThat(Names.isValidDisplayName("two\nlines")).isFalse();
    assertThat(Names.isValidDisplayName("\u000Bvertical tab")).isTrue();
  }
}
