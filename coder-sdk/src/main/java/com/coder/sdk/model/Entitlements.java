package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the deployment's licenses allow, from {@code GET /entitlements}.
 *
 * <pre>{@code
 * Entitlements entitlements = client.deployment().entitlements();
 * if (!entitlements.isEntitled(Entitlements.MULTIPLE_ORGANIZATIONS)) {
 *   System.err.println("this deployment cannot create organizations");
 * }
 * }</pre>
 *
 * @param features every feature the server knows, by name (an open set: {@code audit_log}, {@code
 *     user_limit}, {@code multiple_organizations}, ...)
 * @param warnings license problems to show an administrator, such as an approaching expiry
 * @param errors license problems that disable features
 * @param hasLicense true if at least one license is installed
 * @param trial true if the license is a trial
 * @param requireTelemetry true if the license requires telemetry to be on
 * @param refreshedAt when the server last computed these entitlements; null if it did not say
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Entitlements(
    @JsonProperty("features") Map<String, Feature> features,
    @JsonProperty("warnings") List<String> warnings,
    @JsonProperty("errors") List<String> errors,
    @JsonProperty("has_license") boolean hasLicense,
    @JsonProperty("trial") boolean trial,
    @JsonProperty("require_telemetry") boolean requireTelemetry,
    @JsonProperty("refreshed_at") @Nullable Instant refreshedAt) {

  /** The feature that allows more than the default organization. */
  public static final String MULTIPLE_ORGANIZATIONS = "multiple_organizations";

  /** The feature that limits the number of users. */
  public static final String USER_LIMIT = "user_limit";

  /** The feature that records the audit log. */
  public static final String AUDIT_LOG = "audit_log";

  /** The feature that allows provisioner daemons outside the server. */
  public static final String EXTERNAL_PROVISIONER_DAEMONS = "external_provisioner_daemons";

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable.
   *
   * @param features every feature the server knows, by name (an open set: {@code audit_log}, {@code
   *     user_limit}, {@code multiple_organizations}, ...)
   * @param warnings license problems to show an administrator, such as an approaching expiry
   * @param errors license problems that disable features
   * @param hasLicense true if at least one license is installed
   * @param trial true if the license is a trial
   * @param requireTelemetry true if the license requires telemetry to be on
   * @param refreshedAt when the server last computed these entitlements; null if it did not say
   */
  public Entitlements {
    features = Fields.map(features);
    warnings = Fields.list(warnings);
    errors = Fields.list(errors);
  }

  /**
   * {@return the named feature, or empty when the server does not list it}
   *
   * @param name the feature's name, such as {@link #MULTIPLE_ORGANIZATIONS}
   */
  public Optional<Feature> feature(String name) {
    return Optional.ofNullable(features.get(name));
  }

  /**
   * {@return true if a license grants the named feature (also during a grace period) and it is
   * enabled; false when it does not, or when the server does not know the feature}
   *
   * @param name the feature's name, such as {@link #MULTIPLE_ORGANIZATIONS}
   */
  public boolean isEntitled(String name) {
    Feature feature = features.get(name);
    return feature != null && feature.isAvailable();
  }
}
