package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a provisioner job works on; which field is set depends on {@link ProvisionerJob#type()}.
 *
 * @param templateVersionId the template version of an import or dry-run job; null otherwise
 * @param workspaceBuildId the workspace build of a build job; null otherwise
 * @param error set when the server could not decode the job's stored input; null otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvisionerJobInput(
    @JsonProperty("template_version_id") @Nullable UUID templateVersionId,
    @JsonProperty("workspace_build_id") @Nullable UUID workspaceBuildId,
    @JsonProperty("error") @Nullable String error) {

  /** An input with no field set. */
  public static final ProvisionerJobInput EMPTY = new ProvisionerJobInput(null, null, null);
}
