package com.coder.sdk;

import com.coder.sdk.internal.ApiRequest;
import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.model.User;
import java.util.UUID;

/**
 * Users of the deployment: {@code /api/v2/users}. Get one from {@link CoderClient#users()}.
 * Thread-safe.
 */
public final class Users {
  private final HttpPipeline http;

  Users(HttpPipeline http) {
    this.http = http;
  }

  /**
   * {@return the user the session token belongs to} Sends {@code GET /api/v2/users/me}.
   *
   * @throws UnauthorizedException if the token is missing, invalid or expired
   */
  public User me() {
    return get("me");
  }

  /**
   * {@return a user by ID, user name, or {@code "me"}} Sends {@code GET /api/v2/users/{user}}.
   *
   * @param user a user ID, user name, or {@code "me"}
   * @throws BadRequestException if no such user exists (Coder answers 400, not 404)
   */
  public User get(String user) {
    return http.call(ApiRequest.get("users", Arguments.user(user)), User.class);
  }

  /**
   * {@return a user by ID; see {@link #get(String)}}
   *
   * @param user the user's ID
   */
  public User get(UUID user) {
    return get(Arguments.user(user));
  }
}
