package com.coder.sdk.testkit;

import com.coder.sdk.model.ProvisionerDaemon;
import com.coder.sdk.testkit.internal.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The provisioner daemons of a {@link FakeCoderServer}, registered by the test. Get it from {@link
 * FakeCoderServer#provisionerDaemons()}. Daemons never run anything themselves: a test makes one
 * take a job with {@link FakeProvisionerJobs#acquire(String)}.
 *
 * <pre>{@code
 * ProvisionerDaemon gpu =
 *     coder.provisionerDaemons().register("default", "gpu-1", Map.of("gpu", "a100"), "terraform");
 * coder.provisionerDaemons().markOffline(gpu.id());   // listed only with offline=true
 * }</pre>
 *
 * <p>Tags get Coder's defaults: without {@code scope} a daemon is untagged ({@code
 * scope=organization, owner=""}), and such a daemon takes only untagged jobs, while a tagged one
 * takes jobs whose tags it contains.
 *
 * <p>Daemons are returned as {@code GET /api/v2/organizations/{organization}/provisionerdaemons}
 * lists them: authenticated with the pre-shared key ({@code key_name} {@code psk}), version {@code
 * v2.24.1}, status {@code busy} while a job they took has not completed ({@code current_job}),
 * {@code idle} otherwise, and the last job they finished as {@code previous_job}. A registered
 * daemon reports in continuously, so it was last seen now; once the test stops its reports it is
 * {@code offline} when last seen more than 90 s ago, as Coder counts. Thread-safe.
 */
public final class FakeProvisionerDaemons {
  private final Store store;

  FakeProvisionerDaemons(Store store) {
    this.store = store;
  }

  /**
   * Registers a daemon that reports in from now on.
   *
   * @param organization an organization ID, name, or {@code default}
   * @param name unique within the organization
   * @param tags the daemon's tags; empty for an untagged daemon
   * @param provisioners the provisioner types it runs; none means {@code terraform}
   * @return the daemon as the API lists it: online and {@code idle}
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
    return store.registerDaemon(organization, name, Map.copyOf(tags), types);
  }

  /**
   * Registers an untagged {@code terraform} daemon; see {@link #register(String, String, Map,
   * String...)}.
   *
   * @param organization an organization ID, name, or {@code default}
   * @param name unique within the organization
   * @return the daemon as the API lists it: online and {@code idle}
   * @throws IllegalArgumentException if the organization does not exist or the name is taken
   */
  public ProvisionerDaemon register(String organization, String name) {
    return register(organization, name, Map.of());
  }

  /** {@return every daemon, in the order they registered} */
  public List<ProvisionerDaemon> list() {
    return store.daemons();
  }

  /**
   * {@return a daemon as the API lists it now}
   *
   * @param daemon the daemon's ID
   * @throws IllegalArgumentException if no daemon has the ID
   */
  public ProvisionerDaemon get(UUID daemon) {
    return store.daemon(Objects.requireNonNull(daemon, "daemon == null"));
  }

  /**
   * Stops the daemon's reports as if it had lost its connection 91 s ago: {@code last_seen_at}
   * moves back 91 s and the daemon is {@code offline} from now on. It keeps any job it holds.
   *
   * @param daemon the daemon's ID
   * @return the daemon as the API lists it now
   * @throws IllegalArgumentException if no daemon has the ID
   */
  public ProvisionerDaemon markOffline(UUID daemon) {
    Objects.requireNonNull(daemon, "daemon == null");
    Instant lastSeen = store.now().minus(Store.STALE_INTERVAL).minusSeconds(1);
    return store.setDaemonSeen(daemon, false, lastSeen);
  }

  /**
   * Marks the daemon with this name offline; see {@link #markOffline(UUID)}.
   *
   * @param name the daemon's name, which no other daemon may share
   * @return the daemon as the API lists it now
   * @throws IllegalArgumentException if no daemon, or more than one, has the name
   */
  public ProvisionerDaemon markOffline(String name) {
    return markOffline(store.daemonNamed(Objects.requireNonNull(name, "name == null")));
  }

  /**
   * Stops the daemon's reports and sets when it was last seen; null for never. It is {@code
   * offline} while that is null or more than 90 s before the server's clock.
   *
   * @param daemon the daemon's ID
   * @param lastSeenAt when the daemon last reported in, or null for never
   * @return the daemon as the API lists it now
   * @throws IllegalArgumentException if no daemon has the ID
   */
  public ProvisionerDaemon setLastSeen(UUID daemon, @Nullable Instant lastSeenAt) {
    Objects.requireNonNull(daemon, "daemon == null");
    return store.setDaemonSeen(daemon, false, lastSeenAt);
  }

  /**
   * Resumes the daemon's reports: it was last seen now, and is {@code idle} or {@code busy} again.
   *
   * @param daemon the daemon's ID
   * @return the daemon as the API lists it now
   * @throws IllegalArgumentException if no daemon has the ID
   */
  public ProvisionerDaemon markOnline(UUID daemon) {
    Objects.requireNonNull(daemon, "daemon == null");
    return store.setDaemonSeen(daemon, true, store.now());
  }
}
