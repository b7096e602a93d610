package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user of the deployment, as {@code GET /users/{user}} returns it.
 *
 * @param id the user's ID
 * @param username the unique user name
 * @param avatarUrl the avatar's URL; {@code ""} when unset
 * @param name the full name; {@code ""} when unset
 * @param email the email address
 * @param createdAt when the user was created
 * @param updatedAt when the user last changed; null on servers that do not send it
 * @param lastSeenAt when the user was last active; null when not sent. Coder sends {@code
 *     0001-01-01T00:00:00Z} for a user never seen.
 * @param status whether the user may sign in
 * @param loginType how the user signs in
 * @param themePreference the dashboard theme; {@code ""} when unset or not sent
 * @param isServiceAccount true for a service account (recent servers)
 * @param hasAiSeat true if the user holds an AI seat (recent servers)
 * @param organizationIds the organizations the user belongs to
 * @param roles the user's site-wide roles
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(
    @JsonProperty("id") UUID id,
    @JsonProperty("username") String username,
    @JsonProperty("avatar_url") String avatarUrl,
    @JsonProperty("name") String name,
    @JsonProperty("email") String email,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") @Nullable Instant updatedAt,
    @JsonProperty("last_seen_at") @Nullable Instant lastSeenAt,
    @JsonProperty("status") UserStatus status,
    @JsonProperty("login_type") LoginType loginType,
    @JsonProperty("theme_preference") String themePreference,
    @JsonProperty("is_service_account") boolean isServiceAccount,
    @JsonProperty("has_ai_seat") boolean hasAiSeat,
    @JsonProperty("organization_ids") List<UUID> organizationIds,
    @JsonProperty("roles") List<SlimRole> roles) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable. An absent
   * status becomes {@link UserStatus#ACTIVE} and an absent login type {@link LoginType#UNSET}.
   *
   * @param id the user's ID
   * @param username the unique user name
   * @param avatarUrl the avatar's URL; {@code ""} when unset
   * @param name the full name; {@code ""} when unset
   * @param email the email address
   * @param createdAt when the user was created
   * @param updatedAt when the user last changed; null on servers that do not send it
   * @param lastSeenAt when the user was last active; null when not sent. Coder sends {@code
   *     0001-01-01T00:00:00Z} for a user never seen.
   * @param status whether the user may sign in
   * @param loginType how the user signs in
   * @param themePreference the dashboard theme; {@code ""} when unset or not sent
   * @param isServiceAccount true for a service account (recent servers)
   * @param hasAiSeat true if the user holds an AI seat (recent servers)
   * @param organizationIds the organizations the user belongs to
   * @param roles the user's site-wide roles
   * @throws IllegalArgumentException if a component the server always sends is null
   */
  public User {
    id = Fields.required(id, "id");
    username = Fields.required(username, "username");
    avatarUrl = Fields.orEmpty(avatarUrl);
    name = Fields.orEmpty(name);
    email = Fields.orEmpty(email);
    createdAt = Fields.required(createdAt, "created_at");
    status = status == null ? UserStatus.ACTIVE : status;
    loginType = loginType == null ? LoginType.UNSET : loginType;
    themePreference = Fields.orEmpty(themePreference);
    organizationIds = Fields.list(organizationIds);
    roles = Fields.list(roles);
  }
}
