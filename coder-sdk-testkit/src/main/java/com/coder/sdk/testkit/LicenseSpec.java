package com.coder.sdk.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a license issued by {@link FakeLicenses#issue(LicenseSpec)} grants: features, expiry, trial
 * flag and account. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * String jwt = coder.licenses().issue(LicenseSpec.builder()
 *     .feature("multiple_organizations", 1)
 *     .feature("user_limit", 50)
 *     .expiresAt(Instant.parse("2030-01-01T00:00:00Z"))
 *     .build());
 * client.licenses().add(jwt);
 * }</pre>
 *
 * <p>The claims follow Coder's version 3 licenses: {@code iss}, {@code sub}, {@code exp}, {@code
 * nbf}, {@code iat}, {@code jti}, {@code license_expires}, {@code account_type}, {@code
 * account_id}, {@code deployment_ids} (when set), {@code trial}, {@code feature_set}, {@code
 * version} and {@code features}.
 */
public final class LicenseSpec {
  /** How long a license is valid when no expiry is set: 365 days from issue. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

  private final Map<String, Long> features;
  private final String featureSet;
  private final boolean trial;
  private final String accountType;
  private final String accountId;
  private final @Nullable Instant expiresAt;
  private final Duration gracePeriod;
  private final List<String> deploymentIds;
  private final @Nullable UUID uuid;

  private LicenseSpec(Builder builder) {
    this.features = Collections.unmodifiableMap(new LinkedHashMap<>(builder.features));
    this.featureSet = builder.featureSet;
    this.trial = builder.trial;
    this.accountType = builder.accountType;
    this.accountId = builder.accountId;
    this.expiresAt = builder.expiresAt;
    this.gracePeriod = builder.gracePeriod;
    this.deploymentIds = List.copyOf(builder.deploymentIds);
    this.uuid = builder.uuid;
  }

  /** {@return a builder of a license with no features, valid for 365 days from issue} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a license that grants multiple organizations ({@code multiple_organizations: 1})} */
  public static LicenseSpec multipleOrganizations() {
    return builder().feature("multiple_organizations", 1).build();
  }

  /**
   * {@return the {@code features} claim: feature name to number, such as {@code user_limit: 50}}
   */
  public Map<String, Long> features() {
    return features;
  }

  /** {@return the {@code feature_set} claim, such as {@code premium}; {@code ""} for none} */
  public String featureSet() {
    return featureSet;
  }

  /** {@return the {@code trial} claim} */
  public boolean trial() {
    return trial;
  }

  /** {@return the {@code account_type} claim} */
  public String accountType() {
    return accountType;
  }

  /** {@return the {@code account_id} claim, also used as {@code sub}} */
  public String accountId() {
    return accountId;
  }

  /** {@return the {@code license_expires} time, or null for 365 days after issue} */
  public @Nullable Instant expiresAt() {
    return expiresAt;
  }

  /** {@return how long after {@code license_expires} the JWT stays valid ({@code exp})} */
  public Duration gracePeriod() {
    return gracePeriod;
  }

  /** {@return the deployments the license is bound to; empty for any} */
  public List<String> deploymentIds() {
    return deploymentIds;
  }

  /** {@return the {@code jti} claim, which becomes the license's UUID; null for a random one} */
  public @Nullable UUID uuid() {
    return uuid;
  }

  @Override
  public String toString() {
    return "LicenseSpec{features="
        + features
        + ", featureSet="
        + featureSet
        + ", trial="
        + trial
        + ", expiresAt="
        + expiresAt
        + "}";
  }

  /** Collects the claims of a {@link LicenseSpec}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Long> features = new LinkedHashMap<>();
    private String featureSet = "";
    private boolean trial;
    private String accountType = "salesforce";
    private String accountId = "testkit";
    private @Nullable Instant expiresAt;
    private Duration gracePeriod = Duration.ZERO;
    private List<String> deploymentIds = List.of();
    private @Nullable UUID uuid;

    private Builder() {}

    /**
     * Grants a feature. Coder enables a feature whose value is above 0; {@code user_limit} is the
     * number of users. Replaces an earlier value of the same feature.
     *
     * @param name the feature's name, such as {@code user_limit}
     * @param value the number the license grants; 0 or less leaves the feature off
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Builder feature(String name, long value) {
      Objects.requireNonNull(name, "name == null");
      if (name.isBlank()) {
        throw new IllegalArgumentException("feature name is blank");
      }
      features.put(name, value);
      return this;
    }

    /**
     * Sets the {@code feature_set} claim. {@code premium} grants every feature, including multiple
     * organizations; {@code enterprise} grants the older set without it. Default none.
     *
     * @param featureSet the feature set, or {@code ""} for none
     * @return this builder
     */
    public Builder featureSet(String featureSet) {
      this.featureSet = Objects.requireNonNull(featureSet, "featureSet == null");
      return this;
    }

    /**
     * Marks the license as a trial. Default false.
     *
     * @param trial true for a trial license
     * @return this builder
     */
    public Builder trial(boolean trial) {
      this.trial = trial;
      return this;
    }

    /**
     * Sets the {@code account_type} claim. Default {@code salesforce}.
     *
     * @param accountType the account type
     * @return this builder
     */
    public Builder accountType(String accountType) {
      this.accountType = Objects.requireNonNull(accountType, "accountType == null");
      return this;
    }

    /**
     * Sets the {@code account_id} claim. Default {@code testkit}.
     *
     * @param accountId the account ID, also written as {@code sub}
     * @return this builder
     */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId == null");
      return this;
    }

    /**
     * Sets when the license term ends ({@code license_expires}, whole seconds). A time in the past
     * with no grace period gives a license the server refuses as expired. Default: 365 days after
     * issue.
     *
     * @param expiresAt the end of the license term
     * @return this builder
     */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt == null");
      return this;
    }

    /**
     * Sets how long the license keeps working after its term, in grace: {@code exp} is {@code
     * license_expires} plus this. Default 0.
     *
     * @param gracePeriod the time after the term during which the license still works
     * @return this builder
     * @throws IllegalArgumentException if {@code gracePeriod} is negative
     */
    public Builder gracePeriod(Duration gracePeriod) {
      Objects.requireNonNull(gracePeriod, "gracePeriod == null");
      if (gracePeriod.isNegative()) {
        throw new IllegalArgumentException("gracePeriod is negative: " + gracePeriod);
      }
      this.gracePeriod = gracePeriod;
      return this;
    }

    /**
     * Binds the license to deployments; the fake accepts it only if one of them is its {@link
     * FakeCoderServer#deploymentId()}. Default: any deployment.
     *
     * @param deploymentIds the IDs of the deployments that may use the license; none for any
     * @return this builder
     */
    public Builder deploymentIds(String... deploymentIds) {
      Objects.requireNonNull(deploymentIds, "deploymentIds == null");
      this.deploymentIds = List.of(deploymentIds);
      return this;
    }

    /**
     * Sets the {@code jti} claim, which Coder uses as the license's UUID. Default random.
     *
     * @param uuid the license's UUID
     * @return this builder
     */
    public Builder uuid(UUID uuid) {
      this.uuid = Objects.requireNonNull(uuid, "uuid == null");
      return this;
    }

    /** {@return the spec} */
    public LicenseSpec build() {
      return new LicenseSpec(this);
    }
  }
}
