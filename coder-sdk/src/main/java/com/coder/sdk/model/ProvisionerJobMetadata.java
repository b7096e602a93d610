package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The template and workspace a provisioner job belongs to, as the organization-scoped job endpoints
 * report them.
 *
 * @param templateVersionName the template version's name
 * @param templateId the template's ID; the nil UUID for a version not yet tied to a template
 * @param templateName the template's name; may be {@code ""}
 * @param templateDisplayName the template's display name; may be {@code ""}
 * @param templateIcon the template's icon; may be {@code ""}
 * @param workspaceId the workspace of a build job; null for other jobs
 * @param workspaceName the workspace of a build job; null for other jobs
 * @param workspaceBuildTransition what a build job does to its workspace; null for other jobs and
 *     on servers that do not send it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProvisionerJobMetadata(
    @JsonProperty("template_version_name") String templateVersionName,
    @JsonProperty("template_id") UUID templateId,
    @JsonProperty("template_name") String templateName,
    @JsonProperty("template_display_name") String templateDisplayName,
    @JsonProperty("template_icon") String templateIcon,
    @JsonProperty("workspace_id") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable UUID workspaceId,
    @JsonProperty("workspace_name") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Nullable String workspaceName,
    @JsonProperty("workspace_build_transition") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable WorkspaceTransition workspaceBuildTransition) {

  private static final UUID NIL = new UUID(0, 0);

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable. An empty
   * workspace name becomes null, and an absent template ID the nil UUID.
   *
   * @param templateVersionName the template version's name
   * @param templateId the template's ID; the nil UUID for a version not yet tied to a template
   * @param templateName the template's name; may be {@code ""}
   * @param templateDisplayName the template's display name; may be {@code ""}
   * @param templateIcon the template's icon; may be {@code ""}
   * @param workspaceId the workspace of a build job; null for other jobs
   * @param workspaceName the workspace of a build job; null for other jobs
   * @param workspaceBuildTransition what a build job does to its workspace; null for other jobs and
   *     on servers that do not send it
   */
  public ProvisionerJobMetadata {
    templateVersionName = Fields.orEmpty(templateVersionName);
    templateId = templateId == null ? NIL : templateId;
    templateName = Fields.orEmpty(templateName);
    templateDisplayName = Fields.orEmpty(templateDisplayName);
    templateIcon = Fields.orEmpty(templateIcon);
    if (workspaceName != null && workspaceName.isEmpty()) {
      workspaceName = null;
    }
  }
}
