package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A provisioner job: a template import, a dry run or a workspace build, queued for and run by a
 * provisioner daemon.
 *
 * <p>A pending job has no {@code startedAt}, {@code workerId} or {@code workerName}, a {@code
 * queuePosition} of 1 or more, and possibly {@code availableWorkers}. Once a daemon takes the job,
 * {@code workerId} and (on the organization endpoints) {@code workerName} are set and the queue
 * position drops to 0.
 *
 * @param id the job's ID
 * @param createdAt when the job was queued
 * @param startedAt when a daemon took the job; null while pending
 * @param completedAt when the job finished (succeeded, failed or canceled); null before
 * @param canceledAt when cancellation was requested; null if it never was
 * @param error why the job failed; null unless it failed
 * @param errorCode a machine-readable reason for the failure; null when the server gave none
 * @param status the job's state
 * @param workerId the daemon that took the job; null until one does
 * @param workerName that daemon's name; null until a daemon takes the job, and on endpoints outside
 *     the organization scope
 * @param fileId the uploaded source archive the job works from
 * @param tags the provisioner tags a daemon must match, usually with {@code scope} and {@code
 *     owner}
 * @param queuePosition 1-based rank among the deployment's pending jobs; 0 when not pending
 * @param queueSize the number of pending jobs in the deployment
 * @param organizationId the organization the job belongs to
 * @param initiatorId the user who started the job; null on servers that predate the field
 * @param input what the job works on; empty when the server sent nothing
 * @param type what the job does
 * @param availableWorkers daemons that could take the job; empty once it started, or when none
 *     matches its tags
 * @param metadata template and workspace of the job; null on servers or endpoints that omit it
 * @param logsOverflowed true when the job wrote more logs than the server keeps
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProvisionerJob(
    @JsonProperty("id") UUID id,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("started_at") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable Instant startedAt,
    @JsonProperty("completed_at") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable Instant completedAt,
    @JsonProperty("canceled_at") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable Instant canceledAt,
    @JsonProperty("error") @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable String error,
    @JsonProperty("error_code") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable JobErrorCode errorCode,
    @JsonProperty("status") ProvisionerJobStatus status,
    @JsonProperty("worker_id") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable UUID workerId,
    @JsonProperty("worker_name") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Nullable String workerName,
    @JsonProperty("file_id") UUID fileId,
    @JsonProperty("tags") Map<String, String> tags,
    @JsonProperty("queue_position") int queuePosition,
    @JsonProperty("queue_size") int queueSize,
    @JsonProperty("organization_id") UUID organizationId,
    @JsonProperty("initiator_id") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable UUID initiatorId,
    @JsonProperty("input") ProvisionerJobInput input,
    @JsonProperty("type") ProvisionerJobType type,
    @JsonProperty("available_workers") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<UUID> availableWorkers,
    @JsonProperty("metadata") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable ProvisionerJobMetadata metadata,
    @JsonProperty("logs_overflowed") boolean logsOverflowed) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable. An empty
   * {@code error}, {@code worker_name} or {@code error_code} becomes null, and an absent {@code
   * input} an empty one.
   *
   * @param id the job's ID
   * @param createdAt when the job was queued
   * @param startedAt when a daemon took the job; null while pending
   * @param completedAt when the job finished (succeeded, failed or canceled); null before
   * @param canceledAt when cancellation was requested; null if it never was
   * @param error why the job failed; null unless it failed
   * @param errorCode a machine-readable reason for the failure; null when the server gave none
   * @param status the job's state
   * @param workerId the daemon that took the job; null until one does
   * @param workerName that daemon's name; null until a daemon takes the job, and on endpoints
   *     outside the organization scope
   * @param fileId the uploaded source archive the job works from
   * @param tags the provisioner tags a daemon must match, usually with {@code scope} and {@code
   *     owner}
   * @param queuePosition 1-based rank among the deployment's pending jobs; 0 when not pending
   * @param queueSize the number of pending jobs in the deployment
   * @param organizationId the organization the job belongs to
   * @param initiatorId the user who started the job; null on servers that predate the field
   * @param input what the job works on; empty when the server sent nothing
   * @param type what the job does
   * @param availableWorkers daemons that could take the job; empty once it started, or when none
   *     matches its tags
   * @param metadata template and workspace of the job; null on servers or endpoints that omit it
   * @param logsOverflowed true when the job wrote more logs than the server keeps
   * @throws IllegalArgumentException if a component the server always sends is null
   */
  public ProvisionerJob {
    id = Fields.required(id, "id");
    createdAt = Fields.required(createdAt, "created_at");
    if (error != null && error.isEmpty()) {
      error = null;
    }
    if (workerName != null && workerName.isEmpty()) {
      workerName = null;
    }
    if (errorCode != null && errorCode.value().isEmpty()) {
      errorCode = null;
    }
    status = Fields.required(status, "status");
    fileId = Fields.required(fileId, "file_id");
    tags = Fields.map(tags);
    organizationId = Fields.required(organizationId, "organization_id");
    input = input == null ? ProvisionerJobInput.EMPTY : input;
    type = Fields.required(type, "type");
    availableWorkers = Fields.list(availableWorkers);
  }
}
