package com.coder.sdk.internal;

import com.coder.sdk.BadRequestException;
import com.coder.sdk.CoderApiException;
import com.coder.sdk.CoderDecodeException;
import com.coder.sdk.ConflictException;
import com.coder.sdk.ForbiddenException;
import com.coder.sdk.NotFoundException;
import com.coder.sdk.RateLimitException;
import com.coder.sdk.ServerErrorException;
import com.coder.sdk.UnauthorizedException;
import com.coder.sdk.model.Response;
import com.coder.sdk.model.ValidationError;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Turns answers that are not a success into the SDK's exceptions, in one place. */
final class ErrorMapper {
  /** How much of an error body is read; Coder's are small, proxies' pages can be large. */
  private static final long MAX_ERROR_BODY = 64 * 1024;

  /** How much of a success body is kept aside, to quote it if it does not decode. */
  private static final long MAX_HEAD = 1024;

  private static final int MAX_EXCERPT = 300;
  private static final int MAX_DETAIL = 500;

  private ErrorMapper() {}

  static CoderApiException toException(String method, String target, okhttp3.Response response) {
    int status = response.code();
    byte[] body = readBounded(response.body().source(), MAX_ERROR_BODY);
    Response parsed = parse(body);
    String excerpt = excerpt(body);
    Duration retryAfter = retryAfter(response.header("Retry-After"), Instant.now());

    StringBuilder message = new StringBuilder();
    message.append(method).append(' ').append(target).append(" failed with ").append(status);
    if (status >= 300 && status < 400) {
      message
          .append(": redirect")
          .append(redirectTarget(response))
          .append(" was not followed; the client follows redirects only within the origin of its")
          .append(" base URL, so set the base URL to the deployment's own address");
    } else if (parsed != null) {
      appendServerMessage(message, parsed);
    } else if (body.length == 0) {
      message.append(" and an empty body");
    } else {
      MediaType type = response.body().contentType();
      message
          .append(" and a body that is not Coder's error JSON")
          .append(type == null ? "" : " (" + type.type() + "/" + type.subtype() + ")")
          .append(": ")
          .append(excerpt);
    }
    if (retryAfter != null) {
      message.append(" (retry after ").append(retryAfter.toSeconds()).append(" s)");
    }

    String text = message.toString();
    switch (status) {
      case 400:
        return new BadRequestException(text, status, method, target, parsed, excerpt, retryAfter);
      case 401:
        return new UnauthorizedException(text, status, method, target, parsed, excerpt, retryAfter);
      case 403:
        return new ForbiddenException(text, status, method, target, parsed, excerpt, retryAfter);
      case 404:
        return new NotFoundException(text, status, method, target, parsed, excerpt, retryAfter);
      case 409:
        return new ConflictException(text, status, method, target, parsed, excerpt, retryAfter);
      case 429:
        return new RateLimitException(text, status, method, target, parsed, excerpt, retryAfter);
      default:
        if (status >= 500 && status < 600) {
          return new ServerErrorException(
              text, status, method, target, parsed, excerpt, retryAfter);
        }
        return new CoderApiException(text, status, method, target, parsed, excerpt, retryAfter);
    }
  }

  static CoderDecodeException decodeFailure(
      String method,
      String target,
      okhttp3.Response response,
      String excerpt,
      String problem,
      @Nullable Throwable cause) {
    MediaType type = response.body().contentType();
    String message =
        method
            + " "
            + target
            + " answered "
            + response.code()
            + ", but "
            + problem
            + (excerpt.isEmpty() ? "" : ": " + excerpt);
    return new CoderDecodeException(
        message,
        response.code(),
        method,
        target,
        type == null ? null : type.toString(),
        excerpt,
        cause);
  }

  /** Returns the start of an unread body as text for a message. */
  static String excerpt(BufferedSource source) {
    return excerpt(readBounded(source, MAX_ERROR_BODY));
  }

  /**
   * Returns the first bytes of a success body that have already arrived, leaving them unread, so
   * that they can be quoted if the body does not decode. It waits for nothing more: decoding starts
   * as soon as the first bytes are in.
   */
  static byte[] head(BufferedSource source) {
    return buffered(source, MAX_HEAD);
  }

  private static void appendServerMessage(StringBuilder message, Response parsed) {
    if (!parsed.message().isEmpty()) {
      message.append(": ").append(parsed.message());
    }
    if (!parsed.detail().isEmpty()) {
      message.append(" (").append(shorten(parsed.detail(), MAX_DETAIL)).append(')');
    }
    if (!parsed.validations().isEmpty()) {
      message.append(" [");
      for (int i = 0; i < parsed.validations().size(); i++) {
        ValidationError validation = parsed.validations().get(i);
        message.append(i == 0 ? "" : "; ").append(validation.field()).append(": ");
        message.append(shorten(validation.detail(), MAX_DETAIL));
      }
      message.append(']');
    }
  }

  private static byte[] readBounded(BufferedSource source, long limit) {
    try {
      source.request(limit);
    } catch (IOException e) {
      // The connection broke while the error body arrived: report what had come.
    }
    return buffered(source, limit);
  }

  /** Copies up to {@code limit} bytes that {@code source} holds in memory, leaving them unread. */
  private static byte[] buffered(BufferedSource source, long limit) {
    Buffer buffer = source.getBuffer();
    byte[] head = new byte[(int) Math.min(buffer.size(), limit)];
    // Through a cursor rather than Buffer.copyTo: copyTo shares the buffer's segments, and okio
    // never takes a shared segment back into its pool, so every call would cost a fresh 8 KiB one.
    try (Buffer.UnsafeCursor cursor = buffer.readUnsafe()) {
      int copied = 0;
      for (cursor.seek(0); copied < head.length; cursor.next()) {
        int count = Math.min(cursor.end - cursor.start, head.length - copied);
        System.arraycopy(cursor.data, cursor.start, head, copied, count);
        copied += count;
      }
    }
    return head;
  }

  /** Parses Coder's error JSON; returns null for anything else, such as an HTML page. */
  private static @Nullable Response parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      // Only the first JSON value counts: some errors are written as two objects in a row.
      JsonNode node = Json.mapper().readTree(body);
      if (node == null || !node.isObject() || !node.has("message")) {
        return null;
      }
      return Json.mapper().treeToValue(node, Response.class);
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  static String excerpt(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    return shorten(text, MAX_EXCERPT);
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }

  private static String redirectTarget(okhttp3.Response response) {
    String location = response.header("Location");
    if (location == null) {
      location = response.header(RedirectGuard.REFUSED_LOCATION);
    }
    if (location == null) {
      return "";
    }
    HttpUrl resolved = response.request().url().resolve(location);
    if (resolved == null) {
      return "";
    }
    // The origin only: a redirect URL can carry one-time codes in its query.
    return " to " + resolved.scheme() + "://" + resolved.host() + ":" + resolved.port();
  }

  /** Parses {@code Retry-After} as seconds or as an HTTP date; null when absent or invalid. */
  static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    try {
      long seconds = Long.parseLong(trimmed);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
