package com.coder.sdk.testkit.internal;

import com.coder.sdk.model.Entitlements;
import com.coder.sdk.model.Feature;
import com.coder.sdk.model.JobErrorCode;
import com.coder.sdk.model.LogLevel;
import com.coder.sdk.model.LogSource;
import com.coder.sdk.model.LoginType;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.OrganizationMember;
import com.coder.sdk.model.OrganizationMemberWithUserData;
import com.coder.sdk.model.ProvisionerDaemon;
import com.coder.sdk.model.ProvisionerDaemonJob;
import com.coder.sdk.model.ProvisionerDaemonStatus;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobInput;
import com.coder.sdk.model.ProvisionerJobLog;
import com.coder.sdk.model.ProvisionerJobMetadata;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.model.ProvisionerJobType;
import com.coder.sdk.model.User;
import com.coder.sdk.model.UserStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The fake deployment's state: users, organizations and their members, provisioner daemons,
 * provisioner jobs and their logs, and licenses. Every method is synchronized on the store, so HTTP
 * threads and the test thread see one consistent state. Timestamps come from the configured clock,
 * cut to microseconds as PostgreSQL stores them.
 */
public final class Store {
  /** The user Coder's prebuilt workspaces run as; its jobs queue behind everyone else's. */
  public static final UUID PREBUILDS_USER_ID =
      UUID.fromString("c42fdf75-3097-471c-8c33-fb52454d81c0");

  /** The tags of an untagged job or daemon, which match only each other exactly. */
  public static final Map<String, String> UNTAGGED = Map.of("scope", "organization", "owner", "");

  /** The roles every member of an organization holds implicitly. */
  public static final List<String> DEFAULT_MEMBER_ROLES = List.of("organization-workspace-access");

  /** How long a daemon may go unseen before Coder reports it offline: 90 s. */
  public static final Duration STALE_INTERVAL = Duration.ofSeconds(90);

  /** The time Coder writes for "never", such as the last sight of a user who never signed in. */
  public static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

  /** The key ID and name of daemons that authenticate with the deployment's pre-shared key. */
  static final UUID PSK_KEY_ID = UUID.fromString("00000000-0000-0000-0000-000000000003");

  /** The version the fake reports for itself and its daemons. */
  public static final String VERSION = "v2.24.1";

  /** The provisioner API version the fake's daemons speak. */
  public static final String PROVISIONER_API_VERSION = "1.7";

  private static final Duration REFRESH_INTERVAL = Duration.ofMinutes(1);
  private static final List<String> JOB_STATUSES =
      List.of("pending", "running", "succeeded", "canceling", "canceled", "failed");
  private static final List<String> DAEMON_STATUSES = List.of("offline", "idle", "busy");

  private final Clock clock;
  private final UUID adminUserId;
  private final Map<UUID, UserRow> users = new LinkedHashMap<>();
  private final Map<UUID, OrgRow> orgs = new LinkedHashMap<>();
  private final Map<UUID, DaemonRow> daemons = new LinkedHashMap<>();
  private final Map<UUID, JobRow> jobs = new LinkedHashMap<>();
  private final JobLogs logs = new JobLogs();
  private final List<LicenseRow> licenses = new ArrayList<>();
  private final UUID defaultOrgId;
  private int nextLicenseId = 1;
  private long sequence;
  private @Nullable Instant entitlementsRefreshedAt;
  private Instant entitlementsComputedAt;

  /**
   * Creates a deployment with its owner, {@code admin}, and its default organization, {@code
   * coder}, which the owner belongs to.
   */
  public Store(Clock clock, UUID adminUserId) {
    this.clock = clock;
    this.adminUserId = adminUserId;
    Instant now = now();
    UserRow owner =
        new UserRow(
            adminUserId, "admin", "admin@coder.example", "Admin", "", LoginType.PASSWORD, now);
    owner.siteRoles = List.of("owner");
    owner.lastSeenAt = now;
    users.put(owner.id, owner);
    OrgRow root =
        new OrgRow(UUID.randomUUID(), "coder", "Coder", "Builtin default organization.", "", now);
    root.isDefault = true;
    root.members.put(adminUserId, new MemberRow(now));
    orgs.put(root.id, root);
    this.defaultOrgId = root.id;
    this.entitlementsComputedAt = now;
  }

  /** Returns the current time of the fake, in microseconds. */
  public Instant now() {
    return GoText.microseconds(clock.instant());
  }

  /** Returns the ID of the owner whose token the fake accepts. */
  public UUID adminUserId() {
    return adminUserId;
  }

  // ---------------------------------------------------------------------------------------------
  // Organizations

  /** A stored organization. */
  static final class OrgRow {
    final UUID id;
    String name;
    String displayName;
    String description;
    String icon;
    final Instant createdAt;
    Instant updatedAt;
    boolean isDefault;
    boolean deleted;
    List<String> defaultMemberRoles = DEFAULT_MEMBER_ROLES;
    final Map<UUID, MemberRow> members = new LinkedHashMap<>();

    OrgRow(UUID id, String name, String displayName, String description, String icon, Instant at) {
      this.id = id;
      this.name = name;
      this.displayName = displayName;
      this.description = description;
      this.icon = icon;
      this.createdAt = at;
      this.updatedAt = at;
    }

    Organization toModel() {
      return new Organization(
          id,
          name,
          displayName,
          description,
          icon,
          createdAt,
          updatedAt,
          isDefault,
          defaultMemberRoles);
    }
  }

  /** Thrown when a name is taken by another organization, ignoring case. */
  public static final class NameTakenException extends Exception {
    private static final long serialVersionUID = 1L;

    NameTakenException(String name) {
      super("organization name " + GoText.quote(name) + " is taken");
    }
  }

  /** Returns the default organization. */
  public synchronized Organization defaultOrganization() {
    return orgRow(defaultOrgId).toModel();
  }

  /** Returns the organizations that are not deleted, in the order they were created. */
  public synchronized List<Organization> organizations() {
    List<Organization> result = new ArrayList<>();
    for (OrgRow row : orgs.values()) {
      if (!row.deleted) {
        result.add(row.toModel());
      }
    }
    return result;
  }

