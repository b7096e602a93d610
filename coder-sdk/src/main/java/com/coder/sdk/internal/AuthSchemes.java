package com.coder.sdk.internal;

import com.coder.sdk.CoderAuth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** The implementations behind the factories of {@link CoderAuth}. */
public final class AuthSchemes {
  private AuthSchemes() {}

  public static CoderAuth none() {
    return new Described("CoderAuth.none()") {
      @Override
      public void authenticate(RequestHeaders headers) {}
    };
  }

  public static CoderAuth both(CoderAuth first, CoderAuth next) {
    Objects.requireNonNull(next, "next == null");
    return new Described("CoderAuth[" + first + ", " + next + "]") {
      @Override
      public void authenticate(RequestHeaders headers) {
        first.authenticate(headers);
        next.authenticate(headers);
      }
    };
  }

  public static CoderAuth token(
      Supplier<String> tokens, String header, String prefix, String description) {
    Objects.requireNonNull(tokens, "tokens == null");
    return new Described(description) {
      @Override
      public void authenticate(RequestHeaders headers) {
        String token = tokens.get();
        if (token == null || token.isBlank()) {
          throw new IllegalStateException("the token supplier returned no token");
        }
        // Tokens read from files often end with a newline, which no header may carry.
        headers.set(header, prefix + token.strip());
      }
    };
  }

  public static CoderAuth fixedHeaders(Map<String, String> headers) {
    Objects.requireNonNull(headers, "headers == null");
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach(
        (name, value) -> {
          HeaderRules.checkName(Objects.requireNonNull(name, "header name == null"));
          Objects.requireNonNull(value, "value of header " + name + " == null");
          copy.put(name, HeaderRules.checkValue(name, value));
        });
    return new Described("CoderAuth.headers(" + copy.keySet() + ")") {
      @Override
      public void authenticate(RequestHeaders requestHeaders) {
        copy.forEach(requestHeaders::set);
      }
    };
  }

  /** A scheme whose {@code toString()} is fixed text that reveals no secret. */
  private abstract static class Described implements CoderAuth {
    private final String description;

    Described(String description) {
      this.description = description;
    }

    @Override
    public final String toString() {
      return description;
    }
  }
}
