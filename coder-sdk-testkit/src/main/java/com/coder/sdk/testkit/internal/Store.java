package com.coder.sdk.testkit.internal;

import com.coder.sdk.model.JobErrorCode;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobInput;
import com.coder.sdk.model.ProvisionerJobMetadata;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.model.ProvisionerJobType;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The fake deployment's state: organizations, provisioner daemons, provisioner jobs and licenses.
 * Every method is synchronized on the store, so HTTP threads and the test thread see one
 * consistent state. Timestamps come from the configured clock, cut to microseconds as PostgreSQL
 * stores them.
 */
public final class Store {
  /** The user Coder's prebuilt workspaces run as; its jobs queue behind everyone else's. */
  public static final UUID PREBUILDS_USER_ID =
      UUID.fromString("c42fdf75-3097-471c-8c33-fb52454d81c0");

  /** The tags of an untagged job or daemon, which match only each other exactly. */
  public static final Map<String, String> UNTAGGED = Map.of("scope", "organization", "owner", "");

  /** The roles every member of an organization holds implicitly. */
  public static final List<String> DEFAULT_MEMBER_ROLES = List.of("organization-workspace-access");

  private static final Duration REFRESH_INTERVAL = Duration.ofMinutes(1);
  private static final List<String> JOB_STATUSES =
      List.of("pending", "running", "succeeded", "canceling", "canceled", "failed");

  private final Clock clock;
  private final UUID adminUserId;
  private final Map<UUID, OrgRow> orgs = new LinkedHashMap<>();
  private final Map<UUID, DaemonRow> daemons = new LinkedHashMap<>();
  private final Map<UUID, JobRow> jobs = new LinkedHashMap<>();
  private final List<LicenseRow> licenses = new ArrayList<>();
  private final UUID defaultOrgId;
  private int nextLicenseId = 1;
  private long sequence;
  private @Nullable Instant entitlementsRefreshedAt;

  /** Creates a deployment with its default organization, {@code coder}. */
  public Store(Clock clock, UUID adminUserId) {
    this.clock = clock;
    this.adminUserId = adminUserId;
    OrgRow root =
        new OrgRow(UUID.randomUUID(), "coder", "Coder", "Builtin default organization.", "", now());
    root.isDefault = true;
    root.members.add(adminUserId);
    orgs.put(root.id, root);
    this.defaultOrgId = root.id;
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
    final Set<UUID> members = new LinkedHashSet<>();

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
          id, name, displayName, description, icon, createdAt, updatedAt, isDefault,
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
    return orgs.get(defaultOrgId).toModel();
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
   * Inserts an organization. The caller has checked the name's format; this checks uniqueness.
   * The owner becomes its only member.
   */
  public synchronized Organization insertOrganization(
      String name, String displayName, String description, String icon)
      throws NameTakenException {
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
    row.members.add(adminUserId);
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
  // Provisioner daemons

  /** A registered provisioner daemon. */
  public static final class DaemonRow {
    final UUID id;
    final UUID organizationId;
    final String name;
    final Map<String, String> tags;
    final List<String> provisioners;
    final Instant createdAt;
    final long order;

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
    }

    /** The daemon's ID. */
    public UUID id() {
      return id;
    }

    /** The organization it serves. */
    public UUID organizationId() {
      return organizationId;
    }

    /** Its name, shown as a job's {@code worker_name}. */
    public String name() {
      return name;
    }

    /** Its tags, after Coder's defaults were applied. */
    public Map<String, String> tags() {
      return tags;
    }

    /** The provisioner types it runs, such as {@code terraform}. */
    public List<String> provisioners() {
      return provisioners;
    }

    /** When it registered. */
    public Instant createdAt() {
      return createdAt;
    }
  }

  /**
   * Registers a daemon in an organization. Tags get Coder's defaults: without {@code scope} they
   * become {@code scope=organization, owner=""}.
   *
   * @throws IllegalArgumentException if the organization does not exist or the name is in use
   *     there
   */
  public synchronized DaemonRow registerDaemon(
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
    return row;
  }

  /** Returns the daemons, in the order they registered. */
  public synchronized List<DaemonRow> daemons() {
    return List.copyOf(daemons.values());
  }

  /**
   * Finds a daemon by name.
   *
   * @throws IllegalArgumentException if none or several have the name
   */
  public synchronized DaemonRow daemonNamed(String name) {
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
    return found;
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
   * Coder's tag matching: untagged sets match only exactly; otherwise every pair of {@code
   * subset} must be in {@code superset}.
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

    UnknownStatusException(String status) {
      super("pq: invalid input value for enum provisioner_job_status: " + GoText.quote(status));
    }
  }

  /**
   * Queues a job. Tags get Coder's defaults (see {@link #registerDaemon}).
   *
   * @throws IllegalArgumentException if the organization does not exist
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
    return view(job);
  }

  /**
   * Cancels a job as Coder's cancel endpoints do: a pending job becomes canceled at once; a
   * running one becomes canceling until it is completed or failed.
   */
  public synchronized ProvisionerJob cancel(UUID id) {
    JobRow job = requireJob(id);
    if (job.completedAt != null) {
      throw new JobStateException("Job has already completed!");
    }
    if (job.canceledAt != null) {
      throw new JobStateException("Job has already been marked as canceled!");
    }
    Instant now = now();
    job.canceledAt = now;
    if (job.startedAt == null) {
      job.completedAt = now;
    }
    return view(job);
  }

  /** Removes a job, as if its template or workspace had been deleted. */
  public synchronized boolean deleteJob(UUID id) {
    return jobs.remove(id) != null;
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
        throw new UnknownStatusException(status);
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
    }
    return removed;
  }

  /**
   * Returns true while a license that has not passed its {@code exp} grants multiple
   * organizations: by {@code features.multiple_organizations > 0} or the {@code premium} feature
   * set.
   */
  public synchronized boolean multipleOrganizationsEnabled() {
    Instant now = now();
    for (LicenseRow license : licenses) {
      Instant expires = LicenseAuthority.instantClaim(license.claims, "exp");
      if (expires != null && !now.isBefore(expires)) {
        continue;
      }
      JsonNode featureSet = license.claims.get("feature_set");
      if (featureSet != null && featureSet.asText().equals("premium")) {
        return true;
      }
      JsonNode features = license.claims.get("features");
      JsonNode multiOrg = features == null ? null : features.get("multiple_organizations");
      if (multiOrg != null && multiOrg.isNumber() && multiOrg.asLong() > 0) {
        return true;
      }
    }
    return false;
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
    return Duration.ZERO;
  }
}