  /**
   * Finds an organization as Coder's path parameter does: {@code default} or the nil UUID for the
   * default organization, a UUID by ID, anything else by name ignoring case. Deleted ones are not
   * found.
   */
  public synchronized Optional<Organization> findOrganization(String reference) {
    OrgRow row = resolve(reference);
    return row == null ? Optional.empty() : Optional.of(row.toModel());
  }

  /**
   * Inserts an organization. The caller has checked the name's format; this checks uniqueness. The
   * owner, who creates it, becomes its only member, with no organization roles.
   */
  public synchronized Organization insertOrganization(
      String name, String displayName, String description, String icon) throws NameTakenException {
    if (byName(name) != null) {
      throw new NameTakenException(name);
    }
    OrgRow row =
        new OrgRow(
            UUID.randomUUID(),
            name,
            displayName.isEmpty() ? name : displayName,
            description,
            icon,
            now());
    row.members.put(adminUserId, new MemberRow(row.createdAt));
    orgs.put(row.id, row);
    return row.toModel();
  }

  /**
   * Changes the fields that are not null. An empty name or display name means unchanged.
   *
   * @return the organization after the change, or empty if it no longer exists
   */
  public synchronized Optional<Organization> updateOrganization(
      UUID id,
      @Nullable String name,
      @Nullable String displayName,
      @Nullable String description,
      @Nullable String icon)
      throws NameTakenException {
    OrgRow row = orgs.get(id);
    if (row == null || row.deleted) {
      return Optional.empty();
    }
    if (name != null && !name.isEmpty()) {
      OrgRow holder = byName(name);
      if (holder != null && holder != row) {
        throw new NameTakenException(name);
      }
      row.name = name;
    }
    if (displayName != null && !displayName.isEmpty()) {
      row.displayName = displayName;
    }
    if (description != null) {
      row.description = description;
    }
    if (icon != null) {
      row.icon = icon;
    }
    row.updatedAt = now();
    return Optional.of(row.toModel());
  }

  /**
   * Deletes an organization unless something still lives in it.
   *
   * @return null when deleted, otherwise the list of what remains, such as {@code 2 workspaces}
   */
  public synchronized @Nullable String deleteOrganization(UUID id) {
    OrgRow row = orgs.get(id);
    if (row == null || row.deleted) {
      return null;
    }
    Set<UUID> templates = new LinkedHashSet<>();
    Set<UUID> workspaces = new LinkedHashSet<>();
    for (JobRow job : jobs.values()) {
      if (job.organizationId.equals(id)) {
        if (job.metadata.workspaceId() != null) {
          workspaces.add(job.metadata.workspaceId());
        }
        if (!job.metadata.templateId().equals(new UUID(0, 0))) {
          templates.add(job.metadata.templateId());
        }
      }
    }
    List<String> remaining = new ArrayList<>();
    count(remaining, "workspace", workspaces.size());
    count(remaining, "template", templates.size());
    count(remaining, "member", row.members.size() - 1);
    if (!remaining.isEmpty()) {
      return String.join(", ", remaining);
    }
    row.deleted = true;
    row.updatedAt = now();
    return null;
  }

  private static void count(List<String> parts, String what, int count) {
    if (count == 1) {
      parts.add("1 " + what);
    } else if (count > 1) {
      parts.add(count + " " + what + "s");
    }
  }

  /** Returns the ID of the organization {@code reference} names, or null. */
  synchronized @Nullable UUID resolveId(String reference) {
    OrgRow row = resolve(reference);
    return row == null ? null : row.id;
  }

  private @Nullable OrgRow resolve(String reference) {
    if (reference.equals("default") || reference.equals("00000000-0000-0000-0000-000000000000")) {
      return orgs.get(defaultOrgId);
    }
    if (GoUuid.isValid(reference)) {
      UUID id = GoUuid.parse(reference);
      if (id.equals(new UUID(0, 0))) {
        return orgs.get(defaultOrgId);
      }
      OrgRow row = orgs.get(id);
      return row == null || row.deleted ? null : row;
    }
    return byName(reference);
  }

  /** Returns the row of an organization that callers have already looked up by reference. */
  private OrgRow orgRow(UUID id) {
    OrgRow row = orgs.get(id);
    if (row == null) {
      throw new IllegalArgumentException("no organization has ID " + id);
    }
    return row;
  }

  /** Returns the row of a user known to exist, such as an organization member. */
  private UserRow userRow(UUID id) {
    UserRow row = users.get(id);
    if (row == null) {
      throw new IllegalArgumentException("no user has ID " + id);
    }
    return row;
  }

