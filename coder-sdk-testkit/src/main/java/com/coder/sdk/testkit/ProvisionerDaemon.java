package com.coder.sdk.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A provisioner daemon registered in a {@link FakeCoderServer}.
 *
 * @param id the daemon's ID, listed in a waiting job's {@code available_workers} and set as a
 *     running job's {@code worker_id}
 * @param organizationId the organization it serves
 * @param name its name, a running job's {@code worker_name}
 * @param tags its tags, with Coder's defaults applied ({@code scope}, {@code owner})
 * @param provisioners the provisioner types it runs, such as {@code terraform}
 * @param createdAt when it registered
 */
public record ProvisionerDaemon(
    UUID id,
    UUID organizationId,
    String name,
    Map<String, String> tags,
    List<String> provisioners,
    Instant createdAt) {

  public ProvisionerDaemon {
    tags = Map.copyOf(tags);
    provisioners = List.copyOf(provisioners);
  }
}
