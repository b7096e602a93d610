package com.coder.sdk;

import com.coder.sdk.internal.ApiRequest;
import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.model.OrganizationMember;
import com.coder.sdk.model.OrganizationMemberWithUserData;
import com.coder.sdk.model.PaginatedMembersResponse;
import com.coder.sdk.model.UpdateRoles;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The members of organizations: {@code /api/v2/organizations/{organization}/members}. Get one from
 * {@link CoderClient#members()}.
 *
 * <p>A user is named by ID, by user name, or by {@code "me"} for the caller.
 *
 * <pre>{@code
 * client.members().add("data-platform", "alice");
 * client.members().updateRoles("data-platform", "alice", List.of("organization-admin"));
 * for (OrganizationMemberWithUserData member : client.members().list("data-platform")) {
 *   System.out.println(member.username() + " " + member.roles());
 * }
 * }</pre>
 *
 * <p>Thread-safe. Each call has an {@code ...Async} sibling that returns a {@link
 * CompletableFuture}; cancelling it cancels the HTTP call. {@link #list(String)} fetches pages as
 * it is iterated, on the iterating thread; {@link #pageAsync} fetches one page without blocking.
 */
public final class Members {
  /** Members fetched per page by {@link #list(String)}. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  private final HttpPipeline http;

  Members(HttpPipeline http) {
    this.http = http;
  }

  /**
   * Lists the organization's members, {@value #DEFAULT_PAGE_SIZE} per request, fetching pages as
   * the result is iterated. Sends {@code GET
   * /api/v2/organizations/{organization}/paginated-members?limit=..&offset=..}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @return the members, fetched lazily page by page
   */
  public PagedIterable<OrganizationMemberWithUserData> list(String organization) {
    return list(organization, DEFAULT_PAGE_SIZE);
  }

  /**
   * Lists members of an organization named by ID; see {@link #list(String)}.
   *
   * @param organization the organization's ID
   * @return the members, fetched lazily page by page
   */
  public PagedIterable<OrganizationMemberWithUserData> list(UUID organization) {
    return list(Arguments.organization(organization), DEFAULT_PAGE_SIZE);
  }

  /**
   * Lists the organization's members with {@code pageSize} per request; see {@link #list(String)}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param pageSize how many members to ask for per request, at least 1
   * @return the members, fetched lazily page by page
   * @throws IllegalArgumentException if {@code pageSize} is below 1
   */
  public PagedIterable<OrganizationMemberWithUserData> list(String organization, int pageSize) {
    String org = Arguments.organization(organization);
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
    }
    return new PagedIterable<>(
        pageSize,
        (offset, limit) ->
            toPage(
                http.call(pageRequest(org, offset, limit), PaginatedMembersResponse.class),
                offset));
  }

  /**
   * Fetches one page of the organization's members without blocking: {@code limit} members from
   * position {@code offset}. Sends {@code GET
   * /api/v2/organizations/{organization}/paginated-members?limit=..&offset=..}.
   *
   * <pre>{@code
   * client.members().pageAsync("data-platform", 0, 50)
   *     .thenAccept(page -> System.out.println(page.items().size() + " of " + page.totalCount()));
   * }</pre>
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param offset the position of the first member to fetch, from 0
   * @param limit the most members to fetch, at least 1
   * @return a future of the page, with the total count of members
   * @throws IllegalArgumentException if {@code offset} is negative or {@code limit} is below 1
   */
  public CompletableFuture<Page<OrganizationMemberWithUserData>> pageAsync(
      String organization, long offset, int limit) {
    String org = Arguments.organization(organization);
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return http.callAsync(pageRequest(org, offset, limit), PaginatedMembersResponse.class)
        .thenApply(page -> toPage(page, offset));
  }

  private static Page<OrganizationMemberWithUserData> toPage(
      PaginatedMembersResponse page, long offset) {
    return new Page<>(page.members(), offset, page.count());
  }

  private static ApiRequest pageRequest(String organization, long offset, int limit) {
    return ApiRequest.get("organizations", organization, "paginated-members")
        .query("limit", Integer.toString(limit))
        .query("offset", Long.toString(offset));
  }

  /**
   * Gets one member. Sends {@code GET /api/v2/organizations/{organization}/members/{user}}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param user a user ID, user name, or {@code "me"}
   * @return the member with the user's name, email and status
   * @throws NotFoundException if the user is not a member
   */
  public OrganizationMemberWithUserData get(String organization, String user) {
    return http.call(
        ApiRequest.get(memberPath(organization, user)), OrganizationMemberWithUserData.class);
  }

  /**
   * Gets one member, both named by ID; see {@link #get(String, String)}.
   *
   * @param organization the organization's ID
   * @param user the user's ID
   * @return the member with the user's name, email and status
   */
  public OrganizationMemberWithUserData get(UUID organization, UUID user) {
    return get(Arguments.organization(organization), Arguments.user(user));
  }

  /**
   * Gets one member without blocking; see {@link #get(String, String)}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param user a user ID, user name, or {@code "me"}
   * @return a future of the member; it fails with {@link NotFoundException} if the user is not a
   *     member
   */
  public CompletableFuture<OrganizationMemberWithUserData> getAsync(
      String organization, String user) {
    return http.callAsync(
        ApiRequest.get(memberPath(organization, user)), OrganizationMemberWithUserData.class);
  }

  /**
   * Gets one member, both named by ID, without blocking.
   *
   * @param organization the organization's ID
   * @param user the user's ID
   * @return a future of the member
   */
  public CompletableFuture<OrganizationMemberWithUserData> getAsync(UUID organization, UUID user) {
    return getAsync(Arguments.organization(organization), Arguments.user(user));
  }

  /**
   * Adds a user to the organization with no extra roles. Sends {@code POST
   * /api/v2/organizations/{organization}/members/{user}}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param user a user ID, user name, or {@code "me"}
   * @return the new membership
   * @throws BadRequestException if the user is already a member, or memberships are managed by the
   *     identity provider
   */
  public OrganizationMember add(String organization, String user) {
    return http.call(ApiRequest.post(memberPath(organization, user)), OrganizationMember.class);
  }

  /**
   * Adds a user, both named by ID; see {@link #add(String, String)}.
   *
   * @param organization the organization's ID
   * @param user the user's ID
   * @return the new membership
   */
  public OrganizationMember add(UUID organization, UUID user) {
    return add(Arguments.organization(organization), Arguments.user(user));
  }

  /**
   * Adds a user without blocking; see {@link #add(String, String)}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param user a user ID, user name, or {@code "me"}
   * @return a future of the new membership; it fails with the exceptions {@link #add(String,
   *     String)} throws
   */
  public CompletableFuture<OrganizationMember> addAsync(String organization, String user) {
    return http.callAsync(
        ApiRequest.post(memberPath(organization, user)), OrganizationMember.class);
  }

  /**
   * Adds a user, both named by ID, without blocking.
   *
   * @param organization the organization's ID
   * @param user the user's ID
   * @return a future of the new membership
   */
  public CompletableFuture<OrganizationMember> addAsync(UUID organization, UUID user) {
    return addAsync(Arguments.organization(organization), Arguments.user(user));
  }

  /**
   * Removes a user from the organization. Sends {@code DELETE
   * /api/v2/organizations/{organization}/members/{user}}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param user a user ID, user name, or {@code "me"}
   * @throws BadRequestException if the caller tries to remove themselves
   */
  public void remove(String organization, String user) {
    http.callForMessage(ApiRequest.delete(memberPath(organization, user)));
  }

  /**
   * Removes a user, both named by ID; see {@link #remove(String, String)}.
   *
   * @param organization the organization's ID
   * @param user the user's ID
   */
  public void remove(UUID organization, UUID user) {
    remove(Arguments.organization(organization), Arguments.user(user));
  }

  /**
   * Removes a user without blocking; see {@link #remove(String, String)}. The future completes with
   * {@code null} once the server has removed the membership.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param user a user ID, user name, or {@code "me"}
   * @return a future that completes once the membership is removed
   */
  public CompletableFuture<Void> removeAsync(String organization, String user) {
    return http.callForMessageAsync(ApiRequest.delete(memberPath(organization, user)))
        .thenAccept(message -> {});
  }

  /**
   * Removes a user, both named by ID, without blocking.
   *
   * @param organization the organization's ID
   * @param user the user's ID
   * @return a future that completes once the membership is removed
   */
  public CompletableFuture<Void> removeAsync(UUID organization, UUID user) {
    return removeAsync(Arguments.organization(organization), Arguments.user(user));
  }

  /**
   * Replaces the organization roles assigned to a member, for example {@code organization-admin};
   * the implicit member role is not listed. Sends {@code PUT
   * /api/v2/organizations/{organization}/members/{user}/roles}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param user a user ID, user name, or {@code "me"}
   * @param roles the role names the member should hold; an empty list removes every assigned role
   * @return the membership with its new roles
   * @throws BadRequestException if the caller changes their own roles, or roles are managed by the
   *     identity provider
   * @throws ForbiddenException if the caller may not assign those roles
   */
  public OrganizationMember updateRoles(String organization, String user, List<String> roles) {
    return http.call(rolesRequest(organization, user, roles), OrganizationMember.class);
  }

  /**
   * Replaces a member's roles, both named by ID; see {@link #updateRoles(String, String, List)}.
   *
   * @param organization the organization's ID
   * @param user the user's ID
   * @param roles the role names the member should hold; an empty list removes every assigned role
   * @return the membership with its new roles
   */
  public OrganizationMember updateRoles(UUID organization, UUID user, List<String> roles) {
    return updateRoles(Arguments.organization(organization), Arguments.user(user), roles);
  }

  /**
   * Replaces a member's roles without blocking; see {@link #updateRoles(String, String, List)}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param user a user ID, user name, or {@code "me"}
   * @param roles the organization roles the member should have, replacing any others
   * @return a future of the membership with its new roles
   */
  public CompletableFuture<OrganizationMember> updateRolesAsync(
      String organization, String user, List<String> roles) {
    return http.callAsync(rolesRequest(organization, user, roles), OrganizationMember.class);
  }

  /**
   * Replaces a member's roles, both named by ID, without blocking.
   *
   * @param organization the organization's ID
   * @param user the user's ID
   * @param roles the organization roles the member should have, replacing any others
   * @return a future of the membership with its new roles
   */
  public CompletableFuture<OrganizationMember> updateRolesAsync(
      UUID organization, UUID user, List<String> roles) {
    return updateRolesAsync(Arguments.organization(organization), Arguments.user(user), roles);
  }

  private static String[] memberPath(String organization, String user) {
    return new String[] {
      "organizations", Arguments.organization(organization), "members", Arguments.user(user)
    };
  }

  private static ApiRequest rolesRequest(String organization, String user, List<String> roles) {
    Objects.requireNonNull(roles, "roles == null");
    roles.forEach(role -> Objects.requireNonNull(role, "roles contains null"));
    return ApiRequest.put(
            "organizations",
            Arguments.organization(organization),
            "members",
            Arguments.user(user),
            "roles")
        .body(new UpdateRoles(roles));
  }
}
