package com.coder.sdk.testkit;

import com.coder.sdk.model.ProvisionerJobInput;
import com.coder.sdk.model.ProvisionerJobMetadata;
import com.coder.sdk.model.ProvisionerJobType;
import com.coder.sdk.model.WorkspaceTransition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A provisioner job to put in a {@link FakeCoderServer}'s queue with {@link
 * FakeProvisionerJobs#enqueue(ProvisionerJobSpec)}. Immutable; build one with {@link
 * #builder(ProvisionerJobType)}.
 *
 * <pre>{@code
 * ProvisionerJob job = coder.provisionerJobs().enqueue(
 *     ProvisionerJobSpec.builder(ProvisionerJobType.WORKSPACE_BUILD)
 *         .organization("data-platform")
 *         .tag("gpu", "a100")
 *         .workspace(UUID.randomUUID(), "notebook")
 *         .transition(WorkspaceTransition.START)
 *         .build());
 * }</pre>
 *
 * <p>Defaults: the default organization; no tags beyond Coder's defaults ({@code
 * scope=organization, owner=""}); started by the server's admin; provisioner {@code terraform}; a
 * random file; for import and dry-run jobs a random template version, named {@code v1}; for build
 * jobs a random workspace build and workspace.
 */
public final class ProvisionerJobSpec {
  private static final UUID NIL = new UUID(0, 0);

  private final ProvisionerJobType type;
  private final String organization;
  private final Map<String, String> tags;
  private final @Nullable UUID initiator;
  private final String provisioner;
  private final UUID fileId;
  private final ProvisionerJobInput input;
  private final ProvisionerJobMetadata metadata;

  private ProvisionerJobSpec(Builder builder) {
    this.type = builder.type;
    this.organization = builder.organization;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(builder.tags));
    this.initiator = builder.initiator;
    this.provisioner = builder.provisioner;
    this.fileId = builder.fileId;

    boolean build = type.equals(ProvisionerJobType.WORKSPACE_BUILD);
    UUID templateVersion = builder.templateVersionId;
    UUID workspaceBuild = builder.workspaceBuildId;
    if (build && workspaceBuild == null) {
      workspaceBuild = UUID.randomUUID();
    }
    if (!build && templateVersion == null) {
      templateVersion = UUID.randomUUID();
    }
    this.input = new ProvisionerJobInput(build ? null : templateVersion, workspaceBuild, null);

