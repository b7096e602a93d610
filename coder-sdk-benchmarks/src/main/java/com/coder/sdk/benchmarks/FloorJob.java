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
import org.jspecify.annotations.Nullable;

/**
 * The floor: the fields of a provisioner job in a plain mutable class, decoded by Jackson databind
 * with its defaults and the JSR-310 module. Nothing is validated, copied or made immutable, so any
 * object field is null when the answer omits it or sends {@code null}.
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
  public @Nullable UUID id;

  @JsonProperty("created_at")
  public @Nullable Instant createdAt;

  @JsonProperty("started_at")
  public @Nullable Instant startedAt;

  @JsonProperty("completed_at")
  public @Nullable Instant completedAt;

  @JsonProperty("canceled_at")
  public @Nullable Instant canceledAt;

  @JsonProperty("error")
  public @Nullable String error;

  @JsonProperty("error_code")
  public @Nullable String errorCode;

  @JsonProperty("status")
  public @Nullable String status;

  @JsonProperty("worker_id")
  public @Nullable UUID workerId;

  @JsonProperty("worker_name")
  public @Nullable String workerName;

  @JsonProperty("file_id")
  public @Nullable UUID fileId;

  @JsonProperty("tags")
  public @Nullable Map<String, String> tags;

  @JsonProperty("queue_position")
  public int queuePosition;

  @JsonProperty("queue_size")
  public int queueSize;

  @JsonProperty("organization_id")
  public @Nullable UUID organizationId;

  @JsonProperty("initiator_id")
  public @Nullable UUID initiatorId;

  @JsonProperty("input")
  public @Nullable Input input;

  @JsonProperty("type")
  public @Nullable String type;

  @JsonProperty("available_workers")
  public @Nullable List<UUID> availableWorkers;

  @JsonProperty("metadata")
  public @Nullable Metadata metadata;

  @JsonProperty("logs_overflowed")
  public boolean logsOverflowed;

  /** The job's input. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Input {
    @JsonProperty("template_version_id")
    public @Nullable UUID templateVersionId;

    @JsonProperty("workspace_build_id")
    public @Nullable UUID workspaceBuildId;

    @JsonProperty("error")
    public @Nullable String error;
  }

  /** The job's template and workspace. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Metadata {
    @JsonProperty("template_version_name")
    public @Nullable String templateVersionName;

    @JsonProperty("template_id")
    public @Nullable UUID templateId;

    @JsonProperty("template_name")
    public @Nullable String templateName;

    @JsonProperty("template_display_name")
    public @Nullable String templateDisplayName;

    @JsonProperty("template_icon")
    public @Nullable String templateIcon;

    @JsonProperty("workspace_id")
    public @Nullable UUID workspaceId;

    @JsonProperty("workspace_name")
    public @Nullable String workspaceName;

    @JsonProperty("workspace_build_transition")
    public @Nullable String workspaceBuildTransition;
  }

  /** An organization with the same treatment. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class FloorOrganization {
    @JsonProperty("id")
    public @Nullable UUID id;

    @JsonProperty("name")
    public @Nullable String name;

    @JsonProperty("display_name")
    public @Nullable String displayName;

    @JsonProperty("description")
    public @Nullable String description;

    @JsonProperty("icon")
    public @Nullable String icon;

    @JsonProperty("created_at")
    public @Nullable Instant createdAt;

    @JsonProperty("updated_at")
    public @Nullable Instant updatedAt;

    @JsonProperty("is_default")
    public boolean isDefault;

    @JsonProperty("default_org_member_roles")
    public @Nullable List<String> defaultOrgMemberRoles;
  }
}
