package com.coder.sdk;

import com.coder.sdk.internal.ApiRequest;
import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.model.User;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Users of the deployment: {@code /api/v2/users}. Get one from {@link CoderClient#users()}.
 * Thread-safe. Each method has an {@code ...Async} sibling that returns a {@link
 * CompletableFuture}; cancelling it cancels the HTTP call.
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
    return http.call(getRequest(user), User.class);
  }

  /**
   * {@return a user by ID; see {@link #get(String)}}
   *
   * @param user the user's ID
   */
  public User get(UUID user) {
    return get(Arguments.user(user));
  }

  /**
   * Returns the user the session token belongs to without blocking; see {@link #me()}.
   *
   * @return a future of the user; it fails with {@link UnauthorizedException} if the token is
   *     refused
   */
  public CompletableFuture<User> meAsync() {
    return getAsync("me");
  }

  /**
   * Returns a user without blocking; see {@link #get(String)}.
   *
   * @param user a user ID, user name, or {@code "me"}
   * @return a future of the user; it fails with {@link BadRequestException} if no such user exists
   */
  public CompletableFuture<User> getAsync(String user) {
    return http.callAsync(getRequest(user), User.class);
  }

  /**
   * Returns a user by ID without blocking; see {@link #get(String)}.
   *
   * @param user the user's ID
   * @return a future of the user
   */
  public CompletableFuture<User> getAsync(UUID user) {
    return getAsync(Arguments.user(user));
  }

  private static ApiRequest getRequest(String user) {
    return ApiRequest.get("users", Arguments.user(user));
  }
}
