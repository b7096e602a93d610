package com.coder.sdk;

import java.time.Duration;

/**
 * The call ran out of time. {@link #timeout()} names the timeout that fired and {@link #limit()}
 * its value, both also in the message: connecting ({@link CoderClient.Builder#connectTimeout}),
 * sending the request ({@link CoderClient.Builder#writeTimeout}), waiting for or reading the answer
 * ({@link CoderClient.Builder#readTimeout}), or the whole call ({@link
 * CoderClient.Builder#callTimeout}). Whether the server acted on the request is unknown, except for
 * {@link Timeout#CONNECT}, where it was never sent.
 */
public class CoderTimeoutException extends CoderTransportException {
  private static final long serialVersionUID = 1L;

  /** The timeout that fired. */
  private final Timeout timeout;

  /** The configured value of the timeout that fired. */
  private final Duration limit;

  /**
   * Creates the exception for a call to {@code url} that timed out.
   *
   * @param message the exception message; must not contain credentials
   * @param method the HTTP method sent
   * @param url the URL of the call, without credentials
   * @param timeout the timeout that fired
   * @param limit its configured value
   * @param cause the I/O failure that reported the timeout
   */
  public CoderTimeoutException(
      String message, String method, String url, Timeout timeout, Duration limit, Throwable cause) {
    super(message, method, url, cause);
    this.timeout = timeout;
    this.limit = limit;
  }

  /** {@return the timeout that fired} */
  public Timeout timeout() {
    return timeout;
  }

  /** {@return the configured value of the timeout that fired} */
  public Duration limit() {
    return limit;
  }

  /** The timeouts of a {@link CoderClient}, named after the builder methods that set them. */
  public enum Timeout {
    /** Opening the connection (TCP and TLS) took longer than {@code connectTimeout}. */
    CONNECT("connectTimeout"),
    /** Writing the request stalled for longer than {@code writeTimeout}. */
    WRITE("writeTimeout"),
    /** The server sent nothing for longer than {@code readTimeout}. */
    READ("readTimeout"),
    /** The whole call, retries included, took longer than {@code callTimeout}. */
    CALL("callTimeout");

    private final String setting;

    Timeout(String setting) {
      this.setting = setting;
    }

    /**
     * {@return the name of the builder method that sets this timeout, such as {@code readTimeout}}
     */
    public String setting() {
      return setting;
    }
  }
}
