package com.coder.sdk;

/**
 * The call ran out of time: connecting, reading, writing or the whole call exceeded its timeout
 * (see {@link CoderClient.Builder#readTimeout}). Whether the server acted on the request is
 * unknown.
 */
public class CoderTimeoutException extends CoderTransportException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a call to {@code url} that timed out.
   *
   * @param message the exception message; must not contain credentials
   * @param method the HTTP method of the call
   * @param url the URL of the call, without credentials
   * @param cause the timeout reported by the HTTP client
   */
  public CoderTimeoutException(String message, String method, String url, Throwable cause) {
    super(message, method, url, cause);
  }
}
