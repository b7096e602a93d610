package com.coder.sdk.testkit;

import com.coder.sdk.CoderClient;
import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.JobErrorCode;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerDaemon;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobType;
import com.coder.sdk.model.Response;
import com.coder.sdk.model.WorkspaceTransition;
import com.coder.sdk.testkit.internal.LicenseAuthority;
import com.coder.sdk.testkit.internal.Router;
import com.coder.sdk.testkit.internal.Store;
import com.coder.sdk.testkit.internal.Wire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory Coder deployment on a local port, for integration tests of code that talks to
 * Coder's REST API v2.
 *
 * <pre>{@code
 * try (FakeCoderServer coder = FakeCoderServer.builder().start();
 *     CoderClient client = coder.newClient()) {
 *   Organization org = client.organizations().create(
 *       CreateOrganizationRequest.builder("data-platform").build());
 *   assertThat(coder.organizations().find("DATA-PLATFORM")).contains(org);
 * }
 * }</pre>
 *
 * <p>It answers these routes under {@code /api/v2} with Coder's status codes, messages, JSON shapes
 * and omissions ({@code application/json; charset=utf-8}, a newline after each body):
 *
 * <ul>
 *   <li>{@code GET|POST /organizations}, {@code GET|PATCH|DELETE /organizations/{organization}},
 *       with Coder's name rules, case-insensitive names, the license gate (403 before the lookup
 *       when unlicensed) and the double JSON body of Coder's organization 404;
 *   <li>{@code GET /organizations/{organization}/provisionerjobs[/{job}]} with the {@code limit},
 *       {@code ids}, {@code status}, {@code tags} and {@code initiator} parameters and Coder's
 *       query parameter errors;
 *   <li>{@code GET /organizations/{organization}/provisionerdaemons} with {@code limit}, {@code
 *       ids}, {@code status}, {@code tags}, {@code offline} and {@code max_age};
 *   <li>{@code GET /organizations/{organization}/paginated-members} ({@code limit}, {@code offset},
 *       {@code after_id}), {@code GET /organizations/{organization}/members}, and {@code
 *       GET|POST|DELETE .../members/{user}} and {@code PUT .../members/{user}/roles};
 *   <li>{@code GET /users/{user}} for an ID, a user name or {@code me};
 *   <li>{@code GET .../logs} (a JSON array, or with {@code follow} a WebSocket that streams each
 *       line and closes with {@code done} when the job completes) and {@code PATCH .../cancel}
 *       under {@code /templateversions/{templateversion}}, {@code
 *       /templateversions/{templateversion}/dry-run/{job}} and {@code
 *       /workspacebuilds/{workspacebuild}};
 *   <li>{@code GET|POST /licenses}, {@code DELETE /licenses/{id}} and {@code POST
 *       /licenses/refresh-entitlements} (throttled to once a minute, with {@code Retry-After});
 *   <li>{@code GET /entitlements}, computed from the stored licenses, and {@code GET /buildinfo}
 *       (version {@code v2.24.1}, deployment ID {@link #deploymentId()}), both without a token.
 * </ul>
 *
 * <p>Every other route needs the admin token ({@link #adminToken()}) in the {@code
 * Coder-Session-Token} header, an {@code Authorization: Bearer} header, or the {@code
 * coder_session_token} cookie; otherwise it answers 401. Unknown routes answer 404 {@code Route not
 * found.}
 *
 * <p>Tests seed state straight into the store through {@link #users()}, {@link #organizations()},
 * {@link #provisionerDaemons()}, {@link #provisionerJobs()} and {@link #licenses()}, inject
 * failures with {@link #inject(Fault)}, and read what the server received with {@link #requests()}.
 * Provisioner jobs move, and write logs, only when the test says so.
 *
 * <p>Known differences from a real deployment: every request acts as the owner, so permission
 * checks never fail and other users cannot sign in; custom roles, groups, templates and workspaces
 * have no routes (a job's template or workspace counts as living in its organization until the job
 * is deleted, and a template version or workspace build exists while a job names it); request
 * bodies are not limited to 4 MiB; logs are not capped at 1 MiB; the {@code Invalid license}
 * details and JSON syntax details imitate Go's texts without matching every case.
 *
 * <p>Thread-safe. The JUnit 5 extension {@link FakeCoder} starts and closes servers for tests.
 */
public final class FakeCoderServer implements AutoCloseable {
  /** The user Coder's prebuilt workspaces run as; its jobs queue behind all others. */
  public static final UUID PREBUILDS_USER_ID = Store.PREBUILDS_USER_ID;

  private static final String TOKEN_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final MockWebServer server = new MockWebServer();
  private final String adminToken;
  private final String deploymentId = UUID.randomUUID().toString();
  private final Clock clock;
  private final Store store;
  private final Router router;
  private final FakeUsers users;
  private final FakeOrganizations organizations;
  private final FakeLicenses licenses;
  private final FakeProvisionerDaemons daemons;
  private final FakeProvisionerJobs jobs;
  private final List<RecordedCall> journal = Collections.synchronizedList(new ArrayList<>());
  private final List<ActiveFault> faults = new ArrayList<>();

  private FakeCoderServer(Builder builder) {
    this.adminToken = builder.adminToken != null ? builder.adminToken : randomToken();
    this.clock = builder.clock;
    this.store = new Store(clock, UUID.randomUUID());
    LicenseAuthority authority = new LicenseAuthority("fake-coder-" + deploymentId.substring(0, 8));
    this.router = new Router(store, authority, adminToken, deploymentId);
    this.users = new FakeUsers(store);
    this.organizations = new FakeOrganizations(store);
    this.licenses = new FakeLicenses(store, authority);
    this.daemons = new FakeProvisionerDaemons(store);
    this.jobs = new FakeProvisionerJobs(store);
    if (builder.licensed) {
      LicenseSpec premium =
          LicenseSpec.builder().featureSet("premium").feature("user_limit", 100).build();
      store.addLicense(FakeLicenses.claims(premium, store.now()), false);
    }
    server.setDispatcher(new FaultingDispatcher());
  }

  /**
   * {@return a builder of a server licensed for multiple organizations, with a random admin token}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening on a free port of {@code localhost}.
   *
   * @return this server, for chaining
   * @throws IllegalStateException if it was started before
   * @throws UncheckedIOException if no port can be bound
   */
  public FakeCoderServer start() {
    if (server.getStarted()) {
      throw new IllegalStateException("the server is already started");
    }
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake Coder server", e);
    }
    return this;
  }

  /**
   * {@return the deployment URL, such as {@code http://localhost:52817}, to pass where a user would
   * give {@code https://coder.example.com}} The API lives under {@code /api/v2}.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public URI url() {
    if (!server.getStarted()) {
      throw new IllegalStateException("start() the server first");
    }
    return URI.create("http://" + server.getHostName() + ":" + server.getPort());
  }

  /** {@return the session token the server accepts: the owner's, of Coder's form} */
  public String adminToken() {
    return adminToken;
  }

  /** {@return the ID of the owner, {@code admin}, the initiator of jobs that name none} */
  public UUID adminUserId() {
    return store.adminUserId();
  }

  /** {@return the deployment's ID, which {@link LicenseSpec.Builder#deploymentIds} may name} */
  public String deploymentId() {
    return deploymentId;
  }

  /**
   * {@return a new client for this server, authenticated with the admin token, with the SDK's
   * defaults (retries included)} The caller closes it.
   */
  public CoderClient newClient() {
    return clientBuilder().build();
  }

  /**
   * {@return a client builder already pointed at this server with the admin token} For tests that
   * need other settings:
   *
   * <pre>{@code
   * CoderClient once = server.clientBuilder().retryPolicy(RetryPolicy.none()).build();
   * }</pre>
   */
  public CoderClient.Builder clientBuilder() {
    return CoderClient.builder().baseUrl(url()).sessionToken(adminToken);
  }

  /** {@return the default organization, named {@code coder}} */
  public Organization defaultOrganization() {
    return store.defaultOrganization();
  }

  /**
   * {@return the deployment's users, to seed and read} The owner, {@code admin}, exists from the
   * start.
   */
  public FakeUsers users() {
    return users;
  }

  /** {@return the deployment's organizations and their members, to seed and read} */
  public FakeOrganizations organizations() {
    return organizations;
  }

  /**
   * {@return the deployment's licenses: issue, store and read them, and compute the entitlements
   * they give}
   */
  public FakeLicenses licenses() {
    return licenses;
  }

  /**
   * {@return the deployment's provisioner daemons: register them and control whether they are
   * online}
   */
  public FakeProvisionerDaemons provisionerDaemons() {
    return daemons;
  }

  /**
   * {@return the deployment's provisioner jobs: queue them, move them through their states and
   * write their logs}
   */
  public FakeProvisionerJobs provisionerJobs() {
    return jobs;
  }

  /**
   * Arms a fault for the next matching requests; faults are tried in the order they were injected,
   * and the first that matches and is not spent applies.
   *
   * @param fault what to do instead of answering, and which requests it applies to
   */
  public void inject(Fault fault) {
    Objects.requireNonNull(fault, "fault == null");
    synchronized (faults) {
      faults.add(new ActiveFault(fault));
    }
  }

  /** Disarms every fault that is not yet spent. */
  public void clearFaults() {
    synchronized (faults) {
      faults.clear();
    }
  }

  /** {@return the requests received so far, oldest first, including those that met a fault} */
  public List<RecordedCall> requests() {
    synchronized (journal) {
      return List.copyOf(journal);
    }
  }

  /**
   * {@return the most recent request}
   *
   * @throws IllegalStateException if none arrived yet
   */
  public RecordedCall lastRequest() {
    synchronized (journal) {
      if (journal.isEmpty()) {
        throw new IllegalStateException("the server has received no request");
      }
      return journal.get(journal.size() - 1);
    }
  }

  /** Forgets the requests received so far. */
  public void clearRequests() {
    journal.clear();
  }

  /**
   * Seeds a small deployment: organizations {@code data-platform} and {@code mobile}, three
   * daemons, and jobs in every state (succeeded, failed with {@code INSUFFICIENT_QUOTA}, canceling,
   * canceled, running, and three pending: an untagged one, one no daemon can take, and one of the
   * prebuilds user at the back of the queue). The {@code data-platform} jobs belong to templates
   * and workspaces, so deleting that organization fails with 500 as Coder's does.
   *
   * @return the organizations, daemons and jobs it created, as they were when seeding finished
   */
  public SampleData seedSampleData() {
    Organization platform =
        organizations.create(
            CreateOrganizationRequest.builder("data-platform")
                .displayName("Data Platform")
                .description("Pipelines and notebooks")
                .icon("/emojis/1f4ca.png")
                .build());
    Organization mobile =
        organizations.create(
            CreateOrganizationRequest.builder("mobile").displayName("Mobile Apps").build());
    String dp = platform.id().toString();
    List<ProvisionerDaemon> registered = new ArrayList<>();
    registered.add(daemons.register(dp, "dp-builder-1"));
    registered.add(daemons.register(dp, "dp-gpu-1", Map.of("gpu", "a100"), "terraform"));
    registered.add(daemons.register(mobile.id().toString(), "mobile-builder-1"));

    UUID analytics = UUID.randomUUID();
    List<UUID> seeded = new ArrayList<>();
    ProvisionerJob imported =
        jobs.enqueue(
            ProvisionerJobSpec.builder(ProvisionerJobType.TEMPLATE_VERSION_IMPORT)
                .organization(dp)
                .template(analytics, "analytics")
                .templateDisplayName("Analytics")
                .templateVersionName("v3")
                .build());
    jobs.acquire("dp-builder-1");
    jobs.complete(imported.id());
    seeded.add(imported.id());

    ProvisionerJob quota = jobs.enqueue(build(dp, analytics, "etl-nightly").build());
    jobs.acquire("dp-builder-1");
    jobs.fail(
        quota.id(),
        "insufficient quota: workspace costs 40, budget is 30",
        JobErrorCode.INSUFFICIENT_QUOTA);
    seeded.add(quota.id());

    ProvisionerJob stopping = jobs.enqueue(build(dp, analytics, "scratch").build());
    jobs.acquire("dp-builder-1");
    jobs.cancel(stopping.id());
    seeded.add(stopping.id());

    ProvisionerJob dropped =
        jobs.enqueue(
            ProvisionerJobSpec.builder(ProvisionerJobType.TEMPLATE_VERSION_DRY_RUN)
                .organization(dp)
                .template(analytics, "analytics")
                .build());
    jobs.cancel(dropped.id());
    seeded.add(dropped.id());

    ProvisionerJob training =
        jobs.enqueue(build(dp, analytics, "training").tag("gpu", "a100").build());
    jobs.acquire("dp-gpu-1");
    seeded.add(training.id());

    seeded.add(jobs.enqueue(build(dp, analytics, "reporting").build()).id());
    seeded.add(
        jobs.enqueue(
                ProvisionerJobSpec.builder(ProvisionerJobType.TEMPLATE_VERSION_IMPORT)
                    .organization(mobile.id())
                    .tag("os", "macos")
                    .build())
            .id());
    seeded.add(
        jobs.enqueue(build(dp, analytics, "prebuild-1").initiator(PREBUILDS_USER_ID).build()).id());

    List<ProvisionerJob> current = new ArrayList<>();
    for (int i = seeded.size() - 1; i >= 0; i--) {
      current.add(jobs.get(seeded.get(i)));
    }
    List<ProvisionerDaemon> daemonsNow = new ArrayList<>();
    registered.forEach(daemon -> daemonsNow.add(daemons.get(daemon.id())));
    return new SampleData(List.of(platform, mobile), daemonsNow, current);
  }

  private static ProvisionerJobSpec.Builder build(String org, UUID template, String workspace) {
    return ProvisionerJobSpec.builder(ProvisionerJobType.WORKSPACE_BUILD)
        .organization(org)
        .template(template, "analytics")
        .workspace(UUID.randomUUID(), workspace)
        .transition(WorkspaceTransition.START);
  }

  /** Stops listening and drops open connections. Closing twice does nothing. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "FakeCoderServer{" + (server.getStarted() ? url().toString() : "not started") + "}";
  }

  private static String randomToken() {
    SecureRandom random = new SecureRandom();
    StringBuilder token = new StringBuilder(33);
    for (int i = 0; i < 32; i++) {
      if (i == 10) {
        token.append('-');
      }
      token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
    }
    return token.toString();
  }

  private @Nullable Fault takeFault(String method, String path) {
    synchronized (faults) {
      for (ActiveFault active : faults) {
        if (active.remaining > 0 && active.fault.matches(method, path)) {
          active.remaining--;
          return active.fault;
        }
      }
      return null;
    }
  }

  private MockResponse faultResponse(Fault fault) {
    switch (fault.kind()) {
      case RATE_LIMIT:
        long seconds = fault.duration().toSeconds();
        long reset = clock.instant().plus(fault.duration()).getEpochSecond();
        return Wire.json(
                429,
                Response.of(
                    "You've been rate limited for sending more than "
                        + Fault.RATE_LIMIT
                        + " requests in 1m0s."))
            .newBuilder()
            .setHeader("Retry-After", Long.toString(seconds))
            .setHeader("X-RateLimit-Limit", Integer.toString(Fault.RATE_LIMIT))
            .setHeader("X-RateLimit-Remaining", "0")
            .setHeader("X-RateLimit-Reset", Long.toString(reset))
            .build();
      case SERVER_ERROR:
        return Wire.error(fault.status(), "An internal server error occurred.");
      case GATEWAY_ERROR:
        String title = fault.status() + " " + reason(fault.status());
        return new MockResponse.Builder()
            .code(fault.status())
            .setHeader("Content-Type", "text/html")
            .body(
                "<html>\r\n<head><title>"
                    + title
                    + "</title></head>\r\n<body>\r\n<center><h1>"
                    + title
                    + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
            .build();
      case DISCONNECT:
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
      default:
        throw new IllegalStateException("not an answering fault: " + fault);
    }
  }

  private static String reason(int status) {
    switch (status) {
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Temporarily Unavailable";
      case 504:
        return "Gateway Time-out";
      default:
        return "Internal Server Error";
    }
  }

  private static RecordedCall record(RecordedRequest request) {
    return new RecordedCall(
        request.getMethod() == null ? "" : request.getMethod(),
        request.getUrl().encodedPath(),
        request.getUrl().encodedQuery() == null ? "" : request.getUrl().encodedQuery(),
        request.getHeaders().toMultimap(),
        request.getBody() == null ? "" : request.getBody().utf8());
  }

  /** Records each request, applies a matching fault, and otherwise lets the router answer. */
  private final class FaultingDispatcher extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      RecordedCall call = record(request);
      journal.add(call);
      Fault fault = takeFault(call.method(), call.path());
      if (fault != null && fault.kind() != Fault.Kind.LATENCY) {
        return faultResponse(fault);
      }

      MockResponse response;
      try {
        response = router.route(request);
      } catch (RuntimeException e) {
        response = Wire.error(500, "An internal server error occurred.", e.toString());
      }
      if (fault != null) {
        response =
            response
                .newBuilder()
                .headersDelay(fault.duration().toNanos(), TimeUnit.NANOSECONDS)
                .build();
      }
      return response;
    }
  }

  private static final class ActiveFault {
    final Fault fault;
    int remaining;

    ActiveFault(Fault fault) {
      this.fault = fault;
      this.remaining = fault.times();
    }
  }

  /** Configures a {@link FakeCoderServer}. Not thread-safe. */
  public static final class Builder {
    private boolean licensed = true;
    private @Nullable String adminToken;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets whether the deployment starts with a license that grants multiple organizations (a
     * {@code premium} license with {@code user_limit} 100). Without one, creating, updating and
     * deleting organizations answer 403 until a test adds such a license. Default true.
     *
     * @param licensed true to start with the license, false to start unlicensed
     * @return this builder
     */
    public Builder licensed(boolean licensed) {
      this.licensed = licensed;
      return this;
    }

    /**
     * Sets the session token the server accepts, in Coder's form: 10 characters, a hyphen, 22
     * characters. Default: a random token.
     *
     * @param token the owner's session token
     * @return this builder
     * @throws IllegalArgumentException if the token is not of that form
     */
    public Builder adminToken(String token) {
      Objects.requireNonNull(token, "token == null");
      if (!token.matches("[A-Za-z0-9]{10}-[A-Za-z0-9]{22}")) {
        throw new IllegalArgumentException(
            "a Coder session token is 10 letters or digits, '-', and 22 letters or digits");
      }
      this.adminToken = token;
      return this;
    }

    /**
     * Sets the clock for every timestamp the server writes and for expiry and throttling checks.
     * Default: the system clock in UTC.
     *
     * @param clock the clock the server reads its time from
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** {@return the server, not yet started; call {@link FakeCoderServer#start()}} */
    public FakeCoderServer build() {
      return new FakeCoderServer(this);
    }

    /**
     * Builds the server and starts it: the same as {@code build().start()}.
     *
     * @return the started server
     * @throws UncheckedIOException if no port can be bound
     */
    public FakeCoderServer start() {
      return build().start();
    }
  }
}
