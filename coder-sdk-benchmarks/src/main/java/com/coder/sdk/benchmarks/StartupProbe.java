package com.coder.sdk.benchmarks;

import com.coder.sdk.CoderClient;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A program that starts, gets one organization from a loopback server and prints its name: {@link
 * StartupRunner} times it as a whole process. Contenders: {@code sdk} and {@code floor} (OkHttp
 * plus a freshly configured Jackson mapper).
 */
public final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    try (LoopbackServer server = new LoopbackServer(new byte[0], Fixtures.organization(), null)) {
      String name;
      if (args[0].equals("sdk")) {
        try (CoderClient client =
            CoderClient.builder().baseUrl(server.url()).sessionToken("t").build()) {
          name = client.organizations().get(Fixtures.ORGANIZATION).name();
        }
      } else {
        OkHttpClient client = new OkHttpClient();
        Request request =
            new Request.Builder()
                .url(server.url() + "api/v2/organizations/" + Fixtures.ORGANIZATION)
                .build();
        try (Response response = client.newCall(request).execute()) {
          name =
              JsonMapper.builder()
                  .addModule(new JavaTimeModule())
                  .build()
                  .readValue(response.body().byteStream(), FloorJob.FloorOrganization.class)
                  .name;
        }
        client.dispatcher().executorService().shutdown();
      }
      System.out.println(name);
    }
  }
}
