package com.coder.sdk;

/**
 * The call did not get an answer: the connection failed, was refused or dropped, or TLS failed. The
 * message names the method and URL (never credentials); {@link #getCause()} holds the underlying
 * I/O failure. Whether the server acted on the request is unknown.
 */
public class CoderTransportException extends CoderException {
  private static final long serialVersionUID = 1L;

  /** The HTTP method of the call. */
  private final String method;

  /** The URL of the call, without credentials. */
  private final String url;

  /**
   * Creates the exception for a call to {@code url} that failed with {@code cause}.
   *
   * @param message the exception message; must not contain credentials
   * @param method the HTTP method of the call
   * @param url the URL of the call, without credentials
   * @param cause the I/O failure
   */
  public CoderTransportException(String message, String method, String url, Throwable cause) {
    super(message, cause);
    this.method = method;
    this.url = url;
  }

  /** {@return the HTTP method of the call} */
  public String method() {
    return method;
  }

  /** {@return the URL of the call, without credentials} */
  public String url() {
    return url;
  }
}
