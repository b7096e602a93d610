package com.coder.sdk.testkit.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Finds the session token in a request the way Coder's authentication middleware does. */
public final class SessionTokens {
  /** The cookie and query parameter Coder reads the session token from. */
  public static final String COOKIE = "coder_session_token";

  private SessionTokens() {}

  /**
   * Returns the token from, in order: the {@code coder_session_token} cookie, that query parameter,
   * the {@code Coder-Session-Token} header, a bearer {@code Authorization} header, and the {@code
   * access_token} query parameter. Null when none carries one.
   */
  public static @Nullable String find(
      @Nullable String cookieHeader,
      @Nullable String rawQuery,
      @Nullable String tokenHeader,
      @Nullable String authorization) {
    if (cookieHeader != null) {
      for (String cookie : cookieHeader.split(";")) {
        String[] pair = cookie.strip().split("=", 2);
        if (pair.length == 2 && pair[0].equals(COOKIE) && !pair[1].isEmpty()) {
          return pair[1];
        }
      }
    }
    Map<String, List<String>> query = QueryParams.decode(rawQuery);
    String fromQuery = first(query, COOKIE);
    if (fromQuery != null) {
      return fromQuery;
    }
    if (tokenHeader != null && !tokenHeader.isEmpty()) {
      return tokenHeader;
    }
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String bearer = authorization.substring(7).strip();
      if (!bearer.isEmpty()) {
        return bearer;
      }
    }
    return first(query, "access_token");
  }

  private static @Nullable String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.get(0).isEmpty() ? null : values.get(0);
  }
}
