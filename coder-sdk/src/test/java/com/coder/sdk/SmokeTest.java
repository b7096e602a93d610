package com.coder.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.model.ProvisionerJobStatus;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void listsJobsAndMapsErrors() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(
          new MockResponse.Builder()
              .setHeader("Content-Type", "application/json; charset=utf-8")
              .body(
                  "[{\"id\":\"5e0c6a43-4d4b-4c2a-9f56-0a1f4f1f2b11\",\"created_at\":\"2025-01-02T03:04:05.123456789Z\","
                      + "\"status\":\"brand_new\",\"file_id\":\"5e0c6a43-4d4b-4c2a-9f56-0a1f4f1f2b12\","
                      + "\"tags\":{\"scope\":\"organization\"},\"queue_position\":1,\"queue_size\":2,"
                      + "\"organization_id\":\"5e0c6a43-4d4b-4c2a-9f56-0a1f4f1f2b13\",\"input\":{},"
                      + "\"type\":\"workspace_build\",\"extra\":true}]\n")
              .build());
      server.enqueue(
          new MockResponse.Builder()
              .code(404)
              .setHeader("Content-Type", "application/json")
              .body("{\"message\":\"Resource not found\"}{\"message\":\"second\"}")
              .build());

      try (CoderClient client =
          CoderClient.builder()
              .baseUrl(server.url("/").toString())
              .sessionToken("abc-def")
              .build()) {
        var jobs =
            client
                .provisionerJobs()
                .list(
                    "a/b?",
                    ProvisionerJobFilter.builder()
                        .status(ProvisionerJobStatus.PENDING, ProvisionerJobStatus.RUNNING)
                        .tag("scope", "organization")
                        .build());
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).status().isKnown()).isFalse();
        assertThat(jobs.get(0).status().value()).isEqualTo("brand_new");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath())
            .isEqualTo("/api/v2/organizations/a%2Fb%3F/provisionerjobs");
        assertThat(request.getUrl().queryParameter("status")).isEqualTo("pending,running");
        assertThat(request.getUrl().queryParameter("tags"))
            .isEqualTo("{\"scope\":\"organization\"}");
        assertThat(request.getHeaders().get("Coder-Session-Token")).isEqualTo("abc-def");

        assertThatThrownBy(() -> client.organizations().get("nope"))
            .isInstanceOf(NotFoundException.class)
            .hasMessageContaining("Resource not found");
      }
    }
  }
}
