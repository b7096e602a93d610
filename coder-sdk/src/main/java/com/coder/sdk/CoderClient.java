package com.coder.sdk;

import com.coder.sdk.internal.AuthInterceptor;
import com.coder.sdk.internal.EnvironmentHeaders;
import com.coder.sdk.internal.HttpLogger;
import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.internal.ProxyAuth;
import com.coder.sdk.internal.RedirectGuard;
import com.coder.sdk.internal.RetryRules;
import com.coder.sdk.internal.RetryTimer;
import com.coder.sdk.internal.SdkVersion;
import com.coder.sdk.internal.Tls;
import com.coder.sdk.model.BuildInfo;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * A client for the REST API v2 of one Coder deployment.
 *
 * <pre>{@code
 * try (CoderClient coder = CoderClient.builder()
 *     .baseUrl("https://coder.example.com")
 *     .sessionToken(System.getenv("CODER_SESSION_TOKEN"))
 *     .build()) {
 *   for (Organization org : coder.organizations().list()) {
 *     System.out.println(org.name());
 *   }
 * }
 * }</pre>
 *
 * <p>The API is grouped into sub-clients: {@link #organizations()}, {@link #members()}, {@link
 * #licenses()}, {@link #deployment()}, {@link #users()}, {@link #provisionerJobs()} and {@link
 * #provisionerDaemons()}. Calls are synchronous and throw a {@link CoderException} on failure; the
 * calls of the original endpoints also have an {@code ...Async} sibling that returns a {@link
 * java.util.concurrent.CompletableFuture} completed through OkHttp's dispatcher.
 *
 * <p>Failed calls are retried when that is safe, as the {@link RetryPolicy} says (by default up to
 * 3 attempts within 2 minutes). Timeouts: connect 10 s, read 30 s, write 30 s, whole call none.
 *
 * <p>A client is immutable and thread-safe; share one per deployment. Credentials are sent only to
 * the deployment's origin (scheme, host and port), and redirects are followed only within that
 * origin: a redirect to another host, or one that changes the scheme (http to https included),
 * fails with a {@link CoderApiException} that names the target. {@link #close()} releases the
 * threads and connections the client created; an {@link OkHttpClient} passed to {@link
 * Builder#okHttpClient} stays open.
 */
public final class CoderClient implements AutoCloseable {
  /** The environment variable with the deployment URL, as Coder's CLI reads it. */
  public static final String URL_VARIABLE = "CODER_URL";

  /** The environment variable with the session token, as Coder's CLI reads it. */
  public static final String TOKEN_VARIABLE = "CODER_SESSION_TOKEN";

  /**
   * The environment variable with extra headers, as Coder's CLI reads it: {@code name=value} fields
   * separated by commas, a field double-quoted when it holds a comma.
   */
  public static final String HEADER_VARIABLE = "CODER_HEADER";

  private final HttpUrl baseUrl;
  private final HttpPipeline http;
  private final Organizations organizations;
  private final Members members;
  private final Licenses licenses;
  private final Deployment deployment;
  private final Users users;
  private final ProvisionerJobs provisionerJobs;
  private final ProvisionerDaemons provisionerDaemons;

  private CoderClient(HttpUrl baseUrl, HttpPipeline http) {
    this.baseUrl = baseUrl;
    this.http = http;
    this.organizations = new Organizations(http);
    this.members = new Members(http);
    this.licenses = new Licenses(http);
    this.deployment = new Deployment(http);
    this.users = new Users(http);
    this.provisionerJobs = new ProvisionerJobs(http);
    this.provisionerDaemons = new ProvisionerDaemons(http);
  }

  /**
   * Starts configuring a client.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a client for the deployment in {@code CODER_URL}, authenticated with the token in
   * {@code CODER_SESSION_TOKEN} and sending the extra headers in {@code CODER_HEADER} if it is set:
   * the variables Coder's CLI uses} See {@link Builder#fromEnvironment()}.
   *
   * @throws IllegalStateException naming each variable that is missing, empty or malformed
   */
  public static CoderClient fromEnvironment() {
    return builder().fromEnvironment().build();
  }

  /**
   * Organizations: list, get, create, update and delete.
   *
   * @return the organizations sub-client
   */
  public Organizations organizations() {
    return organizations;
  }

  /**
   * Members of organizations: list, get, add, remove, and update roles.
   *
   * @return the members sub-client
   */
  public Members members() {
    return members;
  }

  /**
   * Licenses: list, add, delete, and refresh entitlements.
   *
   * @return the licenses sub-client
   */
  public Licenses licenses() {
    return licenses;
  }

  /**
   * The deployment as a whole: build info and entitlements.
   *
   * @return the deployment sub-client
   */
  public Deployment deployment() {
    return deployment;
  }

  /**
   * Users: the caller, or a user by ID or name.
   *
   * @return the users sub-client
   */
  public Users users() {
    return users;
  }

  /**
   * Provisioner jobs: list, get, await, logs, and cancel.
   *
   * @return the provisioner jobs sub-client
   */
  public ProvisionerJobs provisionerJobs() {
    return provisionerJobs;
  }

  /**
   * Provisioner daemons of an organization: list.
   *
   * @return the provisioner daemons sub-client
   */
  public ProvisionerDaemons provisionerDaemons() {
    return provisionerDaemons;
  }

  /**
   * Checks that the deployment answers and the credentials work, with messages a person can act on;
   * useful at the start of a script. Sends {@code GET /api/v2/buildinfo} and {@code GET
   * /api/v2/users/me}.
   *
   * <pre>{@code
   * ConnectionInfo info = client.checkConnection();
   * System.out.println("Signed in to Coder " + info.buildInfo().version()
   *     + " as " + info.user().username());
   * }</pre>
   *
   * @return the deployment's URL, its build info, and the user the credentials belong to
   * @throws CoderTransportException if nothing answers at the base URL
   * @throws CoderDecodeException if something answers but it is not Coder's API
   * @throws UnauthorizedException if the token is missing, invalid or expired
   */
  public ConnectionInfo checkConnection() {
    BuildInfo buildInfo;
    try {
      buildInfo = deployment.buildInfo();
    } catch (CoderTransportException e) {
      throw new CoderTransportException(
          "cannot reach Coder at "
              + baseUrl
              + ": "
              + e.getMessage()
              + ". Check the URL (CODER_URL) and any proxy between here and the deployment.",
          e.method(),
          e.url(),
          e);
    } catch (CoderDecodeException | NotFoundException e) {
      throw new CoderException(
          "something answered at "
              + baseUrl
              + ", but not Coder's API: "
              + e.getMessage()
              + ". Use the URL of the Coder dashboard.",
          e);
    }

    try {
      return new ConnectionInfo(baseUrl.uri(), buildInfo, users.me());
    } catch (UnauthorizedException e) {
      UnauthorizedException explained =
          new UnauthorizedException(
              "Coder "
                  + buildInfo.version()
                  + " at "
                  + baseUrl
                  + " rejected the credentials: "
                  + (e.serverMessage().isEmpty() ? e.getMessage() : e.serverMessage())
                  + " Create a token with `coder tokens create` and set it (CODER_SESSION_TOKEN).",
              e.statusCode(),
              e.method(),
              e.path(),
              e.response().orElse(null),
              e.bodyExcerpt(),
              e.retryAfter().orElse(null));
      explained.initCause(e);
      throw explained;
    }
  }

  /** {@return the deployment URL this client talks to, without {@code /api/v2}} */
  public URI baseUrl() {
    return baseUrl.uri();
  }

  /**
   * Releases what this client created: it cancels its calls still in flight, stops its dispatcher
   * threads and closes its pooled connections. Calls made afterwards, and calls that were in flight
   * or waiting to be retried, fail with {@link IllegalStateException}. An {@link OkHttpClient}
   * given to the builder is left open and its calls run to the end. Closing twice does nothing.
   */
  @Override
  public void close() {
    http.close();
  }

  HttpPipeline http() {
    return http;
  }

  @Override
  public String toString() {
    return "CoderClient{baseUrl=" + baseUrl + (http.isClosed() ? ", closed" : "") + "}";
  }

  /**
   * Configures a {@link CoderClient}. Only the base URL is required; without credentials, calls
   * that need them fail with {@link UnauthorizedException}. Not thread-safe.
   */
  public static final class Builder {
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Idle connections the SDK's own client keeps for reuse. OkHttp's default of 5 makes a client
     * shared by more threads open a new connection for most calls; 16 covers a typical worker pool.
     */
    static final int DEFAULT_MAX_IDLE_CONNECTIONS = 16;

    private static final Duration KEEP_ALIVE = Duration.ofMinutes(5);

    private @Nullable HttpUrl baseUrl;
    private CoderAuth auth = CoderAuth.none();
    private @Nullable OkHttpClient okHttpClient;
    private @Nullable String userAgent;
    private @Nullable Duration connectTimeout;
    private @Nullable Duration readTimeout;
    private @Nullable Duration writeTimeout;
    private @Nullable Duration callTimeout;
    private int maxIdleConnections = DEFAULT_MAX_IDLE_CONNECTIONS;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private HttpLogLevel logLevel = HttpLogLevel.NONE;
    private final List<X509Certificate> trustedCertificates = new ArrayList<>();
    private @Nullable KeyStore clientKeyStore;
    private char @Nullable [] clientKeyPassword;
    private @Nullable Proxy proxy;
    private @Nullable ProxyAuth proxyAuth;

    private Builder() {}

    /**
     * Sets the deployment URL, the one a browser opens, such as {@code https://coder.example.com}.
     * The client adds {@code /api/v2}; a path prefix (for a deployment behind a proxy at {@code
     * https://example.com/coder}) is kept.
     *
     * @param baseUrl the deployment URL
     * @return this builder
     * @throws IllegalArgumentException if it is not an absolute http or https URL, or carries a
     *     user name, password, query or fragment
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      HttpUrl parsed = HttpUrl.parse(baseUrl.strip());
      if (parsed == null) {
        throw new IllegalArgumentException(
            "baseUrl must be an absolute http:// or https:// URL,"
                + " such as https://coder.example.com");
      }
      if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
        throw new IllegalArgumentException(
            "baseUrl must not contain a user name or password; use sessionToken(...) or auth(...)");
      }
      if (parsed.query() != null || parsed.fragment() != null) {
        // Not repeated in the message: a pasted URL may carry a token in its query.
        throw new IllegalArgumentException(
            "baseUrl must not have a query or fragment; give only the deployment URL, such as"
                + " https://coder.example.com");
      }
      this.baseUrl = withoutApiSuffix(parsed);
      return this;
    }

    /**
     * Sets the deployment URL; see {@link #baseUrl(String)}.
     *
     * @param baseUrl the deployment URL
     * @return this builder
     */
    public Builder baseUrl(URI baseUrl) {
      return baseUrl(Objects.requireNonNull(baseUrl, "baseUrl == null").toString());
    }

    /**
     * Authenticates with a session token (or API token) sent in the {@code Coder-Session-Token}
     * header. The same as {@code auth(CoderAuth.sessionToken(token))}; replaces an earlier {@link
     * #auth}.
     *
     * @param token the session token or API token
     * @return this builder
     * @throws IllegalArgumentException if {@code token} is blank
     */
    public Builder sessionToken(String token) {
      Objects.requireNonNull(token, "token == null");
      if (token.isBlank()) {
        throw new IllegalArgumentException("token is blank");
      }
      return auth(CoderAuth.sessionToken(token));
    }

    /**
     * Sets how requests are authenticated, for example with a rotating token or extra headers;
     * replaces an earlier {@link #sessionToken}. Default: no credentials.
     *
     * @param auth the authentication scheme
     * @return this builder
     */
    public Builder auth(CoderAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth == null");
      return this;
    }

    /**
     * Sends calls through a client derived from {@code client}, sharing its connection pool,
     * dispatcher and settings (proxy, TLS, interceptors). The SDK adds its authentication as a
     * network interceptor and turns off redirects that change the scheme. Timeouts set on this
     * builder override the client's; unset ones keep the client's. Default: a client of the SDK's
     * own, closed by {@link CoderClient#close()}.
     *
     * @param client the client to derive from; not modified, and not closed by the SDK
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Names the calling application in the {@code User-Agent} header, before the SDK's own product
     * token, for example {@code "nightly-cleanup/1.4"}. Default: the SDK's token only.
     *
     * @param userAgent the application's product token, such as {@code name/version}
     * @return this builder
     * @throws IllegalArgumentException if {@code userAgent} is blank
     */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent == null");
      if (userAgent.isBlank()) {
        throw new IllegalArgumentException("userAgent is blank");
      }
      this.userAgent = userAgent.strip();
      return this;
    }

    /**
     * Sets how long to wait for a connection. Default 10 s; {@link Duration#ZERO} waits forever.
     *
     * @param timeout the connect timeout; zero for none
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = checkTimeout(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets how long to wait for each read from the connection. Default 30 s; {@link Duration#ZERO}
     * waits forever.
     *
     * @param timeout the read timeout; zero for none
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = checkTimeout(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets how long to wait for each write to the connection. Default 30 s; {@link Duration#ZERO}
     * waits forever.
     *
     * @param timeout the write timeout; zero for none
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = checkTimeout(timeout, "writeTimeout");
      return this;
    }

    /**
     * Sets a limit on a whole call: connecting, sending, waiting, reading the body, and every retry
     * and wait between attempts. Default: no limit beyond the other timeouts and the retry policy's
     * time budget; {@link Duration#ZERO} means none.
     *
     * @param timeout the limit on a whole call; zero for none
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = checkTimeout(timeout, "callTimeout");
      return this;
    }

    /**
     * Sets how many idle connections the SDK's own client keeps for reuse, for 5 minutes each, and
     * how many asynchronous calls it runs at once (at least OkHttp's 5). Default 16: enough for 16
     * threads sharing the client to reuse their connections instead of opening new ones. Ignored
     * when {@link #okHttpClient} is given; that client's pool and dispatcher are used.
     *
     * @param maxIdleConnections how many idle connections to keep; 0 closes each one after its call
     * @return this builder
     * @throws IllegalArgumentException if {@code maxIdleConnections} is negative
     */
    public Builder maxIdleConnections(int maxIdleConnections) {
      if (maxIdleConnections < 0) {
        throw new IllegalArgumentException(
            "maxIdleConnections must not be negative, was " + maxIdleConnections);
      }
      this.maxIdleConnections = maxIdleConnections;
      return this;
    }

    /**
     * Sets when failed calls are sent again. Default {@link RetryPolicy#defaults()}: 3 attempts,
     * backoff from 500 ms to 8 s, within 2 minutes; {@link RetryPolicy#none()} turns retries off.
     *
     * @param policy which failures to retry, how often, and how long to wait between attempts
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * Logs each HTTP exchange at {@code DEBUG} to the {@link System.Logger} named {@code
     * com.coder.sdk.http}, with credentials and license keys redacted; see {@link HttpLogLevel}.
     * Records appear only if that logger is enabled for debug output, for example with {@code
     * com.coder.sdk.http.level = FINE} in a {@code java.util.logging} configuration. Default {@link
     * HttpLogLevel#NONE}.
     *
     * @param level how much of each exchange to log
     * @return this builder
     */
    public Builder logging(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "level == null");
      return this;
    }

    /**
     * Trusts the certificate authorities in a PEM file, in addition to the JDK's, for a deployment
     * whose certificate a private CA signed. Can be called more than once.
     *
     * @param pemFile a file of one or more PEM certificates ({@code BEGIN CERTIFICATE})
     * @return this builder
     * @throws IllegalArgumentException if the file holds no PEM certificate
     * @throws java.io.UncheckedIOException if it cannot be read
     */
    public Builder trustCertificates(Path pemFile) {
      Objects.requireNonNull(pemFile, "pemFile == null");
      trustedCertificates.addAll(Tls.readCertificates(pemFile));
      return this;
    }

    /**
     * Trusts the certificates of a key store's trusted-certificate entries, in addition to the
     * JDK's certificate authorities. Can be called more than once.
     *
     * @param trustStore a loaded key store; only its trusted-certificate entries are read
     * @return this builder
     * @throws IllegalArgumentException if the store is not loaded or holds no trusted certificate
     *     entry
     */
    public Builder trustCertificates(KeyStore trustStore) {
      Objects.requireNonNull(trustStore, "trustStore == null");
      trustedCertificates.addAll(Tls.trustedCertificates(trustStore));
      return this;
    }

    /**
     * Presents a client certificate for mutual TLS. The certificate file may list intermediates
     * after the client's own certificate; the key must be unencrypted PEM, PKCS#8 ({@code BEGIN
     * PRIVATE KEY}) or RSA PKCS#1 ({@code BEGIN RSA PRIVATE KEY}).
     *
     * @param certificatePem the client's PEM certificate, optionally followed by intermediates
     * @param privateKeyPem the certificate's unencrypted PEM private key
     * @return this builder
     * @throws IllegalArgumentException if a file is not in a supported form
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public Builder clientCertificate(Path certificatePem, Path privateKeyPem) {
      Objects.requireNonNull(certificatePem, "certificatePem == null");
      Objects.requireNonNull(privateKeyPem, "privateKeyPem == null");
      char[] password = new char[0];
      this.clientKeyStore = Tls.clientKeyStore(certificatePem, privateKeyPem, password);
      this.clientKeyPassword = password;
      return this;
    }

    /**
     * Presents the client certificate of a key store (such as a PKCS#12 file loaded with {@link
     * KeyStore#load}) for mutual TLS; {@code password} unlocks its key entry.
     *
     * @param keyStore a loaded key store with the client's private key entry
     * @param password the key entry's password; copied, so the caller may clear its array
     * @return this builder
     */
    public Builder clientCertificate(KeyStore keyStore, char[] password) {
      this.clientKeyStore = Objects.requireNonNull(keyStore, "keyStore == null");
      this.clientKeyPassword = Objects.requireNonNull(password, "password == null").clone();
      return this;
    }

    /**
     * Sends every call through {@code proxy}. Default: the JVM's {@link java.net.ProxySelector},
     * which reads the {@code https.proxyHost} family of system properties.
     *
     * @param proxy the HTTP or SOCKS proxy to connect through, or {@link Proxy#NO_PROXY}
     * @return this builder
     */
    public Builder proxy(Proxy proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy == null");
      return this;
    }

    /**
     * Answers the proxy's {@code 407} with Basic credentials, and sends them up front to an HTTP
     * proxy. The password is never logged or printed.
     *
     * @param user the proxy user name
     * @param password the proxy password
     * @return this builder
     */
    public Builder proxyCredentials(String user, String password) {
      Objects.requireNonNull(user, "user == null");
      Objects.requireNonNull(password, "password == null");
      this.proxyAuth = new ProxyAuth(user, password);
      return this;
    }

    /**
     * Reads the deployment URL from {@code CODER_URL}, the session token from {@code
     * CODER_SESSION_TOKEN}, and extra headers from {@code CODER_HEADER} if it is set, as Coder's
     * CLI does. {@code CODER_HEADER} holds {@code name=value} fields separated by commas (a field
     * in double quotes may contain a comma), for example {@code
     * CF-Access-Client-Id=abc,CF-Access-Client-Secret=xyz}; like the token, the headers go only to
     * the deployment's origin and their values are never printed.
     *
     * @return this builder
     * @throws IllegalStateException naming each variable that is missing, empty or malformed
     */
    public Builder fromEnvironment() {
      return fromEnvironment(System::getenv);
    }

    /**
     * Reads the variables of {@link #fromEnvironment()} from {@code variables} instead of the
     * process environment, for example from a file of settings or in a test.
     *
     * @param variables the variables by name, such as {@code CODER_URL}
     * @return this builder
     * @throws IllegalStateException naming each variable that is missing, empty or malformed
     */
    public Builder fromEnvironment(Map<String, String> variables) {
      Objects.requireNonNull(variables, "variables == null");
      return fromEnvironment(variables::get);
    }

    Builder fromEnvironment(Function<String, @Nullable String> environment) {
      String url = environment.apply(URL_VARIABLE);
      String token = environment.apply(TOKEN_VARIABLE);
      List<String> missing = new ArrayList<>();
      if (url == null || url.isBlank()) {
        missing.add(URL_VARIABLE + " to the deployment URL (such as https://coder.example.com)");
      }
      if (token == null || token.isBlank()) {
        missing.add(TOKEN_VARIABLE + " to a session token (see `coder tokens create`)");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("set " + String.join(" and ", missing));
      }
      try {
        baseUrl(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(URL_VARIABLE + " is not usable: " + e.getMessage(), e);
      }

      CoderAuth credentials = CoderAuth.sessionToken(token);
      String headers = environment.apply(HEADER_VARIABLE);
      if (headers != null && !headers.isBlank()) {
        Map<String, String> extra;
        try {
          extra = EnvironmentHeaders.parse(headers);
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(HEADER_VARIABLE + " is not usable: " + e.getMessage(), e);
        }
        // The token goes last, so that a header of the same name cannot replace it.
        credentials = CoderAuth.headers(extra).and(credentials);
      }
      return auth(credentials);
    }

    /**
     * {@return the client}
     *
     * @throws IllegalStateException if no base URL was set, or if TLS or proxy settings were
     *     combined with {@link #okHttpClient}, whose own settings would silently win
     */
    public CoderClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException(
            "baseUrl is required, for example https://coder.example.com");
      }
      boolean transportSettings =
          !trustedCertificates.isEmpty()
              || clientKeyStore != null
              || proxy != null
              || proxyAuth != null;
      OkHttpClient callerClient = okHttpClient;
      if (callerClient != null && transportSettings) {
        throw new IllegalStateException(
            "trustCertificates, clientCertificate, proxy and proxyCredentials configure the SDK's"
                + " own HTTP client; set them on the OkHttpClient given to okHttpClient(...)");
      }
      boolean owned = callerClient == null;
      OkHttpClient.Builder http =
          callerClient == null
              ? new OkHttpClient.Builder()
                  .dispatcher(dispatcher(maxIdleConnections))
                  .connectionPool(
                      new ConnectionPool(
                          maxIdleConnections, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                  .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                  .readTimeout(DEFAULT_READ_TIMEOUT)
                  .writeTimeout(DEFAULT_WRITE_TIMEOUT)
              : callerClient.newBuilder();
      if (connectTimeout != null) {
        http.connectTimeout(connectTimeout);
      }
      if (readTimeout != null) {
        http.readTimeout(readTimeout);
      }
      if (writeTimeout != null) {
        http.writeTimeout(writeTimeout);
      }
      if (callTimeout != null) {
        http.callTimeout(callTimeout);
      }
      if (!trustedCertificates.isEmpty() || clientKeyStore != null) {
        Tls.configure(http, trustedCertificates, clientKeyStore, clientKeyPassword);
      }
      if (proxy != null) {
        http.proxy(proxy);
      }
      if (proxyAuth != null) {
        http.proxyAuthenticator(proxyAuth).addNetworkInterceptor(proxyAuth);
      }
      AuthInterceptor authInterceptor = new AuthInterceptor(baseUrl, auth);

      // Network interceptors run per hop, in this order, the last one next to the wire.
      http.followSslRedirects(false)
          .addNetworkInterceptor(authInterceptor)
          .addNetworkInterceptor(new RedirectGuard(baseUrl));
      if (logLevel != HttpLogLevel.NONE) {
        http.addNetworkInterceptor(
            new HttpLogger(
                logLevel.compareTo(HttpLogLevel.HEADERS) >= 0, logLevel == HttpLogLevel.BODY));
      }

      RetryRules retries =
          new RetryRules(
              retryPolicy.maxAttempts(),
              retryPolicy.initialBackoff(),
              retryPolicy.maxBackoff(),
              retryPolicy.timeBudget(),
              RetryTimer.system());
      String agent =
          userAgent == null ? SdkVersion.userAgent() : userAgent + " " + SdkVersion.userAgent();
      HttpUrl apiRoot = baseUrl.newBuilder().addPathSegment("api").addPathSegment("v2").build();
      return new CoderClient(
          baseUrl, new HttpPipeline(apiRoot, http.build(), authInterceptor, owned, agent, retries));
    }

    /**
     * Returns a dispatcher that runs as many asynchronous calls at once as the pool keeps
     * connections for. OkHttp's default of 5 per host would queue the rest, and the SDK talks to a
     * single host.
     */
    private static Dispatcher dispatcher(int maxIdleConnections) {
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequestsPerHost(
          Math.max(dispatcher.getMaxRequestsPerHost(), maxIdleConnections));
      dispatcher.setMaxRequests(Math.max(dispatcher.getMaxRequests(), maxIdleConnections));
      return dispatcher;
    }

    private static Duration checkTimeout(Duration timeout, String name) {
      Objects.requireNonNull(timeout, name + " == null");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + timeout);
      }
      return timeout;
    }

    /** Drops a trailing {@code /api/v2}, which users often copy from API docs into the URL. */
    private static HttpUrl withoutApiSuffix(HttpUrl url) {
      List<String> segments = new ArrayList<>(url.pathSegments());
      segments.removeIf(String::isEmpty);
      int size = segments.size();
      if (size >= 2
          && segments.get(size - 2).equals("api")
          && segments.get(size - 1).equals("v2")) {
        segments = segments.subList(0, size - 2);
      }
      HttpUrl.Builder builder = url.newBuilder().encodedPath("/");
      segments.forEach(builder::addPathSegment);
      return builder.build();
    }
  }
}
