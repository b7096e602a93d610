package com.coder.sdk.testkit.internal;

import com.coder.sdk.model.Organization;
import com.coder.sdk.model.OrganizationMemberWithUserData;
import com.coder.sdk.model.PaginatedMembersResponse;
import com.coder.sdk.model.User;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import mockwebserver3.MockResponse;

/**
 * {@code /users/{user}} and the member routes of an organization, with the middleware order of
 * Coder's router: authentication, the organization, then the {@code {user}} parameter (400 for an
 * unknown user), then, where the route needs a member, the membership (404 for a non-member).
 */
final class UserRoutes {
  private static final String UNKNOWN_USER = "\"user\" must be an existing uuid or username.";

  private final Store store;

  UserRoutes(Store store) {
    this.store = store;
  }

  /** {@code GET /users/{user}}. */
  MockResponse userRoutes(Call call, List<String> route) {
    if (route.size() != 2) {
      return Wire.error(404, "Route not found.");
    }
    if (!call.method.equals("GET")) {
      return Call.methodNotAllowed();
    }
    return call.authenticated(
        () -> withUser(route.get(1), user -> Wire.json(200, Wire.user(user))));
  }

  /**
   * {@code /organizations/{organization}/members[/{user}[/roles]]} and {@code
   * /organizations/{organization}/paginated-members}; {@code rest} starts at {@code members}.
   */
  MockResponse memberRoutes(Call call, String organization, List<String> rest) {
    if (rest.get(0).equals("paginated-members")) {
      if (rest.size() != 1) {
        return Wire.error(404, "Route not found.");
      }
      if (!call.method.equals("GET")) {
        return Call.methodNotAllowed();
      }
      return call.authenticated(
          () -> call.withOrganization(organization, org -> paginatedMembers(call, org)));
    }
    if (rest.size() == 1) {
      if (!call.method.equals("GET")) {
        return Call.methodNotAllowed();
      }
      return call.authenticated(
          () ->
              call.withOrganization(organization, org -> Wire.json(200, store.members(org.id()))));
    }
    String user = rest.get(1);
    if (rest.size() == 2 && user.equals("roles")) {
      // Coder lists the assignable roles here, before any {user}; the fake has no such route.
      return Wire.error(404, "Route not found.");
    }
    if (rest.size() == 3 && rest.get(2).equals("roles")) {
      if (!call.method.equals("PUT")) {
        return Call.methodNotAllowed();
      }
      return call.authenticated(
          () ->
              call.withOrganization(
                  organization,
                  org -> withMember(org, user, member -> updateRoles(call, org, member))));
    }
    if (rest.size() != 2) {
      return Wire.error(404, "Route not found.");
    }
    switch (call.method) {
      case "GET":
        return call.authenticated(
            () ->
                call.withOrganization(
                    organization, org -> withMember(org, user, member -> Wire.json(200, member))));
      case "POST":
        return call.authenticated(
            () ->
                call.withOrganization(
                    organization, org -> withUser(user, found -> addMember(org, found))));
      case "DELETE":
        return call.authenticated(
            () ->
                call.withOrganization(
                    organization,
                    org -> withMember(org, user, member -> removeMember(org, member))));
      default:
        return Call.methodNotAllowed();
    }
  }

  private MockResponse paginatedMembers(Call call, Organization org) {
    QueryParams query = call.query();
    UUID afterId = query.uuid("after_id");
    int limit = query.positiveInt32("limit", 0);
    int offset = query.positiveInt32("offset", 0);
    if (!query.errors().isEmpty()) {
      return Wire.error(400, "Query parameters have invalid values.", query.errors());
    }

    Store.MemberPage page = store.memberPage(org.id(), afterId, offset, limit);
    // Coder reads the total from the first row of the page, so an empty page counts 0.
    long count = page.members().isEmpty() ? 0 : page.matched();
    return Wire.json(200, new PaginatedMembersResponse(page.members(), count));
  }

  private MockResponse addMember(Organization org, User user) {
    try {
      return Wire.json(200, store.addMember(org.id(), user.id()));
    } catch (Store.MemberExistsException e) {
      return Wire.error(400, "Organization member already exists in this organization");
    }
  }

  private MockResponse removeMember(Organization org, OrganizationMemberWithUserData member) {
    if (member.userId().equals(store.adminUserId())) {
      return Wire.error(400, "cannot remove self from an organization");
    }
    if (!store.removeMember(org.id(), member.userId())) {
      return Call.resourceNotFound();
    }
    return new MockResponse.Builder().code(204).build();
  }

  private MockResponse updateRoles(
      Call call, Organization org, OrganizationMemberWithUserData member) {
    if (member.userId().equals(store.adminUserId())) {
      return Wire.error(
          400,
          "You cannot change your own organization roles.",
          "Another user with the appropriate permissions must change your roles.");
    }
    List<String> roles;
    try {
      List<String> given =
          JsonObjects.struct(call.body(), "codersdk.UpdateRoles").nullableStrings("roles");
      roles = given == null ? List.of() : given;
    } catch (JsonObjects.GoJsonException e) {
      return Wire.error(400, "Request body must be valid JSON.", e.getMessage());
    }

    try {
      return Wire.json(200, store.updateMemberRoles(org.id(), member.userId(), roles));
    } catch (Store.UnknownRoleException e) {
      return Wire.error(400, e.getMessage());
    }
  }

  /** Coder's {@code {user}} middleware: 400 with the same words for garbage and strangers. */
  private MockResponse withUser(String reference, UserHandler next) {
    Optional<User> user = store.findUser(reference);
    if (user.isEmpty()) {
      return Wire.error(400, UNKNOWN_USER, "queried user=" + GoText.quote(reference));
    }
    return next.handle(user.get());
  }

  /** Coder's member middleware: the user must exist (400), then be a member (404). */
  private MockResponse withMember(Organization org, String reference, MemberHandler next) {
    return withUser(
        reference,
        user -> {
          Optional<OrganizationMemberWithUserData> member = store.member(org.id(), user.id());
          if (member.isEmpty()) {
            return Call.resourceNotFound();
          }
          return next.handle(member.get());
        });
  }

  private interface UserHandler {
    MockResponse handle(User user);
  }

  private interface MemberHandler {
    MockResponse handle(OrganizationMemberWithUserData member);
  }
}
