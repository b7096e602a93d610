package com.coder.sdk.testkit.internal;

import com.coder.sdk.model.BuildInfo;
import java.util.List;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;

/**
 * {@code GET /buildinfo} and {@code GET /entitlements}. Coder registers both without its API key
 * middleware, so they answer without a token.
 */
final class DeploymentRoutes {
  /** The agent API version a server of {@link Store#VERSION} speaks. */
  static final String AGENT_API_VERSION = "2.6";

  private final Store store;
  private final String deploymentId;

  DeploymentRoutes(Store store, String deploymentId) {
    this.store = store;
    this.deploymentId = deploymentId;
  }

  MockResponse route(Call call, List<String> route) {
    if (route.size() != 1) {
      return Wire.error(404, "Route not found.");
    }
    if (!call.method.equals("GET")) {
      return Call.methodNotAllowed();
    }
    if (route.get(0).equals("entitlements")) {
      return Wire.json(200, store.entitlements());
    }
    HttpUrl url = call.request.getUrl();
    String dashboard = url.scheme() + "://" + url.host() + ":" + url.port();
    return Wire.json(
        200,
        new BuildInfo(
            "https://github.com/coder/coder/releases/tag/" + Store.VERSION,
            Store.VERSION,
            dashboard,
            false,
            false,
            AGENT_API_VERSION,
            Store.PROVISIONER_API_VERSION,
            "",
            deploymentId,
            ""));
  }
}
