package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One line of a provisioner job's log.
 *
 * @param id the line's ID; IDs grow with each line of a job, so the last one seen is the cursor for
 *     fetching later lines
 * @param createdAt when the line was written
 * @param source which component wrote it
 * @param level its severity
 * @param stage the step of the job it belongs to, such as {@code Planning infrastructure}
 * @param output the text; may be {@code ""}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProvisionerJobLog(
    @JsonProperty("id") long id,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("log_source") LogSource source,
    @JsonProperty("log_level") LogLevel level,
    @JsonProperty("stage") String stage,
    @JsonProperty("output") String output) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable. An absent
   * source becomes {@link LogSource#PROVISIONER} and an absent level {@link LogLevel#INFO}.
   *
   * @param id the line's ID; IDs grow with each line of a job, so the last one seen is the cursor
   *     for fetching later lines
   * @param createdAt when the line was written
   * @param source which component wrote it
   * @param level its severity
   * @param stage the step of the job it belongs to, such as {@code Planning infrastructure}
   * @param output the text; may be {@code ""}
   * @throws IllegalArgumentException if a component the server always sends is null
   */
  public ProvisionerJobLog {
    createdAt = Fields.required(createdAt, "created_at");
    source = source == null ? LogSource.PROVISIONER : source;
    level = level == null ? LogLevel.INFO : level;
    stage = Fields.orEmpty(stage);
    output = Fields.orEmpty(output);
  }
}
