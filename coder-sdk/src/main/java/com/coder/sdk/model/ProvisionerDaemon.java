package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A provisioner daemon registered with an organization.
 *
 * @param id the daemon's ID
 * @param organizationId the organization it serves
 * @param keyId the provisioner key it authenticated with; built-in and pre-shared-key daemons use
 *     fixed well-known IDs
 * @param createdAt when the daemon first registered
 * @param lastSeenAt when the daemon last reported; null if never
 * @param name the daemon's name, as jobs show it in {@link ProvisionerJob#workerName()}
 * @param version the daemon's Coder version
 * @param apiVersion the provisioner API version it speaks
 * @param provisioners the provisioners it can run, such as {@code terraform}
 * @param tags the tags jobs are matched against
 * @param keyName the provisioner key's name; null when the server does not say
 * @param status what the daemon is doing; null when the server does not say
 * @param currentJob the job it is running; null when idle
 * @param previousJob the job it ran last; null if none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProvisionerDaemon(
    @JsonProperty("id") UUID id,
    @JsonProperty("organization_id") UUID organizationId,
    @JsonProperty("key_id") @Nullable UUID keyId,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("last_seen_at") @Nullable Instant lastSeenAt,
    @JsonProperty("name") String name,
    @JsonProperty("version") String version,
    @JsonProperty("api_version") String apiVersion,
    @JsonProperty("provisioners") List<String> provisioners,
    @JsonProperty("tags") Map<String, String> tags,
    @JsonProperty("key_name") @Nullable String keyName,
    @JsonProperty("status") @Nullable ProvisionerDaemonStatus status,
    @JsonProperty("current_job") @Nullable ProvisionerDaemonJob currentJob,
    @JsonProperty("previous_job") @Nullable ProvisionerDaemonJob previousJob) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable.
   *
   * @param id the daemon's ID
   * @param organizationId the organization it serves
   * @param keyId the provisioner key it authenticated with; built-in and pre-shared-key daemons use
   *     fixed well-known IDs
   * @param createdAt when the daemon first registered
   * @param lastSeenAt when the daemon last reported; null if never
   * @param name the daemon's name, as jobs show it in {@link ProvisionerJob#workerName()}
   * @param version the daemon's Coder version
   * @param apiVersion the provisioner API version it speaks
   * @param provisioners the provisioners it can run, such as {@code terraform}
   * @param tags the tags jobs are matched against
   * @param keyName the provisioner key's name; null when the server does not say
   * @param status what the daemon is doing; null when the server does not say
   * @param currentJob the job it is running; null when idle
   * @param previousJob the job it ran last; null if none
   * @throws IllegalArgumentException if a component the server always sends is null
   */
  public ProvisionerDaemon {
    id = Fields.required(id, "id");
    organizationId = Fields.required(organizationId, "organization_id");
    createdAt = Fields.required(createdAt, "created_at");
    name = Fields.required(name, "name");
    version = Fields.orEmpty(version);
    apiVersion = Fields.orEmpty(apiVersion);
    provisioners = Fields.list(provisioners);
    tags = Fields.map(tags);
  }
}
