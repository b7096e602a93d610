package com.coder.sdk;

import org.jspecify.annotations.Nullable;

/**
 * The server answered with a 2xx status, but the body was not the JSON this call expects: empty,
 * truncated, of the wrong shape, or not JSON at all (for example a sign-in page from a proxy in
 * front of Coder). The message names the call and gives the start of the body.
 */
public class CoderDecodeException extends CoderException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status code of the answer. */
  private final int statusCode;

  /** The HTTP method of the call. */
  private final String method;

  /** The path and query of the call. */
  private final String path;

  /** The answer's content type, or null. */
  private final @Nullable String contentType;

  /** The start of the body as text. */
  private final String bodyExcerpt;

  /**
   * Creates the exception.
   *
   * @param message the exception message; must not contain credentials
   * @param statusCode the HTTP status code of the answer
   * @param method the HTTP method sent
   * @param path the path and query sent
   * @param contentType the answer's {@code Content-Type}, or null when it had none
   * @param bodyExcerpt the start of the body as text, or {@code ""}
   * @param cause the decoding failure, or null
   */
  public CoderDecodeException(
      String message,
      int statusCode,
      String method,
      String path,
      @Nullable String contentType,
      String bodyExcerpt,
      @Nullable Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.method = method;
    this.path = path;
    this.contentType = contentType;
    this.bodyExcerpt = bodyExcerpt;
  }

  /** {@return the HTTP status code of the answer} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the HTTP method of the call} */
  public String method() {
    return method;
  }

  /** {@return the path and query of the call} */
  public String path() {
    return path;
  }

  /** {@return the answer's {@code Content-Type}, or null when it had none} */
  public @Nullable String contentType() {
    return contentType;
  }

  /** {@return the start of the body as text, or {@code ""} when it was empty} */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
