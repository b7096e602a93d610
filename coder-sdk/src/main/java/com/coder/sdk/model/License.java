package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A license stored on the deployment.
 *
 * @param id the numeric ID, used to delete the license
 * @param uuid the license's UUID
 * @param uploadedAt when the license was added
 * @param claims the decoded claims of the license JWT, passed through as the server sent them:
 *     strings, booleans, numbers ({@code Integer}, {@code Long}, {@code BigInteger} or {@code
 *     Double}), nested maps and lists, all unmodifiable; {@code null} values are left out. Keys
 *     vary between license versions; common ones are {@code license_expires} (Unix seconds),
 *     {@code trial}, {@code feature_set} and {@code features}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record License(
    @JsonProperty("id") int id,
    @JsonProperty("uuid") UUID uuid,
    @JsonProperty("uploaded_at") Instant uploadedAt,
    @JsonProperty("claims") Map<String, @Nullable Object> claims) {

  public License {
    uuid = Fields.required(uuid, "uuid");
    uploadedAt = Fields.required(uploadedAt, "uploaded_at");
    claims = Fields.deepMap(claims);
  }
}
