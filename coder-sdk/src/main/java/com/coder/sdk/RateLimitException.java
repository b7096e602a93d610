package com.coder.sdk;

import com.coder.sdk.model.Response;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * 429 Too Many Requests: the caller sent too many requests to this path. {@link #retryAfter()} says
 * how long to wait.
 */
public class RateLimitException extends CoderApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link CoderApiException} for the parameters. */
  public RateLimitException(
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
