package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * How the deployment's licenses cover one feature, as listed in {@link Entitlements#features()}.
 *
 * @param entitlement whether a license grants the feature
 * @param enabled whether the feature is on; a feature can be entitled but turned off
 * @param limit the most the license allows, in the feature's unit (for example users); null when
 *     the feature has no limit
 * @param actual the current usage against {@code limit}; null when unknown
 * @param softLimit a warning threshold, for features whose license carries one; null otherwise
 * @param hardLimit an enforcement threshold, for features whose license carries one; null otherwise
 * @param actualMs precise usage in milliseconds for time-based features; null otherwise
 * @param usagePeriod the period usage is counted over, for usage-based features; null otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Feature(
    @JsonProperty("entitlement") Entitlement entitlement,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("limit") @Nullable Long limit,
    @JsonProperty("actual") @Nullable Long actual,
    @JsonProperty("soft_limit") @Nullable Long softLimit,
    @JsonProperty("hard_limit") @Nullable Long hardLimit,
    @JsonProperty("actual_ms") @Nullable Long actualMs,
    @JsonProperty("usage_period") @Nullable UsagePeriod usagePeriod) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. An absent entitlement becomes
   * {@link Entitlement#NOT_ENTITLED}.
   *
   * @param entitlement whether a license grants the feature
   * @param enabled whether the feature is on; a feature can be entitled but turned off
   * @param limit the most the license allows, in the feature's unit (for example users); null when
   *     the feature has no limit
   * @param actual the current usage against {@code limit}; null when unknown
   * @param softLimit a warning threshold, for features whose license carries one; null otherwise
   * @param hardLimit an enforcement threshold, for features whose license carries one; null
   *     otherwise
   * @param actualMs precise usage in milliseconds for time-based features; null otherwise
   * @param usagePeriod the period usage is counted over, for usage-based features; null otherwise
   */
  public Feature {
    entitlement = entitlement == null ? Entitlement.NOT_ENTITLED : entitlement;
  }

  /** {@return true if a license grants the feature (also in a grace period) and it is enabled} */
  @JsonIgnore
  public boolean isAvailable() {
    return enabled && !entitlement.equals(Entitlement.NOT_ENTITLED);
  }
}
