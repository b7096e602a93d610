package com.coder.sdk.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The floor: the fields of a provisioner job in a plain mutable class, decoded by Jackson databind
 * with its defaults and the JSR-310 module. Nothing is validated, copied or made immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class FloorJob {
  /** A mapper as a caller without the SDK would configure it. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  @JsonProperty("id")
  public UUID id;

  @JsonProperty("created_at")
  public Instant createdAt;

  @JsonProperty("started_at")
  public Instant startedAt;

  @JsonProperty("completed_at")
  public Instant completedAt;

  @JsonProperty("canceled_at")
  public Instant canceledAt;

  @JsonProperty("error")
  public String error;

  @JsonProperty("error_code")
  public String errorCode;

  @JsonProperty("status")
  public String status;

  @JsonProperty("worker_id")
  public UUID workerId;

  @JsonProperty("worker_name")
  public String workerName;

  @JsonProperty("file_id")
  public UUID fileId;

  @JsonProperty("tags")
  public Map<String, String> tags;

  @JsonProperty("queue_position")
  public int queuePosition;

  @JsonProperty("queue_size")
  public int queueSize;

  @JsonProperty("organization_id")
  public UUID organizationId;

  @JsonProperty("initiator_id")
  public UUID initiatorId;

  @JsonProperty("input")
  public Input input;

  @JsonProperty("type")
  public String type;

  @JsonProperty("available_workers")
  public List<UUID> availableWorkers;

  @JsonProperty("metadata")
  public Metadata metadata;

  @JsonProperty("logs_overflowed")
  public boolean logsOverflowed;

  /** The job's input. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Input {
    @JsonProperty("template_version_id")
    public UUID templateVersionId;

    @JsonProperty("workspace_build_id")
    public UUID workspaceBuildId;

    @JsonProperty("error")
    public String error;
  }

  /** The job's template and workspace. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Metadata {
    @JsonProperty("template_version_name")
    public String templateVersionName;

    @JsonProperty("template_id")
    public UUID templateId;

    @JsonProperty("template_name")
    public String templateName;

    @JsonProperty("template_display_name")
    public String templateDisplayName;

    @JsonProperty("template_icon")
    public String templateIcon;

    @JsonProperty("workspace_id")
    public UUID workspaceId;

    @JsonProperty("workspace_name")
    public String workspaceName;

    @JsonProperty("workspace_build_transition")
    public String workspaceBuildTransition;
  }

  /** An organization with the same treatment. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class FloorOrganization {
    @JsonProperty("id")
    public UUID id;

    @JsonProperty("name")
    public String name;

    @JsonProperty("display_name")
    public String displayName;

    @JsonProperty("description")
    public String description;

    @JsonProperty("icon")
    public String icon;

    @JsonProperty("created_at")
    public Instant createdAt;

    @JsonProperty("updated_at")
    public Instant updatedAt;

    @JsonProperty("is_default")
    public boolean isDefault;

    @JsonProperty("default_org_member_roles")
    public List<String> defaultOrgMemberRoles;
  }
}
