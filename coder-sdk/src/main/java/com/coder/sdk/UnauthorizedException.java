package com.coder.sdk;

import com.coder.sdk.model.Response;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * 401 Unauthorized: the session token is missing, invalid or expired. Sign in again (for example
 * with {@code coder login}) or create a new token.
 */
public class UnauthorizedException extends CoderApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link CoderApiException} for the parameters. */
  public UnauthorizedException(
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
