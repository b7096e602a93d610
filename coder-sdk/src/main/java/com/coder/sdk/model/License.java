package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A license stored on the deployment.
 *
 * @param id the numeric ID, used to delete the license
 * @param uuid the license's UUID
 * @param uploadedAt when the license was added
 *     <p>The accessors below {@link #claims()} read the common claims; a license version that lacks
 *     one yields an empty value rather than an error.
 * @param claims the decoded claims of the license JWT, passed through as the server sent them:
 *     strings, booleans, numbers ({@code Integer}, {@code Long}, {@code BigInteger} or {@code
 *     Double}), nested maps and lists, all unmodifiable; {@code null} values are left out. Keys
 *     vary between license versions; common ones are {@code license_expires} (Unix seconds), {@code
 *     trial}, {@code feature_set} and {@code features}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record License(
    @JsonProperty("id") int id,
    @JsonProperty("uuid") UUID uuid,
    @JsonProperty("uploaded_at") Instant uploadedAt,
    @JsonProperty("claims") Map<String, @Nullable Object> claims) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable.
   *
   * @param id the numeric ID, used to delete the license
   * @param uuid the license's UUID
   * @param uploadedAt when the license was added
   *     <p>The accessors below {@link #claims()} read the common claims; a license version that
   *     lacks one yields an empty value rather than an error.
   * @param claims the decoded claims of the license JWT, passed through as the server sent them:
   *     strings, booleans, numbers ({@code Integer}, {@code Long}, {@code BigInteger} or {@code
   *     Double}), nested maps and lists. Keys vary between license versions; common ones are {@code
   *     license_expires} (Unix seconds), {@code trial}, {@code feature_set} and {@code features}.
   * @throws IllegalArgumentException if a component the server always sends is null
   */
  public License {
    uuid = Fields.required(uuid, "uuid");
    uploadedAt = Fields.required(uploadedAt, "uploaded_at");
    claims = Fields.deepMap(claims);
  }

  /**
   * {@return when the license stops being valid: the {@code license_expires} claim (Unix seconds),
   * or {@code exp} when that is absent; empty when neither is a number}
   */
  public Optional<Instant> expiresAt() {
    Object seconds = claims.getOrDefault("license_expires", claims.get("exp"));
    return seconds instanceof Number
        ? Optional.of(Instant.ofEpochSecond(((Number) seconds).longValue()))
        : Optional.empty();
  }

  /** {@return true if the {@code trial} claim is true} */
  @JsonIgnore
  public boolean isTrial() {
    return Boolean.TRUE.equals(claims.get("trial"));
  }

  /**
   * {@return true if the {@code all_features} claim is true: every feature of the set is granted}
   */
  public boolean allFeatures() {
    return Boolean.TRUE.equals(claims.get("all_features"));
  }

  /**
   * {@return the {@code features} claim: limits by feature name, such as {@code user_limit}} Empty
   * when the claim is absent; entries that are not numbers are left out.
   */
  public Map<String, Long> features() {
    Object features = claims.get("features");
    if (!(features instanceof Map)) {
      return Map.of();
    }
    Map<String, Long> limits = new LinkedHashMap<>();
    ((Map<?, ?>) features)
        .forEach(
            (name, limit) -> {
              if (name instanceof String && limit instanceof Number) {
                limits.put((String) name, ((Number) limit).longValue());
              }
            });
    return Collections.unmodifiableMap(limits);
  }

  /** {@return the {@code feature_set} claim, such as {@code premium}, if present} */
  public Optional<String> featureSet() {
    return stringClaim("feature_set");
  }

  /** {@return the {@code account_type} claim, such as {@code salesforce}, if present} */
  public Optional<String> accountType() {
    return stringClaim("account_type");
  }

  /** {@return the {@code account_id} claim, if present} */
  public Optional<String> accountId() {
    return stringClaim("account_id");
  }

  private Optional<String> stringClaim(String name) {
    Object value = claims.get(name);
    return value instanceof String ? Optional.of((String) value) : Optional.empty();
  }
}
