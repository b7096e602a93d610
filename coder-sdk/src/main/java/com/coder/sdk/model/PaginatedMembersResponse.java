package com.coder.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of {@code GET /organizations/{organization}/paginated-members}.
 *
 * @param members the members on this page
 * @param count the number of members matching the query in all pages
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaginatedMembersResponse(
    @JsonProperty("members") List<OrganizationMemberWithUserData> members,
    @JsonProperty("count") long count) {

  /**
   * Creates the record; the SDK does so when it decodes an answer. Absent strings become {@code ""}
   * and absent lists and maps empty ones; lists and maps are copied and unmodifiable.
   *
   * @param members the members on this page
   * @param count the number of members matching the query in all pages
   */
  public PaginatedMembersResponse {
    members = Fields.list(members);
  }
}
