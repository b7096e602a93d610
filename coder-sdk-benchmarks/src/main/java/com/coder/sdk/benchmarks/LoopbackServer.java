package com.coder.sdk.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A minimal HTTP server on loopback that answers fixed bytes, and counts the connections each kind
 * of client opened (told apart by {@code User-Agent}).
 */
public final class LoopbackServer implements AutoCloseable {
  static {
    // Without TCP_NODELAY the JDK server writes headers and body apart, and a small answer waits
    // for the client's delayed ACK (about 40 ms on Linux), which would swamp what is measured.
    // The JDK reads this property once, when its HTTP server is first used.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(32);
  private final Set<Integer> sdkPorts = ConcurrentHashMap.newKeySet();
  private final Set<Integer> otherPorts = ConcurrentHashMap.newKeySet();

  /**
   * Serves {@code jobs} for the job list of {@link Fixtures#ORGANIZATION}, {@code organization} for
   * the organization, and the file {@code jobsFile} (when not null) for the job list of the
   * organization named {@code large}.
   */
  public LoopbackServer(byte[] jobs, byte[] organization, @Nullable Path jobsFile)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(executor);
    server.createContext(
        "/api/v2/organizations/",
        exchange -> {
          count(
              exchange.getRequestHeaders().getFirst("User-Agent"),
              exchange.getRemoteAddress().getPort());
          String path = exchange.getRequestURI().getPath();
          exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
          try (OutputStream out = exchange.getResponseBody()) {
            if (path.endsWith("/large/provisionerjobs") && jobsFile != null) {
              exchange.sendResponseHeaders(200, Files.size(jobsFile));
              Files.copy(jobsFile, out);
            } else if (path.endsWith("/provisionerjobs")) {
              exchange.sendResponseHeaders(200, jobs.length);
              out.write(jobs);
            } else {
              exchange.sendResponseHeaders(200, organization.length);
              out.write(organization);
            }
          }
        });
    server.start();
  }

  private void count(@Nullable String userAgent, int port) {
    if (userAgent != null && userAgent.contains("coder-java-sdk")) {
      sdkPorts.add(port);
    } else {
      otherPorts.add(port);
    }
  }

  /** Returns the server's base URL, such as {@code http://127.0.0.1:41234/}. */
  public String url() {
    return "http://"
        + server.getAddress().getHostString()
        + ":"
        + server.getAddress().getPort()
        + "/";
  }

  /** Returns how many connections SDK clients opened so far. */
  public int sdkConnections() {
    return sdkPorts.size();
  }

  /** Returns how many connections other clients opened so far. */
  public int otherConnections() {
    return otherPorts.size();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
