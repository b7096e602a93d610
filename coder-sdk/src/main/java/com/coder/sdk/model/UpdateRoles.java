package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code PUT /organizations/{organization}/members/{user}/roles}.
 *
 * @param roles the organization roles the member should hold; replaces the current ones
 */
public record UpdateRoles(@JsonProperty("roles") List<String> roles) {

  public UpdateRoles {
    roles = List.copyOf(roles);
  }
}
