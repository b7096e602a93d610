package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The server's version and URLs, from {@code GET /buildinfo} (which needs no token). Fields were
 * added over Coder's releases; ones an older server does not send are {@code ""} or false.
 *
 * @param externalUrl a link to the release or commit the server was built from
 * @param version the server version, such as {@code v2.24.1}
 * @param dashboardUrl the URL of the dashboard
 * @param telemetry true if telemetry is on
 * @param workspaceProxy true if this server is a workspace proxy rather than coderd
 * @param agentApiVersion the newest workspace agent API version the server speaks
 * @param provisionerApiVersion the newest provisioner daemon API version the server speaks
 * @param upgradeMessage a message the server shows to outdated clients
 * @param deploymentId the deployment's unique ID
 * @param webpushPublicKey the public key for web push notifications; may be {@code ""}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuildInfo(
    @JsonProperty("external_url") String externalUrl,
    @JsonProperty("version") String version,
    @JsonProperty("dashboard_url") String dashboardUrl,
    @JsonProperty("telemetry") boolean telemetry,
    @JsonProperty("workspace_proxy") boolean workspaceProxy,
    @JsonProperty("agent_api_version") String agentApiVersion,
    @JsonProperty("provisioner_api_version") String provisionerApiVersion,
    @JsonProperty("upgrade_message") String upgradeMessage,
    @JsonProperty("deployment_id") String deploymentId,
    @JsonProperty("webpush_public_key") String webpushPublicKey) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable.
   *
   * @param externalUrl a link to the release or commit the server was built from
   * @param version the server version, such as {@code v2.24.1}
   * @param dashboardUrl the URL of the dashboard
   * @param telemetry true if telemetry is on
   * @param workspaceProxy true if this server is a workspace proxy rather than coderd
   * @param agentApiVersion the newest workspace agent API version the server speaks
   * @param provisionerApiVersion the newest provisioner daemon API version the server speaks
   * @param upgradeMessage a message the server shows to outdated clients
   * @param deploymentId the deployment's unique ID
   * @param webpushPublicKey the public key for web push notifications; may be {@code ""}
   */
  public BuildInfo {
    externalUrl = Fields.orEmpty(externalUrl);
    version = Fields.orEmpty(version);
    dashboardUrl = Fields.orEmpty(dashboardUrl);
    agentApiVersion = Fields.orEmpty(agentApiVersion);
    provisionerApiVersion = Fields.orEmpty(provisionerApiVersion);
    upgradeMessage = Fields.orEmpty(upgradeMessage);
    deploymentId = Fields.orEmpty(deploymentId);
    webpushPublicKey = Fields.orEmpty(webpushPublicKey);
  }
}
