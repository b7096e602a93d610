package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organization of a Coder deployment.
 *
 * @param id the organization's ID
 * @param name the unique name (case-insensitive), usable wherever an organization is expected
 * @param displayName the name shown in the dashboard; the server defaults it to {@code name}
 * @param description free text; {@code ""} when unset
 * @param icon a URL or a site-relative path such as {@code /emojis/1f957.png}; {@code ""} when
 *     unset
 * @param createdAt when the organization was created
 * @param updatedAt when it last changed
 * @param isDefault true for the deployment's default organization; exactly one has it
 * @param defaultOrgMemberRoles roles every member of the organization holds implicitly; empty on
 *     servers that do not send the field
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Organization(
    @JsonProperty("id") UUID id,
    @JsonProperty("name") String name,
    @JsonProperty("display_name") String displayName,
    @JsonProperty("description") String description,
    @JsonProperty("icon") String icon,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("is_default") boolean isDefault,
    @JsonProperty("default_org_member_roles") List<String> defaultOrgMemberRoles) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable.
   *
   * @param id the organization's ID
   * @param name the unique name (case-insensitive), usable wherever an organization is expected
   * @param displayName the name shown in the dashboard; the server defaults it to {@code name}
   * @param description free text; {@code ""} when unset
   * @param icon a URL or a site-relative path such as {@code /emojis/1f957.png}; {@code ""} when
   *     unset
   * @param createdAt when the organization was created
   * @param updatedAt when it last changed
   * @param isDefault true for the deployment's default organization; exactly one has it
   * @param defaultOrgMemberRoles roles every member of the organization holds implicitly; empty on
   *     servers that do not send the field
   * @throws IllegalArgumentException if a component the server always sends is null
   */
  public Organization {
    id = Fields.required(id, "id");
    name = Fields.required(name, "name");
    displayName = Fields.orEmpty(displayName);
    description = Fields.orEmpty(description);
    icon = Fields.orEmpty(icon);
    createdAt = Fields.required(createdAt, "created_at");
    updatedAt = Fields.required(updatedAt, "updated_at");
    defaultOrgMemberRoles = Fields.list(defaultOrgMemberRoles);
  }
}
