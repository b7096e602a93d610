package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * What a provisioner job does. An open set: values from newer servers decode with {@link
 * #isKnown()} false and the raw string in {@link #value()}.
 */
public final class ProvisionerJobType extends OpenValue {
  private static final Registry<ProvisionerJobType> REGISTRY =
      new Registry<>(ProvisionerJobType::new);

  /** Imports a template version; {@link ProvisionerJobInput#templateVersionId()} is set. */
  public static final ProvisionerJobType TEMPLATE_VERSION_IMPORT =
      REGISTRY.known("template_version_import");

  /** Builds a workspace; {@link ProvisionerJobInput#workspaceBuildId()} is set. */
  public static final ProvisionerJobType WORKSPACE_BUILD = REGISTRY.known("workspace_build");

  /** Plans a template version without applying it. */
  public static final ProvisionerJobType TEMPLATE_VERSION_DRY_RUN =
      REGISTRY.known("template_version_dry_run");

  private ProvisionerJobType(String value, boolean known) {
    super(value, known);
  }

  /**
   * {@return the constant for {@code value}, or a new unknown type that keeps the string}
   *
   * @param value the string as the server sends it
   */
  @JsonCreator
  public static ProvisionerJobType of(String value) {
    return REGISTRY.of(value);
  }

  /** {@return the types this SDK version knows, in declaration order} */
  public static Collection<ProvisionerJobType> knownValues() {
    return REGISTRY.values();
  }
}
