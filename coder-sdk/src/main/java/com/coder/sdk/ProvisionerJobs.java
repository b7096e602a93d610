package com.coder.sdk;

import com.coder.sdk.internal.ApiRequest;
import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobStatus;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The provisioner jobs of an organization: {@code /api/v2/organizations/{organization}/provisionerjobs}.
 * Get one from {@link CoderClient#provisionerJobs()}.
 *
 * <pre>{@code
 * List<ProvisionerJob> queue = client.provisionerJobs().list("default",
 *     ProvisionerJobFilter.builder().status(ProvisionerJobStatus.PENDING).build());
 * for (ProvisionerJob job : queue) {
 *   System.out.println(job.queuePosition() + "/" + job.queueSize() + " " + job.type());
 * }
 * }</pre>
 *
 * <p>Reading jobs needs read access to provisioner jobs in the organization (owners, organization
 * admins and template admins); the server reports a lack of access as {@link NotFoundException}.
 * Thread-safe. Each method has an {@code ...Async} sibling that returns a {@link
 * CompletableFuture}; cancelling it cancels the HTTP call.
 */
public final class ProvisionerJobs {
  private final HttpPipeline http;

  ProvisionerJobs(HttpPipeline http) {
    this.http = http;
  }

  /**
   * Lists the organization's jobs that match {@code filter}, newest first. Sends {@code GET
   * /api/v2/organizations/{organization}/provisionerjobs} with only the criteria that were set.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @throws NotFoundException if the organization does not exist or the caller may not read its
   *     jobs
   * @throws BadRequestException if the server does not know a criterion (older servers and {@code
   *     initiator})
   */
  public List<ProvisionerJob> list(String organization, ProvisionerJobFilter filter) {
    return http.callForList(listRequest(organization, filter), ProvisionerJob.class);
  }

  /** Lists jobs of an organization named by ID; see {@link #list(String, ProvisionerJobFilter)}. */
  public List<ProvisionerJob> list(UUID organization, ProvisionerJobFilter filter) {
    return list(Arguments.organization(organization), filter);
  }

  /** Lists the organization's 50 newest jobs; see {@link #list(String, ProvisionerJobFilter)}. */
  public List<ProvisionerJob> list(String organization) {
    return list(organization, ProvisionerJobFilter.none());
  }

  /** Lists the 50 newest jobs of an organization named by ID. */
  public List<ProvisionerJob> list(UUID organization) {
    return list(Arguments.organization(organization), ProvisionerJobFilter.none());
  }

  /**
   * Lists jobs without blocking; see {@link #list(String, ProvisionerJobFilter)}. Arguments are
   * checked at once, so a bad one throws instead of failing the future.
   */
  public CompletableFuture<List<ProvisionerJob>> listAsync(
      String organization, ProvisionerJobFilter filter) {
    return http.callForListAsync(listRequest(organization, filter), ProvisionerJob.class);
  }

  /** Lists jobs of an organization named by ID without blocking. */
  public CompletableFuture<List<ProvisionerJob>> listAsync(
      UUID organization, ProvisionerJobFilter filter) {
    return listAsync(Arguments.organization(organization), filter);
  }

  /** Lists the organization's 50 newest jobs without blocking. */
  public CompletableFuture<List<ProvisionerJob>> listAsync(String organization) {
    return listAsync(organization, ProvisionerJobFilter.none());
  }

  /** Lists the 50 newest jobs of an organization named by ID without blocking. */
  public CompletableFuture<List<ProvisionerJob>> listAsync(UUID organization) {
    return listAsync(Arguments.organization(organization), ProvisionerJobFilter.none());
  }

  private ApiRequest listRequest(String organization, ProvisionerJobFilter filter) {
    Objects.requireNonNull(filter, "filter == null");
    ApiRequest request =
        ApiRequest.get("organizations", Arguments.organization(organization), "provisionerjobs");

    // Alphabetical, as Coder's own client sends them.
    if (!filter.ids().isEmpty()) {
      StringJoiner ids = new StringJoiner(",");
      filter.ids().forEach(id -> ids.add(id.toString()));
      request.query("ids", ids.toString());
    }
    filter.initiator().ifPresent(initiator -> request.query("initiator", initiator.toString()));
    filter.limit().ifPresent(limit -> request.query("limit", Integer.toString(limit)));
    if (!filter.statuses().isEmpty()) {
      StringJoiner statuses = new StringJoiner(",");
      filter.statuses().stream().map(ProvisionerJobStatus::value).forEach(statuses::add);
      request.query("status", statuses.toString());
    }
    if (!filter.tags().isEmpty()) {
      request.query("tags", http.toJson(filter.tags()));
    }
    return request;
  }

  /**
   * Gets one job. Sends {@code GET /api/v2/organizations/{organization}/provisionerjobs/{job}}.
   *
   * @throws NotFoundException if the job does not exist, belongs to another organization, or the
   *     caller may not read it
   */
  public ProvisionerJob get(String organization, UUID job) {
    return http.call(getRequest(organization, job), ProvisionerJob.class);
  }

  /** Gets one job of an organization named by ID; see {@link #get(String, UUID)}. */
  public ProvisionerJob get(UUID organization, UUID job) {
    return get(Arguments.organization(organization), job);
  }

  /** Gets one job without blocking; see {@link #get(String, UUID)}. */
  public CompletableFuture<ProvisionerJob> getAsync(String organization, UUID job) {
    return http.callAsync(getRequest(organization, job), ProvisionerJob.class);
  }

  /** Gets one job of an organization named by ID without blocking. */
  public CompletableFuture<ProvisionerJob> getAsync(UUID organization, UUID job) {
    return getAsync(Arguments.organization(organization), job);
  }

  private static ApiRequest getRequest(String organization, UUID job) {
    Objects.requireNonNull(job, "job == null");
    return ApiRequest.get(
        "organizations", Arguments.organization(organization), "provisionerjobs", job.toString());
  }
}
