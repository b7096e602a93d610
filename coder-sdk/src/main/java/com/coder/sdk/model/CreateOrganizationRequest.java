package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The body of {@code POST /organizations}. Build one with {@link #builder(String)}:
 *
 * <pre>{@code
 * CreateOrganizationRequest request = CreateOrganizationRequest.builder("data-platform")
 *     .displayName("Data Platform")
 *     .description("Pipelines and notebooks")
 *     .build();
 * }</pre>
 *
 * <p>Empty optional fields are left out of the JSON, so the server applies its defaults (the
 * display name defaults to the name). The server checks the name: 1 to 32 ASCII letters, digits and
 * single hyphens, not {@code default}, {@code new} or {@code create}, unique ignoring case.
 *
 * @param name the organization's unique name
 * @param displayName the name shown in the dashboard, or {@code ""} for the default
 * @param description free text, or {@code ""}
 * @param icon a URL or site-relative path, or {@code ""}
 */
public record CreateOrganizationRequest(
    @JsonProperty("name") String name,
    @JsonProperty("display_name") @JsonInclude(JsonInclude.Include.NON_EMPTY) String displayName,
    @JsonProperty("description") @JsonInclude(JsonInclude.Include.NON_EMPTY) String description,
    @JsonProperty("icon") @JsonInclude(JsonInclude.Include.NON_EMPTY) String icon) {

  /**
   * Creates the body; {@link #builder(String)} reads better. A null optional field becomes {@code
   * ""}.
   *
   * @param name the organization's unique name
   * @param displayName the name shown in the dashboard, or {@code ""} for the default
   * @param description free text, or {@code ""}
   * @param icon a URL or site-relative path, or {@code ""}
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public CreateOrganizationRequest {
    Objects.requireNonNull(name, "name == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name is blank");
    }
    displayName = Fields.orEmpty(displayName);
    description = Fields.orEmpty(description);
    icon = Fields.orEmpty(icon);
  }

  /**
   * Starts a request for an organization named {@code name}.
   *
   * @param name the organization's unique name
   * @return a new builder
   * @throws NullPointerException if {@code name} is null
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Collects the optional fields of a {@link CreateOrganizationRequest}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private String displayName = "";
    private String description = "";
    private String icon = "";

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
    }

    /**
     * Sets the name shown in the dashboard. Default: the server uses the name.
     *
     * @param displayName the display name
     * @return this builder
     */
    public Builder displayName(String displayName) {
      this.displayName = Objects.requireNonNull(displayName, "displayName == null");
      return this;
    }

    /**
     * Sets the description. Default: none.
     *
     * @param description free text
     * @return this builder
     */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description == null");
      return this;
    }

    /**
     * Sets the icon, a URL or a site-relative path. Default: none.
     *
     * @param icon a URL or site-relative path, such as {@code /emojis/1f957.png}
     * @return this builder
     */
    public Builder icon(String icon) {
      this.icon = Objects.requireNonNull(icon, "icon == null");
      return this;
    }

    /** {@return the request} */
    public CreateOrganizationRequest build() {
      return new CreateOrganizationRequest(name, displayName, description, icon);
    }
  }
}
