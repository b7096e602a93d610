package com.coder.sdk;

import com.coder.sdk.internal.ApiRequest;
import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.model.ProvisionerDaemon;
import com.coder.sdk.model.ProvisionerDaemonStatus;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The provisioner daemons of an organization: {@code
 * /api/v2/organizations/{organization}/provisionerdaemons}. Get one from {@link
 * CoderClient#provisionerDaemons()}. Thread-safe. Each method has an {@code ...Async} sibling that
 * returns a {@link CompletableFuture}; cancelling it cancels the HTTP call.
 *
 * <pre>{@code
 * for (ProvisionerDaemon daemon : client.provisionerDaemons().list("default")) {
 *   System.out.println(daemon.name() + " " + daemon.status() + " " + daemon.tags());
 * }
 * }</pre>
 */
public final class ProvisionerDaemons {
  private final HttpPipeline http;

  ProvisionerDaemons(HttpPipeline http) {
    this.http = http;
  }

  /**
   * Lists the organization's daemons that match {@code filter}. Sends {@code GET
   * /api/v2/organizations/{organization}/provisionerdaemons} with only the criteria that were set.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param filter the criteria to send
   * @return the matching daemons
   * @throws NotFoundException if the organization does not exist or the caller may not read it
   */
  public List<ProvisionerDaemon> list(String organization, ProvisionerDaemonFilter filter) {
    return http.callForList(listRequest(organization, filter), ProvisionerDaemon.class);
  }

  /**
   * Lists the daemons of an organization named by ID; see {@link #list(String,
   * ProvisionerDaemonFilter)}.
   *
   * @param organization the organization's ID
   * @param filter the criteria to send
   * @return the matching daemons
   */
  public List<ProvisionerDaemon> list(UUID organization, ProvisionerDaemonFilter filter) {
    return list(Arguments.organization(organization), filter);
  }

  /**
   * Lists the organization's daemons that are online.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @return the online daemons
   */
  public List<ProvisionerDaemon> list(String organization) {
    return list(organization, ProvisionerDaemonFilter.none());
  }

  /**
   * Lists the online daemons of an organization named by ID.
   *
   * @param organization the organization's ID
   * @return the online daemons
   */
  public List<ProvisionerDaemon> list(UUID organization) {
    return list(Arguments.organization(organization), ProvisionerDaemonFilter.none());
  }

  /**
   * Lists the organization's daemons that match {@code filter} without blocking; see {@link
   * #list(String, ProvisionerDaemonFilter)}. Bad arguments throw at once instead of failing the
   * future.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param filter the criteria to send; only those that were set are sent
   * @return a future of the matching daemons
   */
  public CompletableFuture<List<ProvisionerDaemon>> listAsync(
      String organization, ProvisionerDaemonFilter filter) {
    return http.callForListAsync(listRequest(organization, filter), ProvisionerDaemon.class);
  }

  /**
   * Lists the daemons of an organization named by ID without blocking.
   *
   * @param organization the organization's ID
   * @param filter the criteria to send; only those that were set are sent
   * @return a future of the matching daemons
   */
  public CompletableFuture<List<ProvisionerDaemon>> listAsync(
      UUID organization, ProvisionerDaemonFilter filter) {
    return listAsync(Arguments.organization(organization), filter);
  }

  /**
   * Lists the organization's online daemons without blocking.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @return a future of the online daemons
   */
  public CompletableFuture<List<ProvisionerDaemon>> listAsync(String organization) {
    return listAsync(organization, ProvisionerDaemonFilter.none());
  }

  /**
   * Lists the online daemons of an organization named by ID without blocking.
   *
   * @param organization the organization's ID
   * @return a future of the online daemons
   */
  public CompletableFuture<List<ProvisionerDaemon>> listAsync(UUID organization) {
    return listAsync(Arguments.organization(organization), ProvisionerDaemonFilter.none());
  }

  private ApiRequest listRequest(String organization, ProvisionerDaemonFilter filter) {
    Objects.requireNonNull(filter, "filter == null");
    ApiRequest request =
        ApiRequest.get("organizations", Arguments.organization(organization), "provisionerdaemons");
    Integer limit = filter.limit();
    if (limit != null) {
      request.query("limit", limit.toString());
    }
    if (filter.includeOffline()) {
      request.query("offline", "true");
    }
    if (!filter.statuses().isEmpty()) {
      request.query(
          "status",
          filter.statuses().stream()
              .map(ProvisionerDaemonStatus::value)
              .collect(Collectors.joining(",")));
    }
    if (!filter.tags().isEmpty()) {
      request.query("tags", http.toJson(filter.tags()));
    }
    return request;
  }
}
