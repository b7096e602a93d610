package com.coder.sdk;

import com.coder.sdk.model.Response;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * 400 Bad Request: the request was invalid. {@link #validations()} names the rejected fields when
 * the server checked the body or query.
 */
public class BadRequestException extends CoderApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the exception message; must not contain credentials
   * @param statusCode the HTTP status code
   * @param method the HTTP method sent
   * @param path the path and query sent
   * @param response the server's error body, or null when it was not Coder's JSON
   * @param bodyExcerpt the start of the body as text, or {@code ""} when it was empty
   * @param retryAfter how long the server asked the client to wait, or null when it did not say
   */
  public BadRequestException(
      String message,
      int statusCode,
      String method,
      String path,
      @Nullable Response response,
      String bodyExcerpt,
      @Nullable Duration retryAfter) {
    super(message, statusCode, method, path, response, bodyExcerpt, retryAfter);
  }
}
