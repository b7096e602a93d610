package com.coder.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Runs the SDK and an example as named modules in a separate JVM, the way a modular application
 * would: the module descriptors must export, open and require the right things for a real call to
 * work. The unit tests run on the class path, where none of this is checked.
 */
class ModulePathTest {
  private static final String ORG = "6c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
  private static final String JOB = "5e0c6a43-4d4b-4c2a-9f56-0a1f4f1f2b11";

  @Test
  void sdkModuleExportsOnlyItsApi() throws Exception {
    Result result = java(Map.of(), "--describe-module", "com.coder.sdk");

    assertThat(result.exitCode()).as(result.output()).isZero();
    List<String> lines = result.output().lines().map(ModulePathTest::withSortedModifiers).toList();
    assertThat(lines.get(0)).startsWith("com.coder.sdk@");
    // The whole descriptor: an added export or a missing opens fails here, not in a user's app.
    assertThat(lines.subList(1, lines.size()))
        .containsExactlyInAnyOrder(
            "exports com.coder.sdk",
            "exports com.coder.sdk.model",
            "qualified exports com.coder.sdk.internal to com.coder.sdk.testkit",
            "qualified opens com.coder.sdk.model to com.fasterxml.jackson.databind",
            "requires okhttp3 transitive",
            "requires com.fasterxml.jackson.annotation",
            "requires com.fasterxml.jackson.databind",
            "requires com.fasterxml.jackson.datatype.jsr310",
            "requires org.jspecify static transitive",
            "requires java.base mandated");
  }

  @Test
  void queueReportRunsOnTheModulePath() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      enqueueJson(
          server,
          "[{\"id\":\""
              + ORG
              + "\",\"name\":\"data-platform\",\"display_name\":\"Data Platform\","
              + "\"description\":\"\",\"icon\":\"\",\"created_at\":\"2025-01-01T00:00:00Z\","
              + "\"updated_at\":\"2025-01-01T00:00:00Z\",\"is_default\":true}]");
      enqueueJson(
          server,
          "[{\"id\":\""
              + JOB
              + "\",\"created_at\":\"2025-01-02T03:04:05Z\",\"status\":\"pending\","
              + "\"file_id\":\"5e0c6a43-4d4b-4c2a-9f56-0a1f4f1f2b12\","
              + "\"tags\":{\"scope\":\"organization\"},\"queue_position\":1,\"queue_size\":1,"
              + "\"organization_id\":\""
              + ORG
              + "\",\"input\":{},\"type\":\"template_version_import\"}]");
      enqueueJson(
          server,
          "[{\"id\":\"9d2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\",\"organization_id\":\""
              + ORG
              + "\",\"key_id\":\"00000000-0000-0000-0000-000000000001\","
              + "\"created_at\":\"2025-01-01T00:00:00Z\",\"last_seen_at\":null,"
              + "\"name\":\"builder-1\",\"version\":\"v2.24.1\",\"api_version\":\"1.7\","
              + "\"provisioners\":[\"terraform\"],\"tags\":{\"scope\":\"organization\"},"
              + "\"status\":\"idle\",\"current_job\":null,\"previous_job\":null}]");

      Result result =
          java(
              Map.of(
                  "CODER_URL", server.url("/").toString(), "CODER_SESSION_TOKEN", "module-token"),
              "-m",
              "com.coder.sdk.examples/com.coder.sdk.examples.ProvisionerQueueReport");

      assertThat(result.exitCode()).as(result.output()).isZero();
      assertThat(result.output())
          .contains("Coder deployment " + server.url("/"))
          .contains("data-platform", "Data Platform")
          .contains("builder-1", "idle")
          .contains("pending", "template_version_import", "1 of 1", JOB.substring(0, 8))
          .doesNotContain("module-token");

      RecordedRequest organizations = server.takeRequest();
      assertThat(organizations.getMethod()).isEqualTo("GET");
      assertThat(organizations.getTarget()).isEqualTo("/api/v2/organizations");
      assertThat(organizations.getHeaders().get("Coder-Session-Token")).isEqualTo("module-token");

      RecordedRequest jobs = server.takeRequest();
      assertThat(jobs.getMethod()).isEqualTo("GET");
      assertThat(jobs.getTarget())
          .isEqualTo("/api/v2/organizations/" + ORG + "/provisionerjobs?limit=100");
      assertThat(jobs.getHeaders().get("Coder-Session-Token")).isEqualTo("module-token");

      RecordedRequest daemons = server.takeRequest();
      assertThat(daemons.getMethod()).isEqualTo("GET");
      assertThat(daemons.getTarget())
          .isEqualTo("/api/v2/organizations/" + ORG + "/provisionerdaemons?offline=true");
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  /** The JVM prints the modifiers of a {@code requires} line in no fixed order; sort them. */
  private static String withSortedModifiers(String line) {
    List<String> words = new ArrayList<>(List.of(line.strip().split(" ")));
    if (words.get(0).equals("requires") && words.size() > 3) {
      Collections.sort(words.subList(2, words.size()));
    }
    return String.join(" ", words);
  }

  private static void enqueueJson(MockWebServer server, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  /** Runs {@code java --module-path <the examples' run-time path> args...} and waits for it. */
  private static Result java(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    String modulePath = System.getProperty("coder.examples.modulePath");
    assertThat(modulePath)
        .as("coder.examples.modulePath is set by the Maven build; run this test through ./mvnw")
        .isNotBlank();

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--module-path");
    command.add(modulePath);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("CODER_URL");
    builder.environment().remove("CODER_SESSION_TOKEN");
    builder.environment().putAll(environment);

    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("java did not exit within 60 s; output so far:\n" + output);
    }
    return new Result(process.exitValue(), output);
  }

  private record Result(int exitCode, String output) {}
}
