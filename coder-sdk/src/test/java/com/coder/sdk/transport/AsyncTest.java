package com.coder.sdk.transport;

import static com.coder.sdk.transport.Fixtures.ORG_ID;
import static com.coder.sdk.transport.Fixtures.ORG_JSON;
import static com.coder.sdk.transport.Fixtures.TOKEN;
import static com.coder.sdk.transport.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.CoderClient;
import com.coder.sdk.NotFoundException;
import com.coder.sdk.Organizations;
import com.coder.sdk.ProvisionerJobFilter;
import com.coder.sdk.ProvisionerJobs;
import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.UpdateOrganizationRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsyncTest {
  private static final UUID ORG = UUID.fromString(ORG_ID);
  private static final UUID JOB = UUID.fromString("6f0c6a43-4d4b-4c2a-9f56-0a1f4f1f2b99");
  private static final String JOB_JSON =
      "{\"id\":\""
          + JOB
          + "\",\"created_at\":\"2025-01-02T03:04:05Z\",\"status\":\"pending\","
          + "\"file_id\":\""
          + JOB
          + "\",\"tags\":{},\"queue_position\":1,\"queue_size\":1,"
          + "\"organization_id\":\""
          + ORG
          + "\",\"input\":{},\"type\":\"workspace_build\"}";
  private static final String LICENSE_JSON =
      "{\"id\":7,\"uuid\":\""
          + JOB
          + "\",\"uploaded_at\":\"2025-01-02T03:04:05Z\","
          + "\"claims\":{}}";

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient okHttp = new OkHttpClient();
  private CoderClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client =
        CoderClient.builder()
            .baseUrl(server.url("/").toString())
            .sessionToken(TOKEN)
            .okHttpClient(okHttp)
            .retryPolicy(Fixtures.FAST)
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    okHttp.dispatcher().executorService().shutdown();
  }

  @Test
  void everyCallHasAnAsyncSiblingThatSendsTheSameRequest() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            if (path.endsWith("/provisionerjobs")) {
              return json(200, "[" + JOB_JSON + "]");
            } else if (path.contains("/provisionerjobs/")) {
              return json(200, JOB_JSON);
            } else if (path.equals("/api/v2/licenses")) {
              return json(201, LICENSE_JSON);
            } else if (path.endsWith("/refresh-entitlements")) {
              return json(200, "{\"message\":\"Entitlements updated\"}");
            } else if (request.getMethod().equals("DELETE")) {
              return json(200, "{\"message\":\"Organization has been deleted\"}");
            } else if (path.equals("/api/v2/organizations") && request.getMethod().equals("GET")) {
              return json(200, "[" + ORG_JSON + "]");
            }
            return json(200, ORG_JSON);
          }
        });
    Organizations orgs = client.organizations();
    ProvisionerJobs jobs = client.provisionerJobs();
    ProvisionerJobFilter filter = ProvisionerJobFilter.builder().limit(5).build();
    UpdateOrganizationRequest update = UpdateOrganizationRequest.builder().description("x").build();

    assertThat(orgs.listAsync().get(5, TimeUnit.SECONDS))
        .extracting(Organization::id)
        .containsExactly(ORG);
    assertThat(orgs.getAsync("data").get(5, TimeUnit.SECONDS).name()).isEqualTo("data");
    assertThat(orgs.getAsync(ORG).get(5, TimeUnit.SECONDS).id()).isEqualTo(ORG);
    assertThat(orgs.createAsync(CreateOrganizationRequest.builder("data").build()).get().id())
        .isEqualTo(ORG);
    assertThat(orgs.updateAsync("data", update).get().id()).isEqualTo(ORG);
    assertThat(orgs.updateAsync(ORG, update).get().id()).isEqualTo(ORG);
    assertThat(orgs.deleteAsync("data").get().message()).isEqualTo("Organization has been deleted");
    assertThat(orgs.deleteAsync(ORG).get().message()).isEqualTo("Organization has been deleted");
    assertThat(client.licenses().addAsync("eyJhbGciOi.eyJzdWIiOi.c2ln\n").get().id()).isEqualTo(7);
    assertThat(client.licenses().refreshEntitlementsAsync().get().message())
        .isEqualTo("Entitlements updated");
    assertThat(jobs.listAsync("default", filter).get())
        .extracting(j -> j.id())
        .containsExactly(JOB);
    assertThat(jobs.listAsync(ORG, filter).get()).hasSize(1);
    assertThat(jobs.listAsync("default").get()).hasSize(1);
    assertThat(jobs.listAsync(ORG).get()).hasSize(1);
    assertThat(jobs.getAsync("default", JOB).get().id()).isEqualTo(JOB);
    assertThat(jobs.getAsync(ORG, JOB).get().id()).isEqualTo(JOB);

    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      RecordedRequest request = server.takeRequest();
      assertThat(request.getHeaders().get("Coder-Session-Token")).isEqualTo(TOKEN);
      String body = request.getBody() == null ? "" : request.getBody().utf8();
      sent.add(request.getMethod() + " " + request.getTarget() + " " + body);
    }
    assertThat(sent)
        .containsExactly(
            "GET /api/v2/organizations ",
            "GET /api/v2/organizations/data ",
            "GET /api/v2/organizations/" + ORG + " ",
            "POST /api/v2/organizations {\"name\":\"data\"}",
            "PATCH /api/v2/organizations/data {\"description\":\"x\"}",
            "PATCH /api/v2/organizations/" + ORG + " {\"description\":\"x\"}",
            "DELETE /api/v2/organizations/data ",
            "DELETE /api/v2/organizations/" + ORG + " ",
            "POST /api/v2/licenses {\"license\":\"eyJhbGciOi.eyJzdWIiOi.c2ln\"}",
            "POST /api/v2/licenses/refresh-entitlements ",
            "GET /api/v2/organizations/default/provisionerjobs?limit=5 ",
            "GET /api/v2/organizations/" + ORG + "/provisionerjobs?limit=5 ",
            "GET /api/v2/organizations/default/provisionerjobs ",
            "GET /api/v2/organizations/" + ORG + "/provisionerjobs ",
            "GET /api/v2/organizations/default/provisionerjobs/" + JOB + " ",
            "GET /api/v2/organizations/" + ORG + "/provisionerjobs/" + JOB + " ");
  }

  @Test
  void aFailedCallFailsTheFutureWithTheSdksException() {
    server.enqueue(json(404, "{\"message\":\"Resource not found\"}"));

    CompletableFuture<Organization> future = client.organizations().getAsync("nope");

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(NotFoundException.class)
        .hasMessage("GET /api/v2/organizations/nope failed with 404: Resource not found");
  }

  @Test
  void badArgumentsThrowAtOnce() {
    assertThatThrownBy(() -> client.organizations().getAsync(".."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.licenses().addAsync(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void cancellingTheFutureCancelsTheHttpCall() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    CompletableFuture<List<Organization>> future = client.organizations().listAsync();
    server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(okHttp.dispatcher().runningCallsCount()).isEqualTo(1);

    assertThat(future.cancel(true)).isTrue();

    Fixtures.await(() -> okHttp.dispatcher().runningCallsCount() == 0, "the call is cancelled");
    assertThat(future).isCancelled();
  }

  @Test
  void theFutureCompletesOffTheDispatcherSlotOfItsCall() throws Exception {
    // A dependent stage that waits for another call to the same host must not deadlock when every
    // per-host slot of the dispatcher is in use.
    okHttp.dispatcher().setMaxRequestsPerHost(1);
    server.enqueue(json(200, "[" + ORG_JSON + "]"));
    server.enqueue(json(200, ORG_JSON));

    CompletableFuture<String> chained =
        client
            .organizations()
            .listAsync()
            .thenApply(list -> client.organizations().getAsync(list.get(0).id()).join().name());

    assertThat(chained.get(5, TimeUnit.SECONDS)).isEqualTo("data");
  }

  @Test
  void timeoutsReachTheFutureToo() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    try (CoderClient quick =
        Fixtures.client(server)
            .retryPolicy(com.coder.sdk.RetryPolicy.none())
            .readTimeout(Duration.ofMillis(200))
            .build()) {
      assertThatThrownBy(() -> quick.organizations().listAsync().get(5, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(com.coder.sdk.CoderTimeoutException.class)
          .hasMessageContaining("readTimeout of 200 ms");
    }
  }

  @Test
  void theSdksOwnClientRunsSixteenCallsAtOnce() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch sixteenArrived = new CountDownLatch(16);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sixteenArrived.countDown();
            // Holds every answer until sixteen calls are in flight, or gives up after a while.
            sixteenArrived.await(5, TimeUnit.SECONDS);
            inFlight.decrementAndGet();
            return json(200, ORG_JSON);
          }
        });

    try (CoderClient own =
        CoderClient.builder().baseUrl(server.url("/").toString()).sessionToken(TOKEN).build()) {
      List<CompletableFuture<Organization>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(own.organizations().getAsync(ORG));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }

    assertThat(most.get()).isEqualTo(16);
  }
}
