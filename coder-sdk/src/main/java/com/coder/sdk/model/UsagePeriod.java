package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The period over which a usage-based feature is counted.
 *
 * @param issuedAt when the license that defines the period was issued
 * @param start when the period began
 * @param end when the period ends
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsagePeriod(
    @JsonProperty("issued_at") @Nullable Instant issuedAt,
    @JsonProperty("start") @Nullable Instant start,
    @JsonProperty("end") @Nullable Instant end) {}
