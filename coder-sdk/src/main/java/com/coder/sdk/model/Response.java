package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The message body Coder sends for errors and for calls that only report an outcome, such as
 * deleting an organization.
 *
 * @param message a sentence for a person; {@code ""} if the server sent none
 * @param detail debug text, often a Go error string; {@code ""} when absent
 * @param validations one entry per invalid field or query parameter; empty when absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Response(
    @JsonProperty("message") String message,
    @JsonProperty("detail") @JsonInclude(JsonInclude.Include.NON_EMPTY) String detail,
    @JsonProperty("validations") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<ValidationError> validations) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable.
   *
   * @param message a sentence for a person; {@code ""} if the server sent none
   * @param detail debug text, often a Go error string; {@code ""} when absent
   * @param validations one entry per invalid field or query parameter; empty when absent
   */
  public Response {
    message = Fields.orEmpty(message);
    detail = Fields.orEmpty(detail);
    validations = Fields.list(validations);
  }

  /**
   * {@return a response that carries only a message}
   *
   * @param message the message
   */
  public static Response of(String message) {
    return new Response(message, "", List.of());
  }
}
