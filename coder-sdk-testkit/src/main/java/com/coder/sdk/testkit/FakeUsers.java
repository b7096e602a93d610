package com.coder.sdk.testkit;

import com.coder.sdk.model.User;
import com.coder.sdk.model.UserStatus;
import com.coder.sdk.testkit.internal.Store;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The users of a {@link FakeCoderServer}, seeded straight into its store. Get it from {@link
 * FakeCoderServer#users()}. The owner, {@code admin}, exists from the start; its token is the one
 * the server accepts, so every request acts as the owner.
 *
 * <pre>{@code
 * User bob = coder.users().create("bob", "bob@example.com");
 * client.members().add("data-platform", "bob");
 * }</pre>
 *
 * <p>A user is named by ID, by user name ignoring case, or by {@code me} for the owner, as the
 * API's {@code {user}} path parameter names one. Every method returns users as {@code GET
 * /api/v2/users/{user}} shows them. Thread-safe.
 */
public final class FakeUsers {
  private final Store store;

  FakeUsers(Store store) {
    this.store = store;
  }

  /**
   * Creates a user by Coder's rules: user names and emails are unique ignoring case.
   *
   * @param spec the user's fields, and the organizations it joins
   * @return the user as the API shows it
   * @throws IllegalArgumentException if the name or email is taken, or an organization does not
   *     exist
   */
  public User create(UserSpec spec) {
    Objects.requireNonNull(spec, "spec == null");
    return store.createUser(
        spec.username(),
        spec.email(),
        spec.name(),
        spec.avatarUrl(),
        spec.loginType(),
        spec.status(),
        spec.siteRoles(),
        spec.lastSeenAt(),
        spec.organizations());
  }

  /**
   * Creates an active user with a password login and no site roles, in the default organization;
   * see {@link #create(UserSpec)}.
   *
   * @param username the unique user name
   * @param email the unique email address
   * @return the user as the API shows it
   * @throws IllegalArgumentException if the name or email is taken
   */
  public User create(String username, String email) {
    return create(UserSpec.builder(username).email(email).build());
  }

  /** {@return the owner, {@code admin}, whose token the server accepts} */
  public User owner() {
    return get("me");
  }

  /**
   * Finds a user by ID, user name ignoring case, or {@code me}.
   *
   * @param user a user ID, user name, or {@code me}
   * @return the user, or empty if none matches
   */
  public Optional<User> find(String user) {
    return store.findUser(Objects.requireNonNull(user, "user == null"));
  }

  /**
   * {@return a user; see {@link #find(String)}}
   *
   * @param user a user ID, user name, or {@code me}
   * @throws IllegalArgumentException if there is none
   */
  public User get(String user) {
    return find(user).orElseThrow(() -> new IllegalArgumentException("no user \"" + user + "\""));
  }

  /** {@return every user, the owner first, then in the order they were created} */
  public List<User> list() {
    return store.users();
  }

  /**
   * Changes whether a user may sign in; only active users count against the {@code user_limit} of
   * the license.
   *
   * @param user a user ID, user name, or {@code me}
   * @param status {@link UserStatus#ACTIVE} to let the user sign in, or a status that stops it
   * @return the user after the change
   * @throws IllegalArgumentException if there is no such user
   */
  public User setStatus(String user, UserStatus status) {
    Objects.requireNonNull(user, "user == null");
    return store.setUserStatus(user, Objects.requireNonNull(status, "status == null"));
  }
}
