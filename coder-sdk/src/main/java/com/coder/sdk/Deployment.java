package com.coder.sdk;

import com.coder.sdk.internal.ApiRequest;
import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.model.BuildInfo;
import com.coder.sdk.model.Entitlements;
import java.util.concurrent.CompletableFuture;

/**
 * Facts about the deployment as a whole: its version and its entitlements. Get one from {@link
 * CoderClient#deployment()}. Thread-safe; each method has an {@code ...Async} sibling that returns
 * a {@link CompletableFuture}.
 *
 * <pre>{@code
 * System.out.println("Coder " + client.deployment().buildInfo().version());
 * boolean multiOrg = client.deployment().entitlements()
 *     .isEntitled(Entitlements.MULTIPLE_ORGANIZATIONS);
 * }</pre>
 */
public final class Deployment {
  private final HttpPipeline http;

  Deployment(HttpPipeline http) {
    this.http = http;
  }

  /**
   * {@return the server's version and URLs} Sends {@code GET /api/v2/buildinfo}, which needs no
   * token.
   */
  public BuildInfo buildInfo() {
    return http.call(ApiRequest.get("buildinfo"), BuildInfo.class);
  }

  /**
   * {@return what the deployment's licenses allow} Sends {@code GET /api/v2/entitlements}.
   *
   * @throws NotFoundException on an open-source build, which has no entitlements route
   */
  public Entitlements entitlements() {
    return http.call(ApiRequest.get("entitlements"), Entitlements.class);
  }

  /**
   * Returns the server's version and URLs without blocking; see {@link #buildInfo()}.
   *
   * @return a future of the build information
   */
  public CompletableFuture<BuildInfo> buildInfoAsync() {
    return http.callAsync(ApiRequest.get("buildinfo"), BuildInfo.class);
  }

  /**
   * Returns what the licenses allow without blocking; see {@link #entitlements()}.
   *
   * @return a future of the entitlements; it fails with {@link NotFoundException} on an open-source
   *     build
   */
  public CompletableFuture<Entitlements> entitlementsAsync() {
    return http.callAsync(ApiRequest.get("entitlements"), Entitlements.class);
  }
}
