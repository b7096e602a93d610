package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's membership in an organization, as adding a member or changing roles returns it.
 *
 * @param userId the member's user ID
 * @param organizationId the organization
 * @param createdAt when the user joined
 * @param updatedAt when the membership last changed
 * @param roles the organization roles assigned explicitly; the implicit member role is not listed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationMember(
    @JsonProperty("user_id") UUID userId,
    @JsonProperty("organization_id") UUID organizationId,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("roles") List<SlimRole> roles) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable.
   *
   * @param userId the member's user ID
   * @param organizationId the organization
   * @param createdAt when the user joined
   * @param updatedAt when the membership last changed
   * @param roles the organization roles assigned explicitly; the implicit member role is not listed
   * @throws IllegalArgumentException if a component the server always sends is null
   */
  public OrganizationMember {
    userId = Fields.required(userId, "user_id");
    organizationId = Fields.required(organizationId, "organization_id");
    createdAt = Fields.required(createdAt, "created_at");
    updatedAt = Fields.required(updatedAt, "updated_at");
    roles = Fields.list(roles);
  }
}