    UUID workspaceId = builder.workspaceId;
    String workspaceName = builder.workspaceName;
    if (build && workspaceId == null) {
      workspaceId = UUID.randomUUID();
      workspaceName = "ws-" + workspaceId.toString().substring(0, 8);
    }
    this.metadata =
        new ProvisionerJobMetadata(
            builder.templateVersionName,
            builder.templateId,
            builder.templateName,
            builder.templateDisplayName,
            builder.templateIcon,
            build ? workspaceId : null,
            build ? workspaceName : null,
            build ? builder.transition : null);
  }

  /**
   * Starts the spec of a job of {@code type}; unless the builder says otherwise the job is in the
   * default organization, untagged, and for {@code terraform}.
   *
   * @param type what the job does: an import, a dry run or a workspace build
   * @return a builder
   */
  public static Builder builder(ProvisionerJobType type) {
    return new Builder(type);
  }

  /** {@return what the job does: an import, a dry run or a workspace build} */
  public ProvisionerJobType type() {
    return type;
  }

  /** {@return the organization, as an ID, name or {@code default}} */
  public String organization() {
    return organization;
  }

  /** {@return the tags the job was given, before Coder's defaults are added} */
  public Map<String, String> tags() {
    return tags;
  }

  /** {@return the user who started the job; null for the server's admin} */
  public @Nullable UUID initiator() {
    return initiator;
  }

  /**
   * {@return the provisioner type, such as {@code terraform}; a daemon must run it to take the job}
   */
  public String provisioner() {
    return provisioner;
  }

  /** {@return the ID of the job's source archive} */
  public UUID fileId() {
    return fileId;
  }

  /** {@return the job's input, with defaults filled in} */
  public ProvisionerJobInput input() {
    return input;
  }

  /** {@return the job's metadata, with defaults filled in} */
  public ProvisionerJobMetadata metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return "ProvisionerJobSpec{type="
        + type
        + ", organization="
        + organization
        + ", tags="
        + tags
        + ", provisioner="
        + provisioner
        + "}";
  }

  /** Collects the fields of a {@link ProvisionerJobSpec}. Not thread-safe. */
  public static final class Builder {
    private final ProvisionerJobType type;
    private String organization = "default";
    private final Map<String, String> tags = new LinkedHashMap<>();
    private @Nullable UUID initiator;
    private String provisioner = "terraform";
    private UUID fileId = UUID.randomUUID();
    private @Nullable UUID templateVersionId;
    private @Nullable UUID workspaceBuildId;
    private String templateVersionName = "v1";
    private UUID templateId = NIL;
    private String templateName = "";
    private String templateDisplayName = "";
    private String templateIcon = "";
    private @Nullable UUID workspaceId;
    private @Nullable String workspaceName;
    private @Nullable WorkspaceTransition transition;

    private Builder(ProvisionerJobType type) {
      this.type = Objects.requireNonNull(type, "type == null");
    }

    /**
     * Sets the organization: an ID, a name or {@code default}. Default {@code default}.
     *
     * @param organization an organization ID, name, or {@code default}
     * @return this builder
     */
    public Builder organization(String organization) {
      this.organization = Objects.requireNonNull(organization, "organization == null");
      return this;
    }

    /**
     * Sets the organization by ID; see {@link #organization(String)}.
     *
     * @param organization the organization's ID
     * @return this builder
     */
    public Builder organization(UUID organization) {
      return organization(Objects.requireNonNull(organization, "organization == null").toString());
    }

    /**
     * Adds a tag; replaces an earlier value of the same key.
     *
     * @param key the tag's key, such as {@code os}
     * @param value the tag's value
     * @return this builder
     */
    public Builder tag(String key, String value) {
      Objects.requireNonNull(key, "key == null");
      Objects.requireNonNull(value, "value == null");
      tags.put(key, value);
      return this;
    }

    /**
     * Adds every entry of {@code tags} as by {@link #tag(String, String)}.
     *
     * @param tags the tags to add
     * @return this builder
     */
    public Builder tags(Map<String, String> tags) {
      Objects.requireNonNull(tags, "tags == null").forEach(this::tag);
      return this;
    }

    /**
     * Sets the user who started the job. Jobs of {@link FakeCoderServer#PREBUILDS_USER_ID} queue
     * behind all others. Default: the server's admin.
     *
     * @param initiator the ID of the user who started the job
     * @return this builder
     */
    public Builder initiator(UUID initiator) {
      this.initiator = Objects.requireNonNull(initiator, "initiator == null");
      return this;
    }

    /**
     * Sets the provisioner type; a daemon must run it to take the job. Default {@code terraform}.
     *
     * @param provisioner the provisioner type
     * @return this builder
     */
    public Builder provisioner(String provisioner) {
      this.provisioner = Objects.requireNonNull(provisioner, "provisioner == null");
      return this;
    }

    /**
     * Sets the ID of the source archive. Default random.
     *
     * @param fileId the archive's ID
     * @return this builder
     */
    public Builder fileId(UUID fileId) {
      this.fileId = Objects.requireNonNull(fileId, "fileId == null");
      return this;
    }

    /**
     * Sets the template version of an import or dry-run job. Default random.
     *
     * @param templateVersionId the template version's ID, which the job's input names
     * @return this builder
     */
    public Builder templateVersionId(UUID templateVersionId) {
      this.templateVersionId =
          Objects.requireNonNull(templateVersionId, "templateVersionId == null");
      return this;
    }

    /**
     * Sets the workspace build of a build job. Default random.
     *
     * @param workspaceBuildId the workspace build's ID, which the job's input names
     * @return this builder
     */
    public Builder workspaceBuildId(UUID workspaceBuildId) {
      this.workspaceBuildId = Objects.requireNonNull(workspaceBuildId, "workspaceBuildId == null");
      return this;
    }

    /**
     * Sets the template version's name. Default {@code v1}.
     *
     * @param name the template version's name, as the job's metadata reports it
     * @return this builder
     */
    public Builder templateVersionName(String name) {
      this.templateVersionName = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Ties the job to a template. A template counts as living in the organization: Coder refuses to
     * delete an organization while it has templates. Default: none (the nil UUID).
     *
     * @param id the template's ID
     * @param name the template's name
     * @return this builder
     */
    public Builder template(UUID id, String name) {
      this.templateId = Objects.requireNonNull(id, "id == null");
      this.templateName = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Sets the template's display name. Default {@code ""}.
     *
     * @param displayName the template's display name
     * @return this builder
     */
    public Builder templateDisplayName(String displayName) {
      this.templateDisplayName = Objects.requireNonNull(displayName, "displayName == null");
      return this;
    }

    /**
     * Sets the template's icon. Default {@code ""}.
     *
     * @param icon the template's icon, a URL or site-relative path
     * @return this builder
     */
    public Builder templateIcon(String icon) {
      this.templateIcon = Objects.requireNonNull(icon, "icon == null");
      return this;
    }

    /**
     * Sets the workspace of a build job (ignored for other types). A workspace counts as living in
     * the organization, like a template. Default: a random ID named {@code ws-} and its first eight
     * hex digits.
     *
     * @param id the workspace's ID
     * @param name the workspace's name
     * @return this builder
     */
    public Builder workspace(UUID id, String name) {
      this.workspaceId = Objects.requireNonNull(id, "id == null");
      this.workspaceName = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Sets what a build job does to its workspace. Default: not reported.
     *
     * @param transition start, stop or delete
     * @return this builder
     */
    public Builder transition(WorkspaceTransition transition) {
      this.transition = Objects.requireNonNull(transition, "transition == null");
      return this;
    }

    /** {@return the spec} */
    public ProvisionerJobSpec build() {
      return new ProvisionerJobSpec(this);
    }
  }
}
