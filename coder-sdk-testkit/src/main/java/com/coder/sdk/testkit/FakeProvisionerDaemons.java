package com.coder.sdk.testkit;

import com.coder.sdk.testkit.internal.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The provisioner daemons of a {@link FakeCoderServer}, registered by the test. Get it from
 * {@link FakeCoderServer#provisionerDaemons()}. Daemons never run anything themselves: a test
 * makes one take a job with {@link FakeProvisionerJobs#acquire(String)}.
 *
 * <pre>{@code
 * coder.provisionerDaemons().register("default", "gpu-1", Map.of("gpu", "a100"), "terraform");
 * }</pre>
 *
 * <p>Tags get Coder's defaults: without {@code scope} a daemon is untagged ({@code
 * scope=organization, owner=""}), and such a daemon takes only untagged jobs, while a tagged one
 * takes jobs whose tags it contains. Thread-safe.
 */
public final class FakeProvisionerDaemons {
  private final Store store;

  FakeProvisionerDaemons(Store store) {
    this.store = store;
  }

  /**
   * Registers a daemon.
   *
   * @param organization an organization ID, name, or {@code default}
   * @param name unique within the organization
   * @param tags the daemon's tags; empty for an untagged daemon
   * @param provisioners the provisioner types it runs; none means {@code terraform}
   * @throws IllegalArgumentException if the organization does not exist or the name is taken
   */
  public ProvisionerDaemon register(
      String organization, String name, Map<String, String> tags, String... provisioners) {
    Objects.requireNonNull(organization, "organization == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(tags, "tags == null");
    Objects.requireNonNull(provisioners, "provisioners == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name is blank");
    }
    List<String> types = provisioners.length == 0 ? List.of("terraform") : List.of(provisioners);
    return toModel(store.registerDaemon(organization, name, Map.copyOf(tags), types));
  }

  /**
   * Registers an untagged {@code terraform} daemon; see {@link #register(String, String, Map,
   * String...)}.
   */
  public ProvisionerDaemon register(String organization, String name) {
    return register(organization, name, Map.of());
  }

  /** Returns every daemon, in the order they registered. */
  public List<ProvisionerDaemon> list() {
    List<ProvisionerDaemon> daemons = new ArrayList<>();
    store.daemons().forEach(row -> daemons.add(toModel(row)));
    return daemons;
  }

  static ProvisionerDaemon toModel(Store.DaemonRow row) {
    return new ProvisionerDaemon(
        row.id(), row.organizationId(), row.name(), row.tags(), row.provisioners(),
        row.createdAt());
  }
}
