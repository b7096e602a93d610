package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A role held by a user, as listed on users and organization members.
 *
 * @param name the role's name, such as {@code owner} or {@code organization-admin}
 * @param displayName the name shown in the dashboard; may be {@code ""}
 * @param organizationId the organization of an organization role, as a UUID string; {@code ""} for
 *     a site-wide role
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlimRole(
    @JsonProperty("name") String name,
    @JsonProperty("display_name") String displayName,
    @JsonProperty("organization_id") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        String organizationId) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable.
   *
   * @param name the role's name, such as {@code owner} or {@code organization-admin}
   * @param displayName the name shown in the dashboard; may be {@code ""}
   * @param organizationId the organization of an organization role, as a UUID string; {@code ""}
   *     for a site-wide role
   */
  public SlimRole {
    name = Fields.orEmpty(name);
    displayName = Fields.orEmpty(displayName);
    organizationId = Fields.orEmpty(organizationId);
  }
}
