package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /organizations/{organization}}: only the fields that were set are sent,
 * so everything else stays as it is on the server.
 *
 * <pre>{@code
 * UpdateOrganizationRequest request = UpdateOrganizationRequest.builder()
 *     .displayName("Data Platform (EU)")
 *     .clearIcon()
 *     .build();
 * }</pre>
 *
 * @param name the new name, or null to keep it
 * @param displayName the new display name, or null to keep it
 * @param description the new description ({@code ""} clears it), or null to keep it
 * @param icon the new icon ({@code ""} clears it), or null to keep it
 * @param defaultOrgMemberRoles roles that replace the organization's default member roles, or null
 *     to keep them. Only recent servers accept the field, and most refuse any value other than the
 *     deployment default unless an experiment is enabled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateOrganizationRequest(
    @JsonProperty("name") @Nullable String name,
    @JsonProperty("display_name") @Nullable String displayName,
    @JsonProperty("description") @Nullable String description,
    @JsonProperty("icon") @Nullable String icon,
    @JsonProperty("default_org_member_roles") @Nullable List<String> defaultOrgMemberRoles) {

  /**
   * Creates the body; {@link #builder()} reads better. The roles list is copied.
   *
   * @param name the new name, or null to keep it
   * @param displayName the new display name, or null to keep it
   * @param description the new description ({@code ""} clears it), or null to keep it
   * @param icon the new icon ({@code ""} clears it), or null to keep it
   * @param defaultOrgMemberRoles roles that replace the organization's default member roles, or
   *     null to keep them. Only recent servers accept the field, and most refuse any value other
   *     than the deployment default unless an experiment is enabled.
   */
  public UpdateOrganizationRequest {
    if (defaultOrgMemberRoles != null) {
      defaultOrgMemberRoles = List.copyOf(defaultOrgMemberRoles);
    }
  }

  /**
   * Starts an update that changes nothing until a field is set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the fields of an {@link UpdateOrganizationRequest}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String displayName;
    private @Nullable String description;
    private @Nullable String icon;
    private @Nullable List<String> defaultOrgMemberRoles;

    private Builder() {}

    /**
     * Renames the organization. The name cannot be cleared.
     *
     * @param name the new name
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Builder name(String name) {
      this.name = nonBlank(name, "name");
      return this;
    }

    /**
     * Changes the display name. The display name cannot be cleared.
     *
     * @param displayName the new display name
     * @return this builder
     * @throws IllegalArgumentException if {@code displayName} is blank
     */
    public Builder displayName(String displayName) {
      this.displayName = nonBlank(displayName, "displayName");
      return this;
    }

    /**
     * Changes the description; {@code ""} clears it.
     *
     * @param description the new description, or {@code ""}
     * @return this builder
     */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description == null");
      return this;
    }

    /**
     * Removes the description.
     *
     * @return this builder
     */
    public Builder clearDescription() {
      return description("");
    }

    /**
     * Changes the icon; {@code ""} clears it.
     *
     * @param icon the new icon, or {@code ""}
     * @return this builder
     */
    public Builder icon(String icon) {
      this.icon = Objects.requireNonNull(icon, "icon == null");
      return this;
    }

    /**
     * Removes the icon.
     *
     * @return this builder
     */
    public Builder clearIcon() {
      return icon("");
    }

    /**
     * Replaces the roles every member holds implicitly; an empty list removes them all.
     *
     * @param roles the role names
     * @return this builder
     */
    public Builder defaultOrgMemberRoles(List<String> roles) {
      Objects.requireNonNull(roles, "roles == null");
      for (String role : roles) {
        Objects.requireNonNull(role, "roles contains null");
      }
      this.defaultOrgMemberRoles = List.copyOf(roles);
      return this;
    }

    /** {@return the request} */
    public UpdateOrganizationRequest build() {
      return new UpdateOrganizationRequest(
          name, displayName, description, icon, defaultOrgMemberRoles);
    }

    private static String nonBlank(String value, String what) {
      Objects.requireNonNull(value, what + " == null");
      if (value.isBlank()) {
        throw new IllegalArgumentException(what + " is blank; it cannot be cleared");
      }
      return value;
    }
  }
}
