package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * A job a provisioner daemon is running or ran last.
 *
 * @param id the job's ID
 * @param status the job's status
 * @param templateName the template's name; {@code ""} when unknown or not sent (older servers)
 * @param templateIcon the template's icon; may be {@code ""}
 * @param templateDisplayName the template's display name; may be {@code ""}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProvisionerDaemonJob(
    @JsonProperty("id") UUID id,
    @JsonProperty("status") ProvisionerJobStatus status,
    @JsonProperty("template_name") String templateName,
    @JsonProperty("template_icon") String templateIcon,
    @JsonProperty("template_display_name") String templateDisplayName) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable.
   *
   * @param id the job's ID
   * @param status the job's status
   * @param templateName the template's name; {@code ""} when unknown or not sent (older servers)
   * @param templateIcon the template's icon; may be {@code ""}
   * @param templateDisplayName the template's display name; may be {@code ""}
   * @throws IllegalArgumentException if a component the server always sends is null
   */
  public ProvisionerDaemonJob {
    id = Fields.required(id, "id");
    status = Fields.required(status, "status");
    templateName = Fields.orEmpty(templateName);
    templateIcon = Fields.orEmpty(templateIcon);
    templateDisplayName = Fields.orEmpty(templateDisplayName);
  }
}
