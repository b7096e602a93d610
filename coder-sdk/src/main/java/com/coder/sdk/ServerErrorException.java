package com.coder.sdk;

import com.coder.sdk.model.Response;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A 5xx status: the server, or a proxy in front of it, failed. Read {@link #detail()} for the cause
 * the server gave.
 */
public class ServerErrorException extends CoderApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link CoderApiException} for the parameters. */
  public ServerErrorException(
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
