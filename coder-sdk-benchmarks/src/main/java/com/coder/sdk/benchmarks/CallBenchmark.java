package com.coder.sdk.benchmarks;

import com.coder.sdk.CoderClient;
import com.coder.sdk.ProvisionerJobFilter;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerJob;
import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * A full call on loopback: the SDK against a bare OkHttp call plus Jackson databind into {@link
 * FloorJob}, on one thread and on 16. The server answers fixed bytes: a list of 100 jobs, or one
 * organization. After each run the benchmark checks that the SDK reused its connections: at most
 * one per thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallBenchmark {
  private static final JavaType FLOOR_LIST =
      FloorJob.MAPPER.getTypeFactory().constructCollectionType(List.class, FloorJob.class);
  private static final ProvisionerJobFilter LIMIT_100 =
      ProvisionerJobFilter.builder().limit(100).build();

  private LoopbackServer server;
  private CoderClient sdk;
  private OkHttpClient bare;
  private Request bareList;
  private Request bareGet;

  @Setup(Level.Trial)
  public void start() throws IOException {
    server = new LoopbackServer(Fixtures.jobs(100), Fixtures.organization(), null);
    sdk = CoderClient.builder().baseUrl(server.url()).sessionToken("bench-token").build();
    bare = new OkHttpClient();
    String org = server.url() + "api/v2/organizations/" + Fixtures.ORGANIZATION;
    bareList =
        new Request.Builder()
            .url(org + "/provisionerjobs?limit=100")
            .header("Coder-Session-Token", "bench-token")
            .build();
    bareGet = new Request.Builder().url(org).header("Coder-Session-Token", "bench-token").build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    int sdkConnections = server.sdkConnections();
    int bareConnections = server.otherConnections();
    sdk.close();
    bare.dispatcher().executorService().shutdown();
    bare.connectionPool().evictAll();
    server.close();
    System.out.println(
        "connections opened: sdk " + sdkConnections + ", bare OkHttp " + bareConnections);
    if (sdkConnections > 16) {
      throw new IllegalStateException(
          "the SDK opened " + sdkConnections + " connections for at most 16 threads");
    }
  }

  @Benchmark
  @Threads(1)
  public List<ProvisionerJob> sdkList1() {
    return sdk.provisionerJobs().list(Fixtures.ORGANIZATION, LIMIT_100);
  }

  @Benchmark
  @Threads(1)
  public List<FloorJob> bareList1() throws IOException {
    return bareList();
  }

  @Benchmark
  @Threads(16)
  public List<ProvisionerJob> sdkList16() {
    return sdk.provisionerJobs().list(Fixtures.ORGANIZATION, LIMIT_100);
  }

  @Benchmark
  @Threads(16)
  public List<FloorJob> bareList16() throws IOException {
    return bareList();
  }

  @Benchmark
  @Threads(1)
  public Organization sdkGet1() {
    return sdk.organizations().get(Fixtures.ORGANIZATION);
  }

  @Benchmark
  @Threads(1)
  public FloorJob.FloorOrganization bareGet1() throws IOException {
    return bareGet();
  }

  @Benchmark
  @Threads(16)
  public Organization sdkGet16() {
    return sdk.organizations().get(Fixtures.ORGANIZATION);
  }

  @Benchmark
  @Threads(16)
  public FloorJob.FloorOrganization bareGet16() throws IOException {
    return bareGet();
  }

  private List<FloorJob> bareList() throws IOException {
    try (Response response = bare.newCall(bareList).execute()) {
      return FloorJob.MAPPER.readValue(response.body().byteStream(), FLOOR_LIST);
    }
  }

  private FloorJob.FloorOrganization bareGet() throws IOException {
    try (Response response = bare.newCall(bareGet).execute()) {
      return FloorJob.MAPPER.readValue(
          response.body().byteStream(), FloorJob.FloorOrganization.class);
    }
  }
}
