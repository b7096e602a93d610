package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code PUT /organizations/{organization}/members/{user}/roles}.
 *
 * @param roles the organization roles the member should hold; replaces the current ones
 */
public record UpdateRoles(@JsonProperty("roles") List<String> roles) {

  /**
   * Creates the body; the list is copied.
   *
   * @param roles the organization roles the member should hold; replaces the current ones
   * @throws NullPointerException if {@code roles} or one of its elements is null
   */
  public UpdateRoles {
    roles = List.copyOf(roles);
  }
}
