package com.coder.sdk.transport;

import static com.coder.sdk.transport.Fixtures.TOKEN;
import static com.coder.sdk.transport.Fixtures.orgs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.CoderAuth;
import com.coder.sdk.CoderClient;
import com.coder.sdk.internal.EnvironmentHeaders;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** CODER_HEADER is read as Coder's CLI reads it: comma-separated name=value fields, CSV quoting. */
class EnvironmentTest {
  @Test
  void sendsTheHeadersOfCoderHeaderWithTheToken() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(orgs());

      try (CoderClient client =
          CoderClient.builder()
              .fromEnvironment(
                  Map.of(
                      "CODER_URL",
                      server.url("/").toString(),
                      "CODER_SESSION_TOKEN",
                      TOKEN,
                      "CODER_HEADER",
                      "CF-Access-Client-Id=abc.access,\"X-Scope=a,b\",X-Empty=,"
                          + "Coder-Session-Token=x"))
              .build()) {
        client.organizations().list();
      }
      RecordedRequest request = server.takeRequest();
      assertThat(request.getHeaders().get("CF-Access-Client-Id")).isEqualTo("abc.access");
      assertThat(request.getHeaders().get("X-Scope")).isEqualTo("a,b");
      assertThat(request.getHeaders().get("X-Empty")).isEmpty();
      assertThat(request.getHeaders().values("Coder-Session-Token")).containsExactly(TOKEN);
    }
  }

  @Test
  void parsesFieldsAsTheCliDoes() {
    assertThat(EnvironmentHeaders.parse("A=1")).containsExactly(Map.entry("A", "1"));
    assertThat(EnvironmentHeaders.parse("A=x=y,\"B=say \"\"hi\"\"\""))
        .containsExactly(Map.entry("A", "x=y"), Map.entry("B", "say \"hi\""));
    assertThat(EnvironmentHeaders.parse("X-A=1,x-a=2,Cookie=a=1,cookie=b=2"))
        .containsExactly(Map.entry("X-A", "1, 2"), Map.entry("Cookie", "a=1; b=2"));
    assertThat(EnvironmentHeaders.parse("A=1\nB=2")).containsExactly(Map.entry("A", "1"));
  }

  @Test
  void malformedFieldsAreReportedWithoutTheirValues() {
    Map<String, String> base =
        Map.of("CODER_URL", "https://coder.example.com", "CODER_SESSION_TOKEN", TOKEN);

    assertThatThrownBy(() -> builderWith(base, "A=1,secret-without-equals"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("CODER_HEADER is not usable: field 2 is not name=value (it has no \"=\")");
    assertThatThrownBy(() -> builderWith(base, "A=1,"))
        .hasMessage("CODER_HEADER is not usable: field 2 is not name=value (it has no \"=\")");
    assertThatThrownBy(() -> builderWith(base, "X-Key=s3cr\u0001t"))
        .hasMessage(
            "CODER_HEADER is not usable: value of header X-Key has a character not allowed in HTTP"
                + " at index 4")
        .message()
        .doesNotContain("s3cr");
    assertThatThrownBy(() -> builderWith(base, "\"A=1"))
        .hasMessage("CODER_HEADER is not usable: field 1 opens a quote it does not close");
  }

  @Test
  void neitherTheTokenNorHeaderValuesArePrinted() {
    CoderClient.Builder builder =
        CoderClient.builder()
            .fromEnvironment(
                Map.of(
                    "CODER_URL", "https://coder.example.com",
                    "CODER_SESSION_TOKEN", TOKEN,
                    "CODER_HEADER", "X-Secret=hunter2"));

    try (CoderClient client = builder.build()) {
      assertThat(client.toString()).doesNotContain(TOKEN).doesNotContain("hunter2");
    }
    CoderAuth auth =
        CoderAuth.headers(Map.of("X-Secret", "hunter2")).and(CoderAuth.sessionToken(TOKEN));
    assertThat(auth.toString())
        .isEqualTo("CoderAuth[CoderAuth.headers([X-Secret]), CoderAuth.sessionToken(****)]");
  }

  private static CoderClient.Builder builderWith(Map<String, String> base, String header) {
    Map<String, String> variables = new java.util.HashMap<>(base);
    variables.put("CODER_HEADER", header);
    return CoderClient.builder().fromEnvironment(variables);
  }
}
