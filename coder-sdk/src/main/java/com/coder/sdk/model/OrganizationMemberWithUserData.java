package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organization member together with the user's profile, as member listings return it.
 *
 * @param userId the member's user ID
 * @param organizationId the organization
 * @param createdAt when the user joined the organization
 * @param updatedAt when the membership last changed
 * @param roles the organization roles assigned explicitly
 * @param username the user name
 * @param name the full name; {@code ""} when unset
 * @param avatarUrl the avatar's URL; {@code ""} when unset
 * @param email the email address
 * @param status whether the user may sign in
 * @param loginType how the user signs in
 * @param lastSeenAt when the user was last active; Coder sends {@code 0001-01-01T00:00:00Z} for
 *     never; null when not sent
 * @param userCreatedAt when the user was created
 * @param userUpdatedAt when the user last changed
 * @param isServiceAccount true for a service account (recent servers)
 * @param globalRoles the user's site-wide roles
 * @param hasAiSeat true if the user holds an AI seat (recent servers)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationMemberWithUserData(
    @JsonProperty("user_id") UUID userId,
    @JsonProperty("organization_id") UUID organizationId,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("roles") List<SlimRole> roles,
    @JsonProperty("username") String username,
    @JsonProperty("name") @JsonInclude(JsonInclude.Include.NON_EMPTY) String name,
    @JsonProperty("avatar_url") @JsonInclude(JsonInclude.Include.NON_EMPTY) String avatarUrl,
    @JsonProperty("email") String email,
    @JsonProperty("status") UserStatus status,
    @JsonProperty("login_type") LoginType loginType,
    @JsonProperty("last_seen_at") @Nullable Instant lastSeenAt,
    @JsonProperty("user_created_at") @Nullable Instant userCreatedAt,
    @JsonProperty("user_updated_at") @Nullable Instant userUpdatedAt,
    @JsonProperty("is_service_account") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        boolean isServiceAccount,
    @JsonProperty("global_roles") List<SlimRole> globalRoles,
    @JsonProperty("has_ai_seat") boolean hasAiSeat) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable. An absent
   * status becomes {@link UserStatus#ACTIVE} and an absent login type {@link LoginType#UNSET}.
   *
   * @param userId the member's user ID
   * @param organizationId the organization
   * @param createdAt when the user joined the organization
   * @param updatedAt when the membership last changed
   * @param roles the organization roles assigned explicitly
   * @param username the user name
   * @param name the full name; {@code ""} when unset
   * @param avatarUrl the avatar's URL; {@code ""} when unset
   * @param email the email address
   * @param status whether the user may sign in
   * @param loginType how the user signs in
   * @param lastSeenAt when the user was last active; Coder sends {@code 0001-01-01T00:00:00Z} for
   *     never; null when not sent
   * @param userCreatedAt when the user was created
   * @param userUpdatedAt when the user last changed
   * @param isServiceAccount true for a service account (recent servers)
   * @param globalRoles the user's site-wide roles
   * @param hasAiSeat true if the user holds an AI seat (recent servers)
   * @throws IllegalArgumentException if a component the server always sends is null
   */
  public OrganizationMemberWithUserData {
    userId = Fields.required(userId, "user_id");
    organizationId = Fields.required(organizationId, "organization_id");
    createdAt = Fields.required(createdAt, "created_at");
    updatedAt = Fields.required(updatedAt, "updated_at");
    roles = Fields.list(roles);
    username = Fields.required(username, "username");
    name = Fields.orEmpty(name);
    avatarUrl = Fields.orEmpty(avatarUrl);
    email = Fields.orEmpty(email);
    status = status == null ? UserStatus.ACTIVE : status;
    loginType = loginType == null ? LoginType.UNSET : loginType;
    globalRoles = Fields.list(globalRoles);
  }
}
