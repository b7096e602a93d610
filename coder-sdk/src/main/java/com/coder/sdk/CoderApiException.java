package com.coder.sdk;

import com.coder.sdk.model.Response;
import com.coder.sdk.model.ValidationError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with a status other than 2xx.
 *
 * <p>Carries the status code, the method and path that were sent, and the server's {@link Response}
 * (message, detail and validations) when the body was Coder's error JSON. When the body was
 * something else, such as an HTML page from a proxy, {@link #response()} is empty and {@link
 * #bodyExcerpt()} holds the start of it. Subclasses exist for the statuses callers usually branch
 * on:
 *
 * <pre>{@code
 * try {
 *   client.organizations().create(CreateOrganizationRequest.builder("data").build());
 * } catch (ConflictException e) {
 *   // the name is taken
 * } catch (BadRequestException e) {
 *   e.validations().forEach(v -> System.err.println(v.field() + ": " + v.detail()));
 * }
 * }</pre>
 */
public class CoderApiException extends CoderException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status code of the answer. */
  private final int statusCode;

  /** The HTTP method of the call. */
  private final String method;

  /** The path and query of the call. */
  private final String path;

  private final transient @Nullable Response response;

  /** The start of the body as text. */
  private final String bodyExcerpt;

  /** How long the server asked the client to wait, or null. */
  private final @Nullable Duration retryAfter;

  /**
   * Creates an exception for an error answer.
   *
   * @param message the exception message; must not contain credentials
   * @param statusCode the HTTP status code
   * @param method the HTTP method sent
   * @param path the path and query sent, for example {@code /api/v2/organizations/default}
   * @param response the server's error body, or null when it was not Coder's JSON
   * @param bodyExcerpt the start of the body as text, or {@code ""} when it was empty
   * @param retryAfter how long the server asked the client to wait, or null when it did not say
   */
  public CoderApiException(
      String message,
      int statusCode,
      String method,
      String path,
      @Nullable Response response,
      String bodyExcerpt,
      @Nullable Duration retryAfter) {
    super(message);
    this.statusCode = statusCode;
    this.method = method;
    this.path = path;
    this.response = response;
    this.bodyExcerpt = bodyExcerpt;
    this.retryAfter = retryAfter;
  }

  /** {@return the HTTP status code of the answer} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the HTTP method of the call, for example {@code PATCH}} */
  public String method() {
    return method;
  }

  /** {@return the path and query of the call, for example {@code /api/v2/organizations/data}} */
  public String path() {
    return path;
  }

  /** {@return the server's error body, or empty when the body was not Coder's error JSON} */
  public Optional<Response> response() {
    return Optional.ofNullable(response);
  }

  /** {@return the server's message, or {@code ""} when the body was not Coder's error JSON} */
  public String serverMessage() {
    return response == null ? "" : response.message();
  }

  /** {@return the server's detail, or {@code ""} when it sent none} */
  public String detail() {
    return response == null ? "" : response.detail();
  }

  /** {@return the fields the server rejected; empty when it listed none} */
  public List<ValidationError> validations() {
    return response == null ? List.of() : response.validations();
  }

  /** {@return the start of the response body as text, at most a few hundred characters} */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  /**
   * {@return how long the server asked the client to wait before trying again ({@code
   * Retry-After}); empty when it did not say}
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
