package com.coder.sdk.benchmarks;

import com.coder.sdk.CoderClient;
import com.coder.sdk.ProvisionerJobFilter;
import com.fasterxml.jackson.databind.JavaType;
import java.nio.file.Path;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Decodes a large job list served over loopback in one of three ways, in a JVM whose heap limit the
 * caller chooses; exits 0 if it fit, 3 if it ran out of memory. {@link MemoryRunner} searches for
 * the smallest heap that fits.
 *
 * <p>Contenders: {@code sdk} (a {@code provisionerJobs().list} call), {@code floor} (OkHttp and
 * databind from the body stream into {@link FloorJob}), {@code floor-string} (the same after
 * reading the body into a String, as many clients do).
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    String contender = args[0];
    Path jobsFile = Path.of(args[1]);
    int expected = Integer.parseInt(args[2]);

    int decoded;
    try (LoopbackServer server = new LoopbackServer(new byte[0], new byte[0], jobsFile)) {
      decoded = decode(contender, server.url());
    } catch (OutOfMemoryError e) {
      System.exit(3);
      return;
    }
    if (decoded != expected) {
      System.err.println("decoded " + decoded + " jobs, expected " + expected);
      System.exit(1);
    }
  }

  private static int decode(String contender, String url) throws Exception {
    switch (contender) {
      case "sdk":
        try (CoderClient client = CoderClient.builder().baseUrl(url).sessionToken("t").build()) {
          return client
              .provisionerJobs()
              .list("large", ProvisionerJobFilter.builder().noLimit().build())
              .size();
        }
      case "floor":
      case "floor-string":
        OkHttpClient client = new OkHttpClient();
        JavaType type =
            FloorJob.MAPPER.getTypeFactory().constructCollectionType(List.class, FloorJob.class);
        Request request =
            new Request.Builder().url(url + "api/v2/organizations/large/provisionerjobs").build();
        try (Response response = client.newCall(request).execute()) {
          List<FloorJob> jobs =
              contender.equals("floor")
                  ? FloorJob.MAPPER.readValue(response.body().byteStream(), type)
                  : FloorJob.MAPPER.readValue(response.body().string(), type);
          return jobs.size();
        } finally {
          client.dispatcher().executorService().shutdown();
        }
      default:
        throw new IllegalArgumentException("unknown contender " + contender);
    }
  }
}
