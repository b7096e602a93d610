package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One failed check of a request, as listed in {@link Response#validations()}.
 *
 * @param field the JSON name of the body field or query parameter that failed
 * @param detail why it failed, for example {@code Validation failed for tag "organization_name"}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationError(
    @JsonProperty("field") String field, @JsonProperty("detail") String detail) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable.
   *
   * @param field the JSON name of the body field or query parameter that failed
   * @param detail why it failed, for example {@code Validation failed for tag "organization_name"}
   */
  public ValidationError {
    field = Fields.orEmpty(field);
    detail = Fields.orEmpty(detail);
  }
}
