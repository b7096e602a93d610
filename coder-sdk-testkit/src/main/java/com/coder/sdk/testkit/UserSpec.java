package com.coder.sdk.testkit;

import com.coder.sdk.model.LoginType;
import com.coder.sdk.model.UserStatus;
import com.coder.sdk.testkit.internal.Names;
import com.coder.sdk.testkit.internal.Roles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user to create in a {@link FakeCoderServer} with {@link FakeUsers#create(UserSpec)}. Immutable;
 * build one with {@link #builder(String)}.
 *
 * <pre>{@code
 * User alice = coder.users().create(UserSpec.builder("alice")
 *     .name("Alice Liddell")
 *     .siteRoles("template-admin")
 *     .organizations("default", "data-platform")
 *     .build());
 * }</pre>
 *
 * <p>Defaults: email {@code <username>@coder.example}; no full name or avatar; signs in with a
 * password; active; no site-wide roles beyond the implied {@code member}; never seen ({@code
 * last_seen_at} is Go's zero time); a member of the default organization, as Coder makes every new
 * user.
 */
public final class UserSpec {
  private final String username;
  private final String email;
  private final String name;
  private final String avatarUrl;
  private final LoginType loginType;
  private final UserStatus status;
  private final List<String> siteRoles;
  private final @Nullable Instant lastSeenAt;
  private final List<String> organizations;

  private UserSpec(Builder builder) {
    this.username = builder.username;
    this.email = builder.email != null ? builder.email : builder.username + "@coder.example";
    this.name = builder.name;
    this.avatarUrl = builder.avatarUrl;
    this.loginType = builder.loginType;
    this.status = builder.status;
    this.siteRoles = List.copyOf(builder.siteRoles);
    this.lastSeenAt = builder.lastSeenAt;
    this.organizations = List.copyOf(builder.organizations);
  }

  /**
   * Starts a user named {@code username}.
   *
   * @param username the unique user name
   * @return a builder with the defaults above
   * @throws IllegalArgumentException if Coder would refuse the name: 1 to 32 ASCII letters, digits
   *     and single inner hyphens, not {@code new}, {@code create} or {@code me}
   */
  public static Builder builder(String username) {
    return new Builder(username);
  }

  /** {@return the unique user name} */
  public String username() {
    return username;
  }

  /** {@return the unique email address} */
  public String email() {
    return email;
  }

  /** {@return the full name; {@code ""} for none} */
  public String name() {
    return name;
  }

  /** {@return the avatar's URL; {@code ""} for none} */
  public String avatarUrl() {
    return avatarUrl;
  }

  /** {@return how the user signs in} */
  public LoginType loginType() {
    return loginType;
  }

  /** {@return whether the user may sign in} */
  public UserStatus status() {
    return status;
  }

  /** {@return the site-wide roles, such as {@code auditor}} */
  public List<String> siteRoles() {
    return siteRoles;
  }

  /** {@return when the user was last active; null for never} */
  public @Nullable Instant lastSeenAt() {
    return lastSeenAt;
  }

  /** {@return the organizations (ID, name or {@code default}) the user joins} */
  public List<String> organizations() {
    return organizations;
  }

  @Override
  public String toString() {
    return "UserSpec{username="
        + username
        + ", status="
        + status
        + ", siteRoles="
        + siteRoles
        + ", organizations="
        + organizations
        + "}";
  }

  /** Collects the fields of a {@link UserSpec}. Not thread-safe. */
  public static final class Builder {
    private final String username;
    private @Nullable String email;
    private String name = "";
    private String avatarUrl = "";
    private LoginType loginType = LoginType.PASSWORD;
    private UserStatus status = UserStatus.ACTIVE;
    private final List<String> siteRoles = new ArrayList<>();
    private @Nullable Instant lastSeenAt;
    private final List<String> organizations = new ArrayList<>(List.of("default"));

    private Builder(String username) {
      Objects.requireNonNull(username, "username == null");
      if (!Names.isValidName(username) || username.equals("me")) {
        throw new IllegalArgumentException(
            "Coder refuses the user name \""
                + username
                + "\": use 1 to 32 ASCII letters, "
                + "digits and single hyphens, not new, create or me");
      }
      this.username = username;
    }

    /**
     * Sets the email address. Default {@code <username>@coder.example}.
     *
     * @param email the unique email address
     * @return this builder
     * @throws IllegalArgumentException if it has no {@code @}
     */
    public Builder email(String email) {
      Objects.requireNonNull(email, "email == null");
      if (email.indexOf('@') < 1) {
        throw new IllegalArgumentException("\"" + email + "\" is not an email address");
      }
      this.email = email;
      return this;
    }

    /**
     * Sets the full name. Default {@code ""}.
     *
     * @param name the full name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Sets the avatar's URL. Default {@code ""}.
     *
     * @param avatarUrl the avatar's URL
     * @return this builder
     */
    public Builder avatarUrl(String avatarUrl) {
      this.avatarUrl = Objects.requireNonNull(avatarUrl, "avatarUrl == null");
      return this;
    }

    /**
     * Sets how the user signs in. Default {@link LoginType#PASSWORD}.
     *
     * @param loginType the login type, such as {@link LoginType#OIDC}
     * @return this builder
     */
    public Builder loginType(LoginType loginType) {
      this.loginType = Objects.requireNonNull(loginType, "loginType == null");
      return this;
    }

    /**
     * Sets whether the user may sign in. Default {@link UserStatus#ACTIVE}.
     *
     * @param status {@link UserStatus#ACTIVE}, or a status that stops the user signing in
     * @return this builder
     */
    public Builder status(UserStatus status) {
      this.status = Objects.requireNonNull(status, "status == null");
      return this;
    }

    /**
     * Sets the site-wide roles: {@code owner}, {@code template-admin}, {@code user-admin} or {@code
     * auditor}. Default none.
     *
     * @param roles the role names; replaces earlier ones, and a repeated name counts once
     * @return this builder
     * @throws IllegalArgumentException for another name
     */
    public Builder siteRoles(String... roles) {
      Objects.requireNonNull(roles, "roles == null");
      siteRoles.clear();
      for (String role : roles) {
        if (!Roles.SITE.containsKey(Objects.requireNonNull(role, "roles contains null"))) {
          throw new IllegalArgumentException(
              "\"" + role + "\" is not a site role; use one of " + Roles.SITE.keySet());
        }
        if (!siteRoles.contains(role)) {
          siteRoles.add(role);
        }
      }
      return this;
    }

    /**
     * Sets when the user was last active. Default: never.
     *
     * @param lastSeenAt when the user was last active
     * @return this builder
     */
    public Builder lastSeenAt(Instant lastSeenAt) {
      this.lastSeenAt = Objects.requireNonNull(lastSeenAt, "lastSeenAt == null");
      return this;
    }

    /**
     * Sets the organizations the user joins, by ID, name or {@code default}; none for a user in no
     * organization. Default: the default organization.
     *
     * @param organizations the organizations to join; replaces earlier ones
     * @return this builder
     */
    public Builder organizations(String... organizations) {
      Objects.requireNonNull(organizations, "organizations == null");
      this.organizations.clear();
      for (String organization : organizations) {
        this.organizations.add(Objects.requireNonNull(organization, "organizations contains null"));
      }
      return this;
    }

    /** {@return the spec} */
    public UserSpec build() {
      return new UserSpec(this);
    }
  }
}