  private @Nullable OrgRow byName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (OrgRow row : orgs.values()) {
      if (!row.deleted && row.name.toLowerCase(Locale.ROOT).equals(lower)) {
        return row;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Users and organization members

  /** A stored user. */
  static final class UserRow {
    final UUID id;
    final String username;
    final String email;
    final String name;
    final String avatarUrl;
    final LoginType loginType;
    final Instant createdAt;
    Instant updatedAt;
    Instant lastSeenAt = NEVER;
    UserStatus status = UserStatus.ACTIVE;
    List<String> siteRoles = List.of();

    UserRow(
        UUID id,
        String username,
        String email,
        String name,
        String avatarUrl,
        LoginType loginType,
        Instant at) {
      this.id = id;
      this.username = username;
      this.email = email;
      this.name = name;
      this.avatarUrl = avatarUrl;
      this.loginType = loginType;
      this.createdAt = at;
      this.updatedAt = at;
    }
  }

  /** A user's membership of one organization. */
  static final class MemberRow {
    final Instant createdAt;
    Instant updatedAt;
    List<String> roles = List.of();

    MemberRow(Instant at) {
      this.createdAt = at;
      this.updatedAt = at;
    }
  }

  /** Thrown when a user is already a member of the organization. */
  public static final class MemberExistsException extends Exception {
    private static final long serialVersionUID = 1L;

    MemberExistsException() {
      super("organization member already exists");
    }
  }

  /** Thrown for an organization role the deployment does not have; the message is Coder's. */
  public static final class UnknownRoleException extends Exception {
    private static final long serialVersionUID = 1L;

    UnknownRoleException(String role, UUID organization) {
      super(GoText.quote(role + ":" + organization) + " is not a supported role");
    }

    /** Returns the message, which the constructor always sets. */
    @Override
    public String getMessage() {
      return Objects.requireNonNull(super.getMessage());
    }
  }

  /**
   * Creates a user. Usernames and email addresses are unique ignoring case.
   *
   * @param organizations the organizations (ID, name or {@code default}) it joins, without roles
   * @throws IllegalArgumentException if the username or email is taken or an organization is
   *     unknown
   */
  public synchronized User createUser(
      String username,
      String email,
      String name,
      String avatarUrl,
      LoginType loginType,
      UserStatus status,
      List<String> siteRoles,
      @Nullable Instant lastSeenAt,
      List<String> organizations) {
    for (UserRow user : users.values()) {
      if (user.username.equalsIgnoreCase(username)) {
        throw new IllegalArgumentException(
            "a user named " + GoText.quote(user.username) + " exists (user names ignore case)");
      }
      if (user.email.equalsIgnoreCase(email)) {
        throw new IllegalArgumentException("the email " + GoText.quote(email) + " is taken");
      }
    }
    List<OrgRow> joined = new ArrayList<>();
    for (String organization : organizations) {
      joined.add(requireOrg(organization));
    }

    Instant now = now();
    UserRow row = new UserRow(UUID.randomUUID(), username, email, name, avatarUrl, loginType, now);
    row.status = status;
    row.siteRoles = List.copyOf(siteRoles);
    if (lastSeenAt != null) {
      row.lastSeenAt = GoText.microseconds(lastSeenAt);
    }
    users.put(row.id, row);
    for (OrgRow org : joined) {
      org.members.putIfAbsent(row.id, new MemberRow(now));
    }
    return user(row);
  }

  /** Returns the users, in the order they were created, the owner first. */
  public synchronized List<User> users() {
    List<User> result = new ArrayList<>();
    users.values().forEach(row -> result.add(user(row)));
    return result;
  }

  /**
   * Finds a user as Coder's {@code {user}} path parameter does: {@code me} for the owner whose
   * token the fake accepts, a UUID by ID, anything else by user name ignoring case.
   */
  public synchronized Optional<User> findUser(String reference) {
    UserRow row = resolveUser(reference);
    return row == null ? Optional.empty() : Optional.of(user(row));
  }

  /**
   * Changes a user's status.
   *
   * @throws IllegalArgumentException if there is no such user
   */
  public synchronized User setUserStatus(String reference, UserStatus status) {
    UserRow row = requireUser(reference);
    row.status = status;
    row.updatedAt = now();
    return user(row);
  }

  /** Returns the number of active users, which the {@code user_limit} license feature counts. */
  public synchronized long activeUsers() {
    return users.values().stream().filter(row -> row.status.equals(UserStatus.ACTIVE)).count();
  }

  private @Nullable UserRow resolveUser(String reference) {
    if (reference.equals("me")) {
      return users.get(adminUserId);
    }
    if (GoUuid.isValid(reference)) {
      return users.get(GoUuid.parse(reference));
    }
    for (UserRow row : users.values()) {
      if (row.username.equalsIgnoreCase(reference)) {
        return row;
      }
    }
    return null;
  }

  private UserRow requireUser(String reference) {
    UserRow row = resolveUser(reference);
    if (row == null) {
      throw new IllegalArgumentException("no user " + GoText.quote(reference));
    }
    return row;
  }

  private User user(UserRow row) {
    List<UUID> memberships = new ArrayList<>();
    for (OrgRow org : orgs.values()) {
      if (!org.deleted && org.members.containsKey(row.id)) {
        memberships.add(org.id);
      }
    }
    return new User(
        row.id,
        row.username,
        row.avatarUrl,
        row.name,
        row.email,
        row.createdAt,
        row.updatedAt,
        row.lastSeenAt,
        row.status,
        row.loginType,
        "",
        false,
        false,
        memberships,
        Roles.site(row.siteRoles));
  }

  /**
   * Adds a user to an organization with no organization roles.
   *
   * @throws MemberExistsException if the user is a member already
   */
  public synchronized OrganizationMember addMember(UUID organization, UUID user)
      throws MemberExistsException {
    OrgRow org = orgRow(organization);
    if (org.members.containsKey(user)) {
      throw new MemberExistsException();
    }
    MemberRow member = new MemberRow(now());
    org.members.put(user, member);
    return membership(org, user, member);
  }

  /** Removes a user from an organization; false if the user was not a member. */
  public synchronized boolean removeMember(UUID organization, UUID user) {
    return orgRow(organization).members.remove(user) != null;
  }

  /**
   * Replaces a member's organization roles, without duplicates and in name order as Coder's query
   * stores them.
   *
   * @throws UnknownRoleException if a role is not one of Coder's organization roles
   * @throws IllegalArgumentException if the user is not a member
   */
  public synchronized OrganizationMember updateMemberRoles(
      UUID organization, UUID user, List<String> roles) throws UnknownRoleException {
    OrgRow org = orgRow(organization);
    MemberRow member = org.members.get(user);
    if (member == null) {
      throw new IllegalArgumentException("user " + user + " is not a member of " + org.name);
    }
    for (String role : roles) {
      if (!Roles.ORGANIZATION.containsKey(role)) {
        throw new UnknownRoleException(role, organization);
      }
    }
    member.roles = List.copyOf(new java.util.TreeSet<>(roles));
    member.updatedAt = now();
    return membership(org, user, member);
  }

  /** Returns a member with the user's profile, or empty if the user is not a member. */
  public synchronized Optional<OrganizationMemberWithUserData> member(
      UUID organization, UUID user) {
    OrgRow org = orgRow(organization);
    MemberRow member = org.members.get(user);
    return member == null ? Optional.empty() : Optional.of(memberData(org, user, member));
  }

  /** Returns an organization's members in the order they joined, as the old listing does. */
  public synchronized List<OrganizationMemberWithUserData> members(UUID organization) {
    OrgRow org = orgRow(organization);
    List<OrganizationMemberWithUserData> result = new ArrayList<>();
    org.members.forEach((user, member) -> result.add(memberData(org, user, member)));
    return result;
  }

  /** One page of members and the number of members that matched before paging. */
  public record MemberPage(List<OrganizationMemberWithUserData> members, long matched) {}

  /**
   * Lists members as the paginated query does: ordered by user name ignoring case; after the member
   * {@code afterId} names when set; then {@code offset} skipped and at most {@code limit} returned
   * (0 for all).
   */
  public synchronized MemberPage memberPage(
      UUID organization, @Nullable UUID afterId, int offset, int limit) {
    OrgRow org = orgRow(organization);
    List<OrganizationMemberWithUserData> all = new ArrayList<>();
    org.members.forEach((user, member) -> all.add(memberData(org, user, member)));
    all.sort(Comparator.comparing(member -> member.username().toLowerCase(Locale.ROOT)));
    if (afterId != null) {
      UserRow cursor = users.get(afterId);
      String after = cursor == null ? null : cursor.username.toLowerCase(Locale.ROOT);
      all.removeIf(
          member ->
              after == null || member.username().toLowerCase(Locale.ROOT).compareTo(after) <= 0);
    }
    int from = Math.min(offset, all.size());
    int to = limit == 0 ? all.size() : (int) Math.min((long) from + limit, all.size());
    return new MemberPage(List.copyOf(all.subList(from, to)), all.size());
  }

  private OrganizationMember membership(OrgRow org, UUID user, MemberRow member) {
    return new OrganizationMember(
        user, org.id, member.createdAt, member.updatedAt, Roles.organization(member.roles, org.id));
  }

  private OrganizationMemberWithUserData memberData(OrgRow org, UUID user, MemberRow member) {
    UserRow row = userRow(user);
    return new OrganizationMemberWithUserData(
        user,
        org.id,
        member.createdAt,
        member.updatedAt,
        Roles.organization(member.roles, org.id),
        row.username,
        row.name,
        row.avatarUrl,
        row.email,
        row.status,
        row.loginType,
        row.lastSeenAt,
        row.createdAt,
        row.updatedAt,
        false,
        Roles.site(row.siteRoles),
        false);
  }

  // ---------------------------------------------------------------------------------------------
  // Provisioner daemons

  /** A registered provisioner daemon. */
  static final class DaemonRow {
    final UUID id;
    final UUID organizationId;
    final String name;
    final Map<String, String> tags;
    final List<String> provisioners;
    final Instant createdAt;
    final long order;

    /** While true the daemon reports in continuously: it was last seen now. */
    boolean heartbeat = true;

    @Nullable Instant lastSeenAt;

    DaemonRow(
        UUID id,
        UUID organizationId,
        String name,
        Map<String, String> tags,
        List<String> provisioners,
        Instant createdAt,
        long order) {
      this.id = id;
      this.organizationId = organizationId;
      this.name = name;
      this.tags = tags;
      this.provisioners = provisioners;
      this.createdAt = createdAt;
      this.order = order;
      this.lastSeenAt = createdAt;
    }
  }

  /**
   * Registers a daemon in an organization, authenticated with the pre-shared key and reporting in
   * from now on. Tags get Coder's defaults: without {@code scope} they become {@code
   * scope=organization, owner=""}.
   *
   * @throws IllegalArgumentException if the organization does not exist or the name is in use there
   */
  public synchronized ProvisionerDaemon registerDaemon(
      String organization, String name, Map<String, String> tags, List<String> provisioners) {
    OrgRow org = requireOrg(organization);
    for (DaemonRow daemon : daemons.values()) {
      if (daemon.organizationId.equals(org.id) && daemon.name.equals(name)) {
        throw new IllegalArgumentException(
            "a daemon named " + GoText.quote(name) + " is already registered in " + org.name);
      }
    }
    DaemonRow row =
        new DaemonRow(
            UUID.randomUUID(),
            org.id,
            name,
            Collections.unmodifiableMap(withDefaultTags(tags, null)),
            List.copyOf(provisioners),
            now(),
            sequence++);
    daemons.put(row.id, row);
    return daemon(row, now());
  }

  /** Returns the daemons, in the order they registered. */
  public synchronized List<ProvisionerDaemon> daemons() {
    Instant now = now();
    List<ProvisionerDaemon> result = new ArrayList<>();
    daemons.values().forEach(row -> result.add(daemon(row, now)));
    return result;
  }

  /**
   * Returns a daemon as the daemons listing shows it.
   *
   * @throws IllegalArgumentException if no daemon has the ID
   */
  public synchronized ProvisionerDaemon daemon(UUID id) {
    return daemon(requireDaemon(id), now());
  }

  /**
   * Finds a daemon by name.
   *
   * @throws IllegalArgumentException if none or several have the name
   */
  public synchronized UUID daemonNamed(String name) {
    DaemonRow found = null;
    for (DaemonRow daemon : daemons.values()) {
      if (daemon.name.equals(name)) {
        if (found != null) {
          throw new IllegalArgumentException(
              "several daemons are named " + GoText.quote(name) + "; pass the daemon's ID");
        }
        found = daemon;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException("no daemon is named " + GoText.quote(name));
    }
    return found.id;
  }

  /**
   * Stops or resumes a daemon's reports. A daemon that reports is seen now; one that stopped keeps
   * {@code lastSeenAt} and is offline once that is more than {@link #STALE_INTERVAL} ago, or when
   * it is null (never seen).
   */
  public synchronized ProvisionerDaemon setDaemonSeen(
      UUID id, boolean heartbeat, @Nullable Instant lastSeenAt) {
    DaemonRow row = requireDaemon(id);
    row.heartbeat = heartbeat;
    row.lastSeenAt = lastSeenAt == null ? null : GoText.microseconds(lastSeenAt);
    return daemon(row, now());
  }

  /**
   * Lists an organization's daemons as the daemons endpoint does, newest first.
   *
   * @param ids only these daemons; empty for all
   * @param statuses any of these statuses; empty for all
   * @param tags the daemons' tags must contain these (Coder's matching); empty for all
   * @param offline whether offline daemons are listed without asking for that status
   * @param maxAge leave out daemons last seen longer ago; null for no limit
   * @param limit at most this many; 0 for all
   */
  public synchronized List<ProvisionerDaemon> listDaemons(
      UUID organizationId,
      List<UUID> ids,
      List<String> statuses,
      Map<String, String> tags,
      boolean offline,
      @Nullable Duration maxAge,
      int limit)
      throws UnknownStatusException {
    for (String status : statuses) {
      if (!DAEMON_STATUSES.contains(status)) {
        throw new UnknownStatusException("provisioner_daemon_status", status);
      }
    }
    Instant now = now();
    boolean withOffline = offline || statuses.contains("offline");
    List<DaemonRow> rows = new ArrayList<>();
    for (DaemonRow row : daemons.values()) {
      Instant seen = seen(row, now);
      String status = status(row, now).value();
      if (row.organizationId.equals(organizationId)
          && (ids.isEmpty() || ids.contains(row.id))
          && (tags.isEmpty() || tagsetContains(row.tags, tags))
          && (maxAge == null || seen == null || !seen.isBefore(now.minus(maxAge)))
          && (withOffline || !status.equals("offline"))
          && (statuses.isEmpty() || statuses.contains(status))) {
        rows.add(row);
      }
    }
    rows.sort(
        Comparator.comparing((DaemonRow row) -> row.createdAt)
            .thenComparingLong(row -> row.order)
            .reversed());
    if (limit > 0 && rows.size() > limit) {
      rows = rows.subList(0, limit);
    }
    List<ProvisionerDaemon> result = new ArrayList<>();
    rows.forEach(row -> result.add(daemon(row, now)));
    return result;
  }

  private static @Nullable Instant seen(DaemonRow row, Instant now) {
    return row.heartbeat ? now : row.lastSeenAt;
  }

  /** Offline when not seen within the stale interval; otherwise busy while it runs a job. */
  private ProvisionerDaemonStatus status(DaemonRow row, Instant now) {
    Instant seen = seen(row, now);
    if (seen == null || seen.isBefore(now.minus(STALE_INTERVAL))) {
      return ProvisionerDaemonStatus.OFFLINE;
    }
    return currentJob(row) != null ? ProvisionerDaemonStatus.BUSY : ProvisionerDaemonStatus.IDLE;
  }

  private @Nullable JobRow currentJob(DaemonRow daemon) {
    for (JobRow job : jobs.values()) {
      if (daemon.id.equals(job.workerId) && job.completedAt == null) {
        return job;
      }
    }
    return null;
  }

  private @Nullable JobRow previousJob(DaemonRow daemon) {
    JobRow latest = null;
    for (JobRow job : jobs.values()) {
      if (daemon.id.equals(job.workerId)
          && job.completedAt != null
          && (latest == null || !job.completedAt.isBefore(latest.completedAt))) {
        latest = job;
      }
    }
    return latest;
  }

  private ProvisionerDaemon daemon(DaemonRow row, Instant now) {
    JobRow current = currentJob(row);
    JobRow previous = previousJob(row);
    return new ProvisionerDaemon(
        row.id,
        row.organizationId,
        PSK_KEY_ID,
        row.createdAt,
        seen(row, now),
        row.name,
        VERSION,
        PROVISIONER_API_VERSION,
        row.provisioners,
        new TreeMap<>(row.tags),
        "psk",
        status(row, now),
        current == null ? null : daemonJob(current),
        previous == null ? null : daemonJob(previous));
  }

  private static ProvisionerDaemonJob daemonJob(JobRow job) {
    return new ProvisionerDaemonJob(
        job.id,
        job.status(),
        job.metadata.templateName(),
        job.metadata.templateIcon(),
        job.metadata.templateDisplayName());
  }

  private DaemonRow requireDaemon(UUID id) {
    DaemonRow daemon = daemons.get(id);
    if (daemon == null) {
      throw new IllegalArgumentException("no daemon has ID " + id);
    }
    return daemon;
  }

  /** Applies Coder's default tags: scope {@code organization} and the owner that goes with it. */
  static Map<String, String> withDefaultTags(Map<String, String> tags, @Nullable UUID user) {
    Map<String, String> result = new LinkedHashMap<>(tags);
    String scope = result.get("scope");
    if (scope == null || scope.isEmpty()) {
      result.put("scope", "organization");
      result.put("owner", "");
    } else if (scope.equals("organization")) {
      result.put("owner", "");
    } else if (scope.equals("user") && user != null) {
      result.put("owner", user.toString());
    }
    return result;
  }

  /**
   * Coder's tag matching: untagged sets match only exactly; otherwise every pair of {@code subset}
   * must be in {@code superset}.
   */
  static boolean tagsetContains(Map<String, String> superset, Map<String, String> subset) {
    if (subset.equals(UNTAGGED)) {
      return superset.equals(UNTAGGED);
    }
    return superset.entrySet().containsAll(subset.entrySet());
  }

  // ---------------------------------------------------------------------------------------------
  // Provisioner jobs

  /** A stored job; its status is derived, never stored. */
  static final class JobRow {
    final UUID id;
    final Instant createdAt;
    final long order;
    final UUID organizationId;
    final UUID initiatorId;
    final String provisioner;
    final UUID fileId;
    final ProvisionerJobType type;
    final ProvisionerJobInput input;
    final Map<String, String> tags;
    final ProvisionerJobMetadata metadata;
    @Nullable Instant startedAt;
    @Nullable Instant completedAt;
    @Nullable Instant canceledAt;
    @Nullable String error;
    @Nullable JobErrorCode errorCode;
    @Nullable UUID workerId;

    JobRow(
        UUID id,
        Instant createdAt,
        long order,
        UUID organizationId,
        UUID initiatorId,
        String provisioner,
        UUID fileId,
        ProvisionerJobType type,
        ProvisionerJobInput input,
        Map<String, String> tags,
        ProvisionerJobMetadata metadata) {
      this.id = id;
      this.createdAt = createdAt;
      this.order = order;
      this.organizationId = organizationId;
      this.initiatorId = initiatorId;
      this.provisioner = provisioner;
      this.fileId = fileId;
      this.type = type;
      this.input = input;
      this.tags = tags;
      this.metadata = metadata;
    }

    /** Coder's generated status column, in its order of checks. */
    ProvisionerJobStatus status() {
      boolean failed = error != null && !error.isEmpty();
      if (completedAt != null) {
        if (failed) {
          return ProvisionerJobStatus.FAILED;
        }
        return canceledAt != null ? ProvisionerJobStatus.CANCELED : ProvisionerJobStatus.SUCCEEDED;
      }
      if (failed) {
        return ProvisionerJobStatus.FAILED;
      }
      if (canceledAt != null) {
        return ProvisionerJobStatus.CANCELING;
      }
      return startedAt == null ? ProvisionerJobStatus.PENDING : ProvisionerJobStatus.RUNNING;
    }

    /** In the queue: not started, not canceled, not completed, no error. */
    boolean queued() {
      return startedAt == null && canceledAt == null && completedAt == null && error == null;
    }

    /** Queue order: the prebuilds user last, then oldest first. */
    static final Comparator<JobRow> QUEUE_ORDER =
        Comparator.comparing((JobRow job) -> job.initiatorId.equals(PREBUILDS_USER_ID))
            .thenComparing(job -> job.createdAt)
            .thenComparingLong(job -> job.order);
  }

  /** Thrown when a job cannot make the requested move from its current state. */
  public static final class JobStateException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    JobStateException(String message) {
      super(message);
    }
  }

  /** Thrown when a status filter names a value the database enum does not have. */
  public static final class UnknownStatusException extends Exception {
    private static final long serialVersionUID = 1L;

    UnknownStatusException(String enumName, String status) {
      super("pq: invalid input value for enum " + enumName + ": " + GoText.quote(status));
    }

    /** Returns the message, which the constructor always sets. */
    @Override
    public String getMessage() {
      return Objects.requireNonNull(super.getMessage());
    }
  }

  /**
   * Queues a job. Tags get Coder's defaults (see {@link #registerDaemon}).
   *
   * @throws IllegalArgumentException if the organization does not exist, or the job's template
   *     version (import) or workspace build already has a job: each owns exactly one in Coder
   */
  public synchronized ProvisionerJob insertJob(
      String organization,
      ProvisionerJobType type,
      Map<String, String> tags,
      UUID initiator,
      String provisioner,
      UUID fileId,
      ProvisionerJobInput input,
      ProvisionerJobMetadata metadata) {
    OrgRow org = requireOrg(organization);
    for (JobRow other : jobs.values()) {
      if (type.equals(ProvisionerJobType.TEMPLATE_VERSION_IMPORT)
          && other.type.equals(type)
          && java.util.Objects.equals(other.input.templateVersionId(), input.templateVersionId())) {
        throw new IllegalArgumentException(
            "template version "
                + input.templateVersionId()
                + " already has import job "
                + other.id);
      }
      if (input.workspaceBuildId() != null
          && input.workspaceBuildId().equals(other.input.workspaceBuildId())) {
        throw new IllegalArgumentException(
            "workspace build " + input.workspaceBuildId() + " already has job " + other.id);
      }
    }
    JobRow row =
        new JobRow(
            UUID.randomUUID(),
            now(),
            sequence++,
            org.id,
            initiator,
            provisioner,
            fileId,
            type,
            input,
            Collections.unmodifiableMap(withDefaultTags(tags, initiator)),
            metadata);
    jobs.put(row.id, row);
    return view(row);
  }

  /**
   * Gives the daemon the next job it can run: pending, in its organization, of a provisioner type
   * it runs, with tags it matches; queue order decides among several.
   */
  public synchronized Optional<ProvisionerJob> acquire(UUID daemonId) {
    DaemonRow daemon = daemons.get(daemonId);
    if (daemon == null) {
      throw new IllegalArgumentException("no daemon has ID " + daemonId);
    }
    JobRow next =
        jobs.values().stream()
            .filter(JobRow::queued)
            .filter(job -> job.organizationId.equals(daemon.organizationId))
            .filter(job -> daemon.provisioners.contains(job.provisioner))
            .filter(job -> tagsetContains(daemon.tags, job.tags))
            .min(JobRow.QUEUE_ORDER)
            .orElse(null);
    if (next == null) {
      return Optional.empty();
    }
    next.startedAt = now();
    next.workerId = daemon.id;
    return Optional.of(view(next));
  }

  /**
   * Finishes a started job without error: running becomes succeeded, canceling becomes canceled.
   */
  public synchronized ProvisionerJob complete(UUID id) {
    JobRow job = requireJob(id);
    if (job.startedAt == null && job.completedAt == null) {
      throw new JobStateException(
          "job " + id + " is " + job.status() + "; a daemon must acquire it before it completes");
    }
    requireActive(job);
    job.completedAt = now();
    logs.end(id);
    return view(job);
  }

  /** Finishes a pending, running or canceling job with an error. */
  public synchronized ProvisionerJob fail(UUID id, String error, @Nullable JobErrorCode code) {
    if (error.isEmpty()) {
      throw new IllegalArgumentException("error is empty; a failed job carries a message");
    }
    JobRow job = requireJob(id);
    requireActive(job);
    job.error = error;
    job.errorCode = code;
    job.completedAt = now();
    logs.end(id);
    return view(job);
  }

  /**
   * Cancels a job as Coder's cancel endpoints do: a pending job becomes canceled at once; a running
   * one becomes canceling until it is completed or failed.
   */
  public synchronized ProvisionerJob cancel(UUID id) {
    JobRow job = requireJob(id);
    if (job.completedAt != null) {
      throw new JobStateException("Job has already completed!");
    }
    if (job.canceledAt != null) {
      throw new JobStateException("Job has already been marked as canceled!");
    }
    markCanceled(job);
    return view(job);
  }

  /** What a cancel request did to a job. */
  public enum CancelOutcome {
    /** The job was canceled (pending) or is canceling (running). */
    CANCELED,
    /** The job had already completed; nothing changed. */
    ALREADY_COMPLETED,
    /** The job was already canceling; nothing changed. */
    ALREADY_CANCELED,
    /** The job was not in the status the caller expected; nothing changed. */
    UNEXPECTED_STATUS
  }

  /**
   * Cancels a job for a cancel endpoint, checking in Coder's order: completed, already canceled,
   * then the status the caller expects (null for any).
   */
  public synchronized CancelOutcome cancel(UUID id, @Nullable ProvisionerJobStatus expected) {
    JobRow job = requireJob(id);
    if (job.completedAt != null) {
      return CancelOutcome.ALREADY_COMPLETED;
    }
    if (job.canceledAt != null) {
      return CancelOutcome.ALREADY_CANCELED;
    }
    if (expected != null && !job.status().equals(expected)) {
      return CancelOutcome.UNEXPECTED_STATUS;
    }
    markCanceled(job);
    return CancelOutcome.CANCELED;
  }

  private void markCanceled(JobRow job) {
    Instant now = now();
    job.canceledAt = now;
    if (job.workerId == null) {
      job.completedAt = now;
      logs.end(job.id);
    }
  }

  /** Removes a job, as if its template or workspace had been deleted. */
  public synchronized boolean deleteJob(UUID id) {
    logs.remove(id);
    return jobs.remove(id) != null;
  }

  /** Returns a job, or empty if none has the ID. */
  public synchronized Optional<ProvisionerJob> findJob(UUID id) {
    JobRow row = jobs.get(id);
    return row == null ? Optional.empty() : Optional.of(view(row));
  }

  /** Returns true if a job names the template version, so the version counts as existing. */
  public synchronized boolean templateVersionExists(UUID templateVersion) {
    return jobs.values().stream()
        .anyMatch(job -> templateVersion.equals(job.input.templateVersionId()));
  }

  /** Returns the import job of a template version, or empty. */
  public synchronized Optional<ProvisionerJob> importJob(UUID templateVersion) {
    return ownedJob(ProvisionerJobType.TEMPLATE_VERSION_IMPORT, templateVersion);
  }

  /** Returns the job of a workspace build, or empty when no job names the build. */
  public synchronized Optional<ProvisionerJob> buildJob(UUID workspaceBuild) {
    return ownedJob(ProvisionerJobType.WORKSPACE_BUILD, workspaceBuild);
  }

  private Optional<ProvisionerJob> ownedJob(ProvisionerJobType type, UUID owner) {
    for (JobRow job : jobs.values()) {
      UUID id =
          type.equals(ProvisionerJobType.WORKSPACE_BUILD)
              ? job.input.workspaceBuildId()
              : job.input.templateVersionId();
      if (job.type.equals(type) && owner.equals(id)) {
        return Optional.of(view(job));
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------------------------------------
  // Provisioner job logs

  /**
   * Writes a log line for a job its daemon is running, with the next deployment-wide ID, and sends
   * it to the streams that follow the job.
   *
   * @throws IllegalStateException if the job has not started or has completed: only a running job's
   *     daemon writes logs
   */
  public synchronized ProvisionerJobLog appendLog(
      UUID id, LogSource source, LogLevel level, String stage, String output) {
    JobRow job = requireJob(id);
    if (job.startedAt == null || job.completedAt != null) {
      throw new JobStateException(
          "job "
              + id
              + " is "
              + job.status()
              + "; only a started job that has not completed "
              + "writes logs");
    }
    return logs.append(id, now(), source, level, stage, output);
  }

  /** Returns a job's log lines with an ID above {@code after}, oldest first. */
  public synchronized List<ProvisionerJobLog> logs(UUID id, long after) {
    requireJob(id);
    return logs.after(id, after);
  }

  /**
   * Follows a job's log: sends the stored lines above {@code after}, then each new line, and ends
   * the stream when the job completes (at once if it already has).
   */
  public synchronized void follow(UUID id, long after, JobLogs.Follower follower) {
    JobRow job = jobs.get(id);
    if (job == null) {
      follower.end();
      return;
    }
    logs.follow(id, after, job.completedAt != null, follower);
  }

  /** Stops sending a job's lines to a stream whose client went away. */
  public synchronized void unfollow(UUID id, JobLogs.Follower follower) {
    logs.unfollow(id, follower);
  }

  /** Returns a job as the organization endpoint shows it. */
  public synchronized ProvisionerJob job(UUID id) {
    return view(requireJob(id));
  }

  /** Returns every job of the deployment, newest first. */
  public synchronized List<ProvisionerJob> jobs() {
    List<JobRow> rows = new ArrayList<>(jobs.values());
    rows.sort(NEWEST_FIRST);
    return views(rows);
  }

  private static final Comparator<JobRow> NEWEST_FIRST =
      Comparator.comparing((JobRow job) -> job.createdAt)
          .thenComparingLong(job -> job.order)
          .reversed();

  /**
   * Lists an organization's jobs as the org endpoint's query does.
   *
   * @param ids only these jobs; empty for all
   * @param statuses any of these statuses; empty for all
   * @param tags the jobs' tags must contain these (Coder's matching); empty for all
   * @param initiator only jobs of this user; null for all
   * @param limit at most this many; 0 for all
   */
  public synchronized List<ProvisionerJob> listJobs(
      UUID organizationId,
      List<UUID> ids,
      List<String> statuses,
      Map<String, String> tags,
      @Nullable UUID initiator,
      int limit)
      throws UnknownStatusException {
    for (String status : statuses) {
      if (!JOB_STATUSES.contains(status)) {
        throw new UnknownStatusException("provisioner_job_status", status);
      }
    }
    List<JobRow> rows = new ArrayList<>();
    for (JobRow job : jobs.values()) {
      if (job.organizationId.equals(organizationId)
          && (ids.isEmpty() || ids.contains(job.id))
          && (statuses.isEmpty() || statuses.contains(job.status().value()))
          && (tags.isEmpty() || tagsetContains(job.tags, tags))
          && (initiator == null || job.initiatorId.equals(initiator))) {
        rows.add(job);
      }
    }
    rows.sort(NEWEST_FIRST);
    if (limit > 0 && rows.size() > limit) {
      rows = rows.subList(0, limit);
    }
    return views(rows);
  }

  private ProvisionerJob view(JobRow row) {
    return views(List.of(row)).get(0);
  }

  private List<ProvisionerJob> views(List<JobRow> rows) {
    List<JobRow> queue = new ArrayList<>();
    for (JobRow job : jobs.values()) {
      if (job.queued()) {
        queue.add(job);
      }
    }
    queue.sort(JobRow.QUEUE_ORDER);
    Map<UUID, Integer> positions = new HashMap<>();
    for (int i = 0; i < queue.size(); i++) {
      positions.put(queue.get(i).id, i + 1);
    }

    List<ProvisionerJob> result = new ArrayList<>(rows.size());
    for (JobRow row : rows) {
      DaemonRow worker = row.workerId == null ? null : daemons.get(row.workerId);
      result.add(
          new ProvisionerJob(
              row.id,
              row.createdAt,
              row.startedAt,
              row.completedAt,
              row.canceledAt,
              row.error,
              row.errorCode,
              row.status(),
              row.workerId,
              worker == null ? null : worker.name,
              row.fileId,
              row.tags,
              positions.getOrDefault(row.id, 0),
              queue.size(),
              row.organizationId,
              row.initiatorId,
              row.input,
              row.type,
              availableWorkers(row),
              row.metadata,
              false));
    }
    return result;
  }

  private List<UUID> availableWorkers(JobRow job) {
    if (job.startedAt != null) {
      return List.of();
    }
    List<DaemonRow> matching = new ArrayList<>();
    for (DaemonRow daemon : daemons.values()) {
      if (daemon.organizationId.equals(job.organizationId)
          && daemon.provisioners.contains(job.provisioner)
          && tagsetContains(daemon.tags, job.tags)) {
        matching.add(daemon);
      }
    }
    matching.sort(
        Comparator.comparing((DaemonRow daemon) -> daemon.createdAt)
            .thenComparingLong(daemon -> daemon.order));
    List<UUID> ids = new ArrayList<>();
    matching.forEach(daemon -> ids.add(daemon.id));
    return ids;
  }

  private JobRow requireJob(UUID id) {
    JobRow job = jobs.get(id);
    if (job == null) {
      throw new IllegalArgumentException("no job has ID " + id);
    }
    return job;
  }

  private static void requireActive(JobRow job) {
    if (job.completedAt != null) {
      throw new JobStateException("job " + job.id + " is already " + job.status());
    }
  }

  private OrgRow requireOrg(String organization) {
    OrgRow org = resolve(organization);
    if (org == null) {
      throw new IllegalArgumentException("no organization " + GoText.quote(organization));
    }
    return org;
  }

  // ---------------------------------------------------------------------------------------------
  // Licenses and entitlements

  /** A stored license. */
  public static final class LicenseRow {
    final int id;
    final UUID uuid;
    final Instant uploadedAt;
    final ObjectNode claims;

    LicenseRow(int id, UUID uuid, Instant uploadedAt, ObjectNode claims) {
      this.id = id;
      this.uuid = uuid;
      this.uploadedAt = uploadedAt;
      this.claims = claims;
    }

    /** The numeric ID, used to delete it. */
    public int id() {
      return id;
    }

    /** Its UUID: the {@code jti} claim, or a random one. */
    public UUID uuid() {
      return uuid;
    }

    /** When it was added. */
    public Instant uploadedAt() {
      return uploadedAt;
    }

    /** A copy of its claims, as signed. */
    public ObjectNode claims() {
      return claims.deepCopy();
    }
  }

  /**
   * Stores a verified license.
   *
   * @param recompute whether entitlements count as just refreshed, as after an upload
   */
  public synchronized LicenseRow addLicense(ObjectNode claims, boolean recompute) {
    JsonNode jti = claims.get("jti");
    UUID uuid =
        jti != null && jti.isTextual() && GoUuid.isValid(jti.asText())
            ? GoUuid.parse(jti.asText())
            : UUID.randomUUID();
    LicenseRow row = new LicenseRow(nextLicenseId++, uuid, now(), claims.deepCopy());
    licenses.add(row);
    if (recompute) {
      entitlementsRefreshedAt = now();
      entitlementsComputedAt = now();
    }
    return row;
  }

  /** Returns the stored licenses, oldest first. */
  public synchronized List<LicenseRow> licenses() {
    return List.copyOf(licenses);
  }

  /** Removes a license; returns false if none has the ID. */
  public synchronized boolean deleteLicense(int id) {
    boolean removed = licenses.removeIf(license -> license.id == id);
    if (removed) {
      entitlementsRefreshedAt = now();
      entitlementsComputedAt = now();
    }
    return removed;
  }

  /**
   * Returns what the licenses allow now, as {@code GET /entitlements} reports it; {@code
   * refreshed_at} is when entitlements were last recomputed (start, license change, refresh).
   */
  public synchronized Entitlements entitlements() {
    List<EntitlementsCalculator.License> stored = new ArrayList<>();
    for (LicenseRow row : licenses) {
      stored.add(new EntitlementsCalculator.License(row.uuid.toString(), row.claims));
    }
    return EntitlementsCalculator.compute(stored, now(), activeUsers(), entitlementsComputedAt);
  }

  /**
   * Returns true while the entitlements turn on {@code multiple_organizations}, which gates
   * creating, updating and deleting organizations.
   */
  public synchronized boolean multipleOrganizationsEnabled() {
    Feature feature = entitlements().features().get("multiple_organizations");
    return feature != null && feature.isAvailable();
  }

  /**
   * Refreshes entitlements unless they were refreshed less than a minute ago.
   *
   * @return zero when refreshed, otherwise how long to wait
   */
  public synchronized Duration refreshEntitlements() {
    Instant now = now();
    if (entitlementsRefreshedAt != null) {
      Duration since = Duration.between(entitlementsRefreshedAt, now);
      if (since.compareTo(REFRESH_INTERVAL) < 0) {
        return REFRESH_INTERVAL.minus(since);
      }
    }
    entitlementsRefreshedAt = now;
    entitlementsComputedAt = now;
    return Duration.ZERO;
  }
}
