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

  /** Creates the exception; see {@link CoderApiException} for the parameters. */
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
