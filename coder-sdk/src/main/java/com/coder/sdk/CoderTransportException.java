package com.coder.sdk;

/**
 * The call did not get an answer: the connection failed, was refused or dropped, or TLS failed. The
 * message names the method and URL (never credentials); {@link #getCause()} holds the underlying
 * I/O failure. Whether the server acted on the request is unknown.
 */
public class CoderTransportException extends CoderException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String url;

  /** Creates the exception for a call to {@code url} that failed with {@code cause}. */
  public CoderTransportException(String message, String method, String url, Throwable cause) {
    super(message, cause);
    this.method = method;
    this.url = url;
  }

  /** Returns the HTTP method of the call. */
  public String method() {
    return method;
  }

  /** Returns the URL of the call, without credentials. */
  public String url() {
    return url;
  }
}
