package com.coder.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.BadRequestException;
import com.coder.sdk.NotFoundException;
import com.coder.sdk.Page;
import com.coder.sdk.ServerErrorException;
import com.coder.sdk.model.LoginType;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.OrganizationMember;
import com.coder.sdk.model.OrganizationMemberWithUserData;
import com.coder.sdk.model.SlimRole;
import com.coder.sdk.model.User;
import com.coder.sdk.model.UserStatus;
import com.coder.sdk.testkit.FakeCoderServer;
import com.coder.sdk.testkit.UserSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Users by ID, name or {@code me}, and the members of organizations. */
@ExtendWith(TargetExtension.class)
class MembersIT {
  private static final String NOT_FOUND =
      "Resource not found or you do not have access to this resource";
  private static final String UNKNOWN_USER = "\"user\" must be an existing uuid or username.";

  // ---------------------------------------------------------------------------------------------
  // Users

  @Test
  void meIsTheTokensUserByIdNameAndMe(Target target) {
    User me = target.client().users().me();

    assertThat(target.client().users().get(me.id())).isEqualTo(me);
    assertThat(target.client().users().get(me.username().toUpperCase())).isEqualTo(me);
    assertThat(target.client().users().get("me")).isEqualTo(me);
    assertThat(me.roles())
        .anySatisfy(
            role -> {
              assertThat(role.name()).isEqualTo("owner");
              assertThat(role.displayName()).isEqualTo("Owner");
              assertThat(role.organizationId()).isEmpty();
            });
  }

