package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /licenses}.
 *
 * @param license the license as issued: a signed JWT string
 */
public record AddLicenseRequest(@JsonProperty("license") String license) {

  /**
   * Creates the body.
   *
   * @param license the license as issued: a signed JWT string
   * @throws IllegalArgumentException if {@code license} is null
   */
  public AddLicenseRequest {
    license = Fields.required(license, "license");
  }

  /** Keeps the license out of logs and exception messages. */
  @Override
  public String toString() {
    return "AddLicenseRequest[license=<" + license.length() + " characters>]";
  }
}
