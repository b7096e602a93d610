package com.coder.sdk.examples;

import com.coder.sdk.CoderClient;
import com.coder.sdk.CoderException;
import com.coder.sdk.NotFoundException;
import com.coder.sdk.ProvisionerDaemonFilter;
import com.coder.sdk.ProvisionerJobFilter;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerDaemon;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.testkit.FakeCoderServer;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reports every organization of a deployment and its provisioner queue: what is waiting, what is
 * running on which daemon, and what failed recently.
 *
 * <p>Reads {@code CODER_URL} and {@code CODER_SESSION_TOKEN}. The token must belong to an owner or
 * to an admin of each organization, since reading provisioner jobs needs that role. Without {@code
 * CODER_URL} it starts an embedded fake deployment with sample data and reports on that.
 */
public final class ProvisionerQueueReport {
  private static final int JOBS_PER_ORGANIZATION = 100;

  private final CoderClient coder;
  private final PrintStream out;
  private final Instant now;

  ProvisionerQueueReport(CoderClient coder, PrintStream out, Instant now) {
    this.coder = coder;
    this.out = out;
    this.now = now;
  }

  public static void main(String[] args) {
    String url = System.getenv(CoderClient.URL_VARIABLE);
    if (url == null || url.isBlank()) {
      runOnEmbeddedServer();
      return;
    }
    try (CoderClient coder = CoderClient.fromEnvironment()) {
      new ProvisionerQueueReport(coder, System.out, Instant.now()).run();
    } catch (IllegalStateException | CoderException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Runs the report on an in-process fake deployment filled with sample data. */
  private static void runOnEmbeddedServer() {
    try (FakeCoderServer server = FakeCoderServer.builder().start();
        CoderClient coder = server.newClient()) {
      server.seedSampleData();
      System.out.println(
          "No "
              + CoderClient.URL_VARIABLE
              + " set: running against an embedded fake Coder server"
              + " at "
              + server.url()
              + ", seeded with sample organizations, daemons and jobs.");
      System.out.println(
          "Set "
              + CoderClient.URL_VARIABLE
              + " and "
              + CoderClient.TOKEN_VARIABLE
              + " to report on a real deployment.");
      System.out.println();
      new ProvisionerQueueReport(coder, System.out, Instant.now()).run();
    }
  }

  /** Prints the report. */
  void run() {
    List<Organization> organizations = coder.organizations().list();
    out.println("Coder deployment " + coder.baseUrl());
    out.println();

    Map<Organization, @Nullable List<ProvisionerJob>> jobsByOrganization = new LinkedHashMap<>();
    TextTable summary =
        new TextTable("ORGANIZATION", "DISPLAY NAME", "DEFAULT", "PENDING", "RUNNING", "FAILED");
    for (Organization organization : organizations) {
      @Nullable List<ProvisionerJob> jobs = jobsOf(organization);
      jobsByOrganization.put(organization, jobs);
      summary.add(
          organization.name(),
          organization.displayName(),
          organization.isDefault() ? "yes" : "",
          jobs == null ? "?" : count(jobs, ProvisionerJobStatus.PENDING),
          jobs == null ? "?" : count(jobs, ProvisionerJobStatus.RUNNING),
          jobs == null ? "?" : count(jobs, ProvisionerJobStatus.FAILED));
    }
    summary.print(out, "");

    jobsByOrganization.forEach(this::printQueue);
  }

  private @Nullable List<ProvisionerJob> jobsOf(Organization organization) {
    try {
      return coder
          .provisionerJobs()
          .list(
              organization.id(),
              ProvisionerJobFilter.builder().limit(JOBS_PER_ORGANIZATION).build());
    } catch (NotFoundException e) {
      // Coder answers 404 when the caller may not read the organization's jobs.
      return null;
    }
  }

  private void printQueue(Organization organization, @Nullable List<ProvisionerJob> jobs) {
    out.println();
    printDaemons(organization);

    out.println();
    out.println("Provisioner jobs of " + organization.name());
    if (jobs == null) {
      out.println("  (not visible to this token: reading jobs needs an owner or admin)");
      return;
    }
    if (jobs.isEmpty()) {
      out.println("  (none)");
      return;
    }

    TextTable table =
        new TextTable("STATUS", "TYPE", "QUEUE", "WORKER", "TEMPLATE", "AGE", "ID", "ERROR");
    for (ProvisionerJob job : jobs) {
      table.add(
          job.status(),
          job.type(),
          job.queuePosition() > 0 ? job.queuePosition() + " of " + job.queueSize() : "-",
          job.workerName() != null ? job.workerName() : "-",
          job.metadata() == null || job.metadata().templateName().isEmpty()
              ? "-"
              : job.metadata().templateName(),
          age(job.createdAt()),
          job.id().toString().substring(0, 8),
          job.error() == null ? "" : shorten(job.error(), 48));
    }
    table.print(out, "  ");
  }

  private void printDaemons(Organization organization) {
    out.println("Provisioner daemons of " + organization.name());
    List<ProvisionerDaemon> daemons;
    try {
      daemons =
          coder
              .provisionerDaemons()
              .list(organization.id(), ProvisionerDaemonFilter.builder().includeOffline().build());
    } catch (NotFoundException e) {
      out.println(
          e.serverMessage().startsWith("Route not found")
              ? "  (this server does not list daemons)"
              : "  (not visible to this token)");
      return;
    }
    if (daemons.isEmpty()) {
      out.println("  (none: jobs of this organization wait until a daemon connects)");
      return;
    }

    TextTable table =
        new TextTable("NAME", "STATUS", "VERSION", "TAGS", "CURRENT JOB", "LAST SEEN");
    for (ProvisionerDaemon daemon : daemons) {
      table.add(
          daemon.name(),
          daemon.status() == null ? "-" : daemon.status(),
          daemon.version(),
          daemon.tags(),
          daemon.currentJob() == null
              ? "-"
              : daemon.currentJob().id().toString().substring(0, 8)
                  + " "
                  + daemon.currentJob().templateName(),
          daemon.lastSeenAt() == null ? "never" : age(daemon.lastSeenAt()));
    }
    table.print(out, "  ");
  }

  private static long count(List<ProvisionerJob> jobs, ProvisionerJobStatus status) {
    return jobs.stream().filter(job -> job.status().equals(status)).count();
  }

  private String age(Instant createdAt) {
    Duration age = Duration.between(createdAt, now);
    if (age.isNegative() || age.toMinutes() < 1) {
      return "now";
    }
    if (age.toHours() < 1) {
      return age.toMinutes() + "m";
    }
    if (age.toDays() < 1) {
      return age.toHours() + "h";
    }
    return age.toDays() + "d";
  }

  private static String shorten(String text, int max) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
