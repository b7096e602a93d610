package com.coder.sdk.benchmarks;

import com.coder.sdk.internal.Json;
import com.coder.sdk.model.ProvisionerJob;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding a provisioner-job list from bytes: the SDK's path (its shared mapper into its records,
 * from a stream, as a call does) against plain databind into {@link FloorJob} and against Jackson's
 * tree model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBenchmark {
  private static final JavaType SDK_LIST =
      Json.mapper().getTypeFactory().constructCollectionType(List.class, ProvisionerJob.class);
  private static final JavaType FLOOR_LIST =
      FloorJob.MAPPER.getTypeFactory().constructCollectionType(List.class, FloorJob.class);

  @Param({"1", "100", "10000"})
  public int jobs;

  private byte[] body;

  @Setup
  public void setUp() {
    body = Fixtures.jobs(jobs);
  }

  @Benchmark
  public List<ProvisionerJob> sdk() throws IOException {
    // The same steps as the SDK's list calls: stream decoding, then the null-free copy.
    return Json.withoutNulls(
        Json.mapper().<List<ProvisionerJob>>readValue(new ByteArrayInputStream(body), SDK_LIST));
  }

  @Benchmark
  public List<FloorJob> floor() throws IOException {
    return FloorJob.MAPPER.readValue(new ByteArrayInputStream(body), FLOOR_LIST);
  }

  @Benchmark
  public JsonNode tree() throws IOException {
    return FloorJob.MAPPER.readTree(new ByteArrayInputStream(body));
  }
}
