package com.coder.sdk;

import com.coder.sdk.model.Response;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * 403 Forbidden: the caller lacks the permission, or the deployment lacks the licensed feature,
 * that the call needs.
 */
public class ForbiddenException extends CoderApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link CoderApiException} for the parameters. */
  public ForbiddenException(
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
