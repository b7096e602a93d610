package com.coder.sdk.transport;

import static com.coder.sdk.transport.Fixtures.client;
import static com.coder.sdk.transport.Fixtures.org;
import static com.coder.sdk.transport.Fixtures.orgs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.CoderClient;
import com.coder.sdk.model.Organization;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CloseTest {
  private final MockWebServer server = new MockWebServer();
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void callsAfterCloseFailClearly() throws Exception {
    server.start();
    CoderClient client = client(server).build();
    client.close();
    client.close();

    assertThatThrownBy(() -> client.organizations().list())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this CoderClient is closed");
    assertThatThrownBy(() -> client.organizations().listAsync())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this CoderClient is closed");
    assertThat(client.toString()).endsWith(", closed}");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void closeCancelsCallsInFlight() throws Exception {
    server.start();
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CoderClient client = client(server).build();
    CompletableFuture<List<Organization>> future = client.organizations().listAsync();
    server.takeRequest(5, TimeUnit.SECONDS);

    client.close();

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this CoderClient was closed during the call");
  }

  @Test
  void aCallersOkHttpClientStaysOpen() throws Exception {
    server.start();
    server.enqueue(orgs());
    OkHttpClient mine = new OkHttpClient();
    CoderClient client = client(server).okHttpClient(mine).build();
    client.organizations().list();

    client.close();

    assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
    assertThat(mine.connectionPool().connectionCount()).isEqualTo(1);
    mine.connectionPool().evictAll();
    mine.dispatcher().executorService().shutdown();
  }

  @Test
  void manyThreadsShareOneClientAndCloseLeavesNothingBehind() throws Exception {
    server.setServerSocketFactory(new RecordingServerSockets());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return request.getUrl().encodedPath().endsWith("/organizations") ? orgs() : org();
          }
        });
    server.start();
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    int threads = 12;
    int callsPerThread = 40;

    CoderClient client = client(server).build();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(
          pool.submit(
              () -> {
                int ok = 0;
                for (int i = 0; i < callsPerThread; i++) {
                  Organization org =
                      i % 2 == 0
                          ? client.organizations().get("data")
                          : client.organizations().listAsync().get(10, TimeUnit.SECONDS).get(0);
                  ok += org.name().equals("data") ? 1 : 0;
                }
                return ok;
              }));
    }
    int succeeded = 0;
    for (Future<Integer> result : results) {
      succeeded += result.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(succeeded).isEqualTo(threads * callsPerThread);
    assertThat(server.getRequestCount()).isEqualTo(threads * callsPerThread);
    assertThat(accepted).isNotEmpty();

    client.close();

    Fixtures.await(
        () -> accepted.stream().allMatch(Socket::isClosed), "every connection is closed");
    Fixtures.await(() -> newOkHttpThreads(before).isEmpty(), "no OkHttp thread is left");
  }

  /**
   * Returns OkHttp threads started during the test and still alive. OkHttp's task runner is shared
   * by every client in the JVM and stops on its own, so it does not count.
   */
  private static List<String> newOkHttpThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive())
        .map(Thread::getName)
        .filter(name -> name.startsWith("OkHttp") && !name.contains("TaskRunner"))
        .collect(Collectors.toList());
  }

  /** Keeps the server side of every connection, to see when the client closed it. */
  private final class RecordingServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          accepted.add(socket);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      throw new UnsupportedOperationException();
    }
  }
}
