package com.coder.sdk;

import com.coder.sdk.internal.ApiRequest;
import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.model.ProvisionerDaemon;
import com.coder.sdk.model.ProvisionerDaemonStatus;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The provisioner daemons of an organization: {@code
 * /api/v2/organizations/{organization}/provisionerdaemons}. Get one from {@link
 * CoderClient#provisionerDaemons()}. Thread-safe.
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
    Objects.requireNonNull(filter, "filter == null");
    ApiRequest request =
        ApiRequest.get("organizations", Arguments.organization(organization), "provisionerdaemons");
    if (filter.limit() != null) {
      request.query("limit", filter.limit().toString());
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
    return http.callForList(request, ProvisionerDaemon.class);
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
}