  @Test
  void unknownUserIsABadRequestNotANotFound(Target target) {
    String stranger = Target.uniqueName("nobody");
    UUID randomId = UUID.randomUUID();

    assertThatThrownBy(() -> target.client().users().get(stranger))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.serverMessage()).isEqualTo(UNKNOWN_USER);
              assertThat(e.detail()).isEqualTo("queried user=\"" + stranger + "\"");
            });
    assertThatThrownBy(() -> target.client().users().get(randomId))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.serverMessage()).isEqualTo(UNKNOWN_USER));
  }

  @Test
  void seededUserReadsBackWithEveryField(Target target) {
    FakeCoderServer fake = target.fake("seeds users");
    Organization org = target.createOrganization("it-user");
    Instant seen = Instant.parse("2030-01-02T03:04:05.123456Z");
    User seeded =
        fake.users()
            .create(
                UserSpec.builder(Target.uniqueName("Alice"))
                    .email("alice+" + UUID.randomUUID() + "@example.com")
                    .name("Alice Liddell")
                    .avatarUrl("https://example.com/alice.png")
                    .loginType(LoginType.OIDC)
                    .status(UserStatus.DORMANT)
                    .siteRoles("auditor", "template-admin")
                    .lastSeenAt(seen)
                    .organizations("default", org.name())
                    .build());

    User read = target.client().users().get(seeded.username().toLowerCase());

    assertThat(read).isEqualTo(seeded);
    assertThat(read.name()).isEqualTo("Alice Liddell");
    assertThat(read.loginType()).isEqualTo(LoginType.OIDC);
    assertThat(read.status()).isEqualTo(UserStatus.DORMANT);
    assertThat(read.lastSeenAt()).isEqualTo(seen);
    assertThat(read.roles())
        .containsExactly(
            new SlimRole("auditor", "Auditor", ""),
            new SlimRole("template-admin", "Template Admin", ""));
    assertThat(read.organizationIds())
        .containsExactly(target.client().organizations().get("default").id(), org.id());
  }

  @Test
  void userJsonLeavesOutWhatCoderLeavesOut(Target target) {
    FakeCoderServer fake = target.fake("seeds users");
    User plain = fake.users().create(Target.uniqueName("plain"), UUID.randomUUID() + "@x.example");

    JsonNode raw = target.send("GET", "/api/v2/users/" + plain.id(), null).json();

    assertThat(fieldNames(raw))
        .containsExactly(
            "id",
            "username",
            "email",
            "created_at",
            "updated_at",
            "last_seen_at",
            "status",
            "login_type",
            "has_ai_seat",
            "organization_ids",
            "roles");
    assertThat(raw.path("last_seen_at").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(raw.path("roles").isArray()).isTrue();
    assertThat(raw.path("roles")).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Listing members

  @Test
  void membersAreListedByNameIgnoringCaseInLazyPages(Target target) {
    FakeCoderServer fake = target.fake("seeds members");
    Organization org = target.createOrganization("it-list");
    for (String name : List.of("delta", "Bravo", "charlie", "Echo")) {
      seed(fake, name, org);
    }
    fake.clearRequests();

    List<String> names = new ArrayList<>();
    for (OrganizationMemberWithUserData member : target.client().members().list(org.name(), 2)) {
      names.add(member.username().replaceAll("-.*", ""));
    }

    assertThat(names).containsExactly("admin", "Bravo", "charlie", "delta", "Echo");
    assertThat(fake.requests())
        .extracting(call -> call.query())
        .containsExactly("limit=2&offset=0", "limit=2&offset=2", "limit=2&offset=4");
  }

  @Test
  void pagesCountEveryMemberAndHonourLimitOffsetAndCursor(Target target) {
    FakeCoderServer fake = target.fake("seeds members");
    Organization org = target.createOrganization("it-pages");
    User bravo = seed(fake, "bravo", org);
    User charlie = seed(fake, "charlie", org);
    User delta = seed(fake, "delta", org);

    List<Page<OrganizationMemberWithUserData>> pages = new ArrayList<>();
    target.client().members().list(org.name(), 3).byPage().forEach(pages::add);
    JsonNode all = target.send("GET", membersPath(org) + "?limit=0", null).json();
    JsonNode skipped = target.send("GET", membersPath(org) + "?offset=3", null).json();
    JsonNode past = target.send("GET", membersPath(org) + "?offset=10", null).json();
    JsonNode afterBravo =
        target.send("GET", membersPath(org) + "?after_id=" + bravo.id(), null).json();

    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).items()).hasSize(3);
    assertThat(pages.get(0).totalCount()).isEqualTo(4);
    assertThat(pages.get(1).items()).hasSize(1);
    assertThat(pages.get(1).hasNext()).isFalse();
    assertThat(all.path("members")).hasSize(4);
    assertThat(all.path("count").asInt()).isEqualTo(4);
    assertThat(usernames(skipped)).containsExactly(delta.username());
    assertThat(skipped.path("count").asInt()).isEqualTo(4);
    // Coder takes the count from the first row of the page, so an empty page counts nothing.
    assertThat(past.path("members")).isEmpty();
    assertThat(past.path("count").asInt()).isZero();
    assertThat(usernames(afterBravo)).containsExactly(charlie.username(), delta.username());
    assertThat(afterBravo.path("count").asInt()).isEqualTo(2);
  }

  @Test
  void badPagingValuesAreRefused(Target target) {
    Http.Answer answer =
        target.send(
            "GET", "/api/v2/organizations/default/paginated-members?limit=-1&offset=x", null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("Query parameters have invalid values.");
    assertThat(answer.validations())
        .anySatisfy(v -> assertThat(v).startsWith("limit: "))
        .anySatisfy(v -> assertThat(v).startsWith("offset: "));
    if (target.isFake()) {
      assertThat(answer.validations())
          .containsExactly(
              "limit: Query param \"limit\" must be a valid 32-bit positive integer: value is "
                  + "negative",
              "offset: Query param \"offset\" must be a valid 32-bit positive integer: "
                  + "strconv.ParseInt: parsing \"x\": invalid syntax");
    }
  }

  @Test
  void defaultOrganizationListsTheCaller(Target target) {
    User me = target.client().users().me();

    OrganizationMemberWithUserData member = target.client().members().get("default", "me");

    assertThat(
            target.client().members().list("default").stream()
                .map(OrganizationMemberWithUserData::userId))
        .contains(me.id());
    assertThat(member.userId()).isEqualTo(me.id());
    assertThat(member.username()).isEqualTo(me.username());
    assertThat(member.email()).isEqualTo(me.email());
    assertThat(member.globalRoles()).isEqualTo(me.roles());
  }

  @Test
  void creatingAnOrganizationMakesTheCallerItsOnlyMember(Target target) {
    target.requireMultipleOrganizations();
    Organization org = target.createOrganization("it-creator");
    User me = target.client().users().me();

    List<OrganizationMemberWithUserData> members =
        target.client().members().list(org.id()).stream().toList();

    assertThat(members).extracting(OrganizationMemberWithUserData::userId).containsExactly(me.id());
    assertThat(members.get(0).roles()).isEmpty();
    assertThat(members.get(0).organizationId()).isEqualTo(org.id());
  }

  // ---------------------------------------------------------------------------------------------
  // Adding, reading, changing and removing members

  @Test
  void addGetUpdateRolesAndRemoveAMember(Target target) {
    FakeCoderServer fake = target.fake("seeds a user to add");
    Organization org = target.createOrganization("it-member");
    User bob =
        fake.users()
            .create(UserSpec.builder(Target.uniqueName("bob")).organizations().name("Bob").build());

    OrganizationMember added = target.client().members().add(org.name(), bob.username());
    OrganizationMemberWithUserData read = target.client().members().get(org.id(), bob.id());
    OrganizationMember promoted =
        target
            .client()
            .members()
            .updateRoles(
                org.name(),
                bob.username(),
                List.of("organization-user-admin", "organization-admin", "organization-admin"));
    OrganizationMemberWithUserData after = target.client().members().get(org.id(), bob.id());

    assertThat(added.userId()).isEqualTo(bob.id());
    assertThat(added.organizationId()).isEqualTo(org.id());
    assertThat(added.roles()).isEmpty();
    assertThat(added.createdAt()).isEqualTo(added.updatedAt());
    assertThat(read.username()).isEqualTo(bob.username());
    assertThat(read.name()).isEqualTo("Bob");
    assertThat(read.email()).isEqualTo(bob.email());
    assertThat(read.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(read.loginType()).isEqualTo(LoginType.PASSWORD);
    assertThat(read.userCreatedAt()).isEqualTo(bob.createdAt());
    assertThat(read.globalRoles()).isEmpty();
    assertThat(read.createdAt()).isEqualTo(added.createdAt());
    assertThat(promoted.roles())
        .containsExactly(
            new SlimRole("organization-admin", "Organization Admin", org.id().toString()),
            new SlimRole(
                "organization-user-admin", "Organization User Admin", org.id().toString()));
    assertThat(promoted.updatedAt()).isAfterOrEqualTo(added.updatedAt());
    assertThat(after.roles()).isEqualTo(promoted.roles());
    assertThat(target.client().users().get(bob.id()).organizationIds()).containsExactly(org.id());

    target.client().members().remove(org.id(), bob.id());

    assertThat(fake.lastRequest().method()).isEqualTo("DELETE");
    assertThatThrownBy(() -> target.client().members().get(org.id(), bob.id()))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.serverMessage()).isEqualTo(NOT_FOUND));
    assertThat(fake.organizations().members(org.name()))
        .extracting(OrganizationMemberWithUserData::userId)
        .containsExactly(fake.adminUserId());
  }

  @Test
  void removalAnswers204WithNoBody(Target target) {
    FakeCoderServer fake = target.fake("seeds a member to remove");
    Organization org = target.createOrganization("it-204");
    User carol = seed(fake, "carol", org);

    Http.Answer answer = target.send("DELETE", memberPath(org, carol.username()), null);

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
  }

  @Test
  void emptyRoleListClearsTheRoles(Target target) {
    FakeCoderServer fake = target.fake("seeds a member");
    Organization org = target.createOrganization("it-clear");
    User dave = seed(fake, "dave", org);
    target.client().members().updateRoles(org.id(), dave.id(), List.of("organization-auditor"));

    OrganizationMember cleared =
        target.client().members().updateRoles(org.id(), dave.id(), List.of());

    assertThat(cleared.roles()).isEmpty();
    assertThat(target.send("PUT", memberPath(org, dave.username()) + "/roles", "{}").status())
        .isEqualTo(200);
  }

  @Test
  void addingAMemberTwiceIsRefused(Target target) {
    FakeCoderServer fake = target.fake("seeds a member");
    Organization org = target.createOrganization("it-twice");
    User erin = seed(fake, "erin", org);

    assertThatThrownBy(() -> target.client().members().add(org.id(), erin.id()))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e ->
                assertThat(e.serverMessage())
                    .isEqualTo("Organization member already exists in this organization"));
  }

  @Test
  void theCallerCannotRemoveThemselvesNorChangeTheirOwnRoles(Target target) {
    Organization org = target.client().organizations().get("default");

    assertThatThrownBy(() -> target.client().members().remove("default", "me"))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e ->
                assertThat(e.serverMessage()).isEqualTo("cannot remove self from an organization"));
    assertThatThrownBy(
            () -> target.client().members().updateRoles(org.id().toString(), "me", List.of()))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.serverMessage())
                  .isEqualTo("You cannot change your own organization roles.");
              assertThat(e.detail())
                  .isEqualTo(
                      "Another user with the appropriate permissions must change your " + "roles.");
            });
  }

  @Test
  void unknownRoleIsRefusedWithTheScopedName(Target target) {
    FakeCoderServer fake = target.fake("seeds a member");
    Organization org = target.createOrganization("it-role");
    User frank = seed(fake, "frank", org);

    assertThatThrownBy(
            () ->
                target
                    .client()
                    .members()
                    .updateRoles(org.id(), frank.id(), List.of("organization-admin", "wizard")))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e ->
                assertThat(e.serverMessage())
                    .isEqualTo("\"wizard:" + org.id() + "\" is not a supported role"));
    assertThat(target.client().members().get(org.id(), frank.id()).roles()).isEmpty();
  }

  @Test
  void unknownUsersAre400AndNonMembers404(Target target) {
    FakeCoderServer fake = target.fake("seeds a user outside the organization");
    Organization org = target.createOrganization("it-outsider");
    User outsider =
        fake.users().create(UserSpec.builder(Target.uniqueName("out")).organizations().build());
    String ghost = Target.uniqueName("ghost");

    for (Runnable call :
        List.<Runnable>of(
            () -> target.client().members().add(org.id().toString(), ghost),
            () -> target.client().members().get(org.id().toString(), ghost),
            () -> target.client().members().remove(org.id().toString(), ghost))) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              BadRequestException.class,
              e -> assertThat(e.serverMessage()).isEqualTo(UNKNOWN_USER));
    }
    for (Runnable call :
        List.<Runnable>of(
            () -> target.client().members().get(org.id(), outsider.id()),
            () -> target.client().members().remove(org.id(), outsider.id()),
            () -> target.client().members().updateRoles(org.id(), outsider.id(), List.of()))) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              NotFoundException.class, e -> assertThat(e.serverMessage()).isEqualTo(NOT_FOUND));
    }
  }

  @Test
  void anOrganizationWithAnExtraMemberCannotBeDeletedUntilTheMemberLeaves(Target target) {
    FakeCoderServer fake = target.fake("seeds a member");
    Organization org = target.createOrganization("it-leave");
    User grace = seed(fake, "grace", org);

    assertThatThrownBy(() -> target.client().organizations().delete(org.id()))
        .isInstanceOfSatisfying(
            ServerErrorException.class,
            e ->
                assertThat(e.detail())
                    .isEqualTo("This organization has 1 member that must be deleted first."));
    target.client().members().remove(org.id(), grace.id());

    assertThat(target.client().organizations().delete(org.id()).message())
        .isEqualTo("Organization has been deleted.");
  }

  // ---------------------------------------------------------------------------------------------

  /** Creates a user named {@code prefix-<random>} who belongs to {@code org} only. */
  private static User seed(FakeCoderServer fake, String prefix, Organization org) {
    return fake.users()
        .create(
            UserSpec.builder(Target.uniqueName(prefix)).organizations(org.id().toString()).build());
  }

  private static String membersPath(Organization org) {
    return "/api/v2/organizations/" + org.id() + "/paginated-members";
  }

  private static String memberPath(Organization org, String user) {
    return "/api/v2/organizations/" + org.id() + "/members/" + user;
  }

  private static List<String> usernames(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.path("members").forEach(member -> names.add(member.path("username").asText()));
    return names;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
