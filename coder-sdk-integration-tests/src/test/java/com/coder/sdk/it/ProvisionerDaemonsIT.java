package com.coder.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.coder.sdk.ProvisionerDaemonFilter;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.ProvisionerDaemon;
import com.coder.sdk.model.ProvisionerDaemonJob;
import com.coder.sdk.model.ProvisionerDaemonStatus;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.model.ProvisionerJobType;
import com.coder.sdk.testkit.FakeCoderServer;
import com.coder.sdk.testkit.ProvisionerJobSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /organizations/{organization}/provisionerdaemons}. */
@ExtendWith(TargetExtension.class)
class ProvisionerDaemonsIT {

  @Test
  void registeredDaemonIsListedIdleWithEveryField(Target target) {
    FakeCoderServer fake = target.fake("registers daemons");
    Organization org = target.createOrganization("it-daemon");
    Instant before = Instant.now().minusSeconds(1);
    ProvisionerDaemon registered =
        fake.provisionerDaemons()
            .register(org.name(), "builder", Map.of("region", "eu"), "terraform", "echo");

    List<ProvisionerDaemon> listed = target.client().provisionerDaemons().list(org.id());
    JsonNode raw = target.send("GET", daemonsPath(org), null).json().get(0);

    assertThat(listed).hasSize(1);
    ProvisionerDaemon daemon = listed.get(0);
    assertThat(daemon.id()).isEqualTo(registered.id());
    assertThat(daemon.organizationId()).isEqualTo(org.id());
    assertThat(daemon.keyId()).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000003"));
    assertThat(daemon.keyName()).isEqualTo("psk");
    assertThat(daemon.name()).isEqualTo("builder");
    assertThat(daemon.version()).isEqualTo("v2.24.1");
    assertThat(daemon.apiVersion()).isEqualTo("1.7");
    assertThat(daemon.provisioners()).containsExactly("terraform", "echo");
    assertThat(daemon.tags())
        .containsExactly(
            Map.entry("owner", ""), Map.entry("region", "eu"), Map.entry("scope", "organization"));
    assertThat(daemon.status()).isEqualTo(ProvisionerDaemonStatus.IDLE);
    assertThat(daemon.createdAt()).isEqualTo(registered.createdAt()).isAfter(before);
    assertThat(daemon.lastSeenAt()).isAfterOrEqualTo(daemon.createdAt());
    assertThat(daemon.currentJob()).isNull();
    assertThat(daemon.previousJob()).isNull();
    assertThat(fieldNames(raw))
        .containsExactly(
            "id",
            "organization_id",
            "key_id",
            "created_at",
            "last_seen_at",
            "name",
            "version",
            "api_version",
            "provisioners",
            "tags",
            "key_name",
            "status",
            "current_job",
            "previous_job");
    assertThat(raw.path("current_job").isNull()).isTrue();
  }

  @Test
  void daemonIsBusyWhileItRunsAJobAndRemembersTheLastOne(Target target) {
    FakeCoderServer fake = target.fake("drives jobs");
    Organization org = target.createOrganization("it-busy");
    ProvisionerDaemon daemon = fake.provisionerDaemons().register(org.name(), "worker");
    ProvisionerJob first = fake.provisionerJobs().enqueue(importJob(org, "First").build());
    fake.provisionerJobs().acquire(daemon.id());

    ProvisionerDaemon busy = only(target, org, ProvisionerDaemonFilter.none());
    fake.provisionerJobs().complete(first.id());
    ProvisionerDaemon idle = only(target, org, ProvisionerDaemonFilter.none());
    ProvisionerJob second = fake.provisionerJobs().enqueue(importJob(org, "Second").build());
    fake.provisionerJobs().acquire(daemon.id());
    fake.provisionerJobs().fail(second.id(), "terraform exploded");
    ProvisionerDaemon afterFailure = only(target, org, ProvisionerDaemonFilter.none());

    assertThat(busy.status()).isEqualTo(ProvisionerDaemonStatus.BUSY);
    assertThat(busy.currentJob())
        .isEqualTo(
            new ProvisionerDaemonJob(
                first.id(), ProvisionerJobStatus.RUNNING, "tmpl", "/icon.png", "First"));
    assertThat(busy.previousJob()).isNull();
    assertThat(idle.status()).isEqualTo(ProvisionerDaemonStatus.IDLE);
    assertThat(idle.currentJob()).isNull();
    assertThat(idle.previousJob().id()).isEqualTo(first.id());
    assertThat(idle.previousJob().status()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
    assertThat(afterFailure.previousJob().id()).isEqualTo(second.id());
    assertThat(afterFailure.previousJob().status()).isEqualTo(ProvisionerJobStatus.FAILED);
  }

  @Test
  void offlineDaemonsAreLeftOutUnlessAskedFor(Target target) {
    FakeCoderServer fake = target.fake("takes daemons offline");
    Organization org = target.createOrganization("it-offline");
    ProvisionerDaemon online = fake.provisionerDaemons().register(org.name(), "online");
    ProvisionerDaemon gone = fake.provisionerDaemons().register(org.name(), "gone");
    ProvisionerDaemon marked = fake.provisionerDaemons().markOffline(gone.id());

    List<UUID> byDefault = ids(target, org, ProvisionerDaemonFilter.none());
    List<ProvisionerDaemon> withOffline =
        target
            .client()
            .provisionerDaemons()
            .list(org.id(), ProvisionerDaemonFilter.builder().includeOffline().build());
    List<UUID> offlineOnly =
        ids(
            target,
            org,
            ProvisionerDaemonFilter.builder().status(ProvisionerDaemonStatus.OFFLINE).build());
    fake.provisionerDaemons().markOnline(gone.id());
    List<UUID> back = ids(target, org, ProvisionerDaemonFilter.none());

    assertThat(byDefault).containsExactly(online.id());
    assertThat(withOffline)
        .extracting(ProvisionerDaemon::id)
        .containsExactly(gone.id(), online.id());
    assertThat(withOffline.get(0).status()).isEqualTo(ProvisionerDaemonStatus.OFFLINE);
    assertThat(withOffline.get(0).lastSeenAt()).isEqualTo(marked.lastSeenAt());
    assertThat(marked.lastSeenAt()).isBefore(Instant.now().minusSeconds(90));
    assertThat(offlineOnly).containsExactly(gone.id());
    assertThat(back).containsExactly(gone.id(), online.id());
  }

  @Test
  void aDaemonIsOfflineNinetySecondsAfterItWasLastSeen(Target target) {
    target.fake("moves the fake's clock");
    MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    try (FakeCoderServer fake = FakeCoderServer.builder().clock(clock).start();
        var client = fake.newClient()) {
      ProvisionerDaemon daemon = fake.provisionerDaemons().register("default", "quiet");
      fake.provisionerDaemons().setLastSeen(daemon.id(), clock.instant());
      ProvisionerDaemonFilter all = ProvisionerDaemonFilter.builder().includeOffline().build();

      clock.advance(Duration.ofSeconds(90));
      ProvisionerDaemonStatus atNinety =
          client.provisionerDaemons().list("default", all).get(0).status();
      clock.advance(Duration.ofMillis(1));
      ProvisionerDaemonStatus after =
          client.provisionerDaemons().list("default", all).get(0).status();
      fake.provisionerDaemons().setLastSeen(daemon.id(), null);
      ProvisionerDaemon never = client.provisionerDaemons().list("default", all).get(0);

      assertThat(atNinety).isEqualTo(ProvisionerDaemonStatus.IDLE);
      assertThat(after).isEqualTo(ProvisionerDaemonStatus.OFFLINE);
      assertThat(never.lastSeenAt()).isNull();
      assertThat(never.status()).isEqualTo(ProvisionerDaemonStatus.OFFLINE);
    }
  }

  @Test
  void filtersByStatusTagsAndLimitNewestFirst(Target target) {
    FakeCoderServer fake = target.fake("registers daemons");
    Organization org = target.createOrganization("it-dfilter");
    ProvisionerDaemon plain = fake.provisionerDaemons().register(org.name(), "plain");
    ProvisionerDaemon gpu =
        fake.provisionerDaemons().register(org.name(), "gpu", Map.of("gpu", "a100"));
    ProvisionerDaemon gpuEu =
        fake.provisionerDaemons()
            .register(org.name(), "gpu-eu", Map.of("gpu", "a100", "region", "eu"));
    fake.provisionerJobs().enqueue(importJob(org, "Tagged").tag("gpu", "a100").build());
    fake.provisionerJobs().acquire(gpu.id());

    assertThat(ids(target, org, ProvisionerDaemonFilter.none()))
        .containsExactly(gpuEu.id(), gpu.id(), plain.id());
    assertThat(
            ids(
                target,
                org,
                ProvisionerDaemonFilter.builder().status(ProvisionerDaemonStatus.BUSY).build()))
        .containsExactly(gpu.id());
    assertThat(
            ids(
                target,
                org,
                ProvisionerDaemonFilter.builder().status(ProvisionerDaemonStatus.IDLE).build()))
        .containsExactly(gpuEu.id(), plain.id());
    assertThat(ids(target, org, ProvisionerDaemonFilter.builder().tag("gpu", "a100").build()))
        .containsExactly(gpuEu.id(), gpu.id());
    assertThat(
            ids(
                target,
                org,
                ProvisionerDaemonFilter.builder()
                    .tag("scope", "organization")
                    .tag("owner", "")
                    .build()))
        .containsExactly(plain.id());
    assertThat(ids(target, org, ProvisionerDaemonFilter.builder().limit(2).build()))
        .containsExactly(gpuEu.id(), gpu.id());
    assertThat(fake.lastRequest().queryParameter("limit")).isEqualTo("2");
  }

  @Test
  void idsAndMaxAgeNarrowTheListing(Target target) {
    FakeCoderServer fake = target.fake("sets when daemons were seen");
    Organization org = target.createOrganization("it-maxage");
    ProvisionerDaemon recent = fake.provisionerDaemons().register(org.name(), "recent");
    ProvisionerDaemon old = fake.provisionerDaemons().register(org.name(), "old");
    fake.provisionerDaemons().setLastSeen(old.id(), Instant.now().minus(Duration.ofMinutes(10)));

    Http.Answer young = target.send("GET", daemonsPath(org) + "?offline=true&max_age=5m", null);
    Http.Answer byId = target.send("GET", daemonsPath(org) + "?offline=1&ids=" + old.id(), null);

    assertThat(young.status()).isEqualTo(200);
    assertThat(ids(young.json())).containsExactly(recent.id().toString());
    assertThat(ids(byId.json())).containsExactly(old.id().toString());
  }

  @Test
  void badQueryParametersAreRefused(Target target) {
    Organization org = target.client().organizations().get("default");

    Http.Answer answer =
        target.send("GET", daemonsPath(org) + "?offline=maybe&max_age=soon&limit=-3&page=1", null);
    Http.Answer status = target.send("GET", daemonsPath(org) + "?status=sleeping", null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("Invalid query parameters.");
    assertThat(answer.validations())
        .anySatisfy(v -> assertThat(v).startsWith("offline: "))
        .anySatisfy(v -> assertThat(v).startsWith("max_age: "))
        .anySatisfy(v -> assertThat(v).startsWith("limit: "))
        .contains("page: \"page\" is not a valid query param");
    if (target.isFake()) {
      assertThat(status.status()).isEqualTo(500);
      assertThat(status.message()).isEqualTo("Internal error fetching provisioner daemons.");
      assertThat(status.detail()).contains("\"sleeping\"");
    }
  }

  @Test
  void listingOnAnyDeploymentKeepsToItsRules(Target target) {
    Organization org = target.client().organizations().get("default");

    List<ProvisionerDaemon> online = target.client().provisionerDaemons().list(org.id());
    List<ProvisionerDaemon> all =
        target
            .client()
            .provisionerDaemons()
            .list(org.id(), ProvisionerDaemonFilter.builder().includeOffline().build());

    assertThat(online)
        .allSatisfy(
            daemon -> {
              assertThat(daemon.status()).isNotEqualTo(ProvisionerDaemonStatus.OFFLINE);
              assertThat(daemon.organizationId()).isEqualTo(org.id());
              assertThat(daemon.currentJob() == null)
                  .isEqualTo(!ProvisionerDaemonStatus.BUSY.equals(daemon.status()));
            });
    assertThat(all)
        .extracting(ProvisionerDaemon::id)
        .containsAll(online.stream().map(ProvisionerDaemon::id).toList());
    assertThat(all).isSortedAccordingTo((a, b) -> b.createdAt().compareTo(a.createdAt()));
  }

  // ---------------------------------------------------------------------------------------------

  private static ProvisionerJobSpec.Builder importJob(Organization org, String displayName) {
    return ProvisionerJobSpec.builder(ProvisionerJobType.TEMPLATE_VERSION_IMPORT)
        .organization(org.id())
        .template(UUID.randomUUID(), "tmpl")
        .templateDisplayName(displayName)
        .templateIcon("/icon.png");
  }

  private static ProvisionerDaemon only(
      Target target, Organization org, ProvisionerDaemonFilter filter) {
    List<ProvisionerDaemon> daemons = target.client().provisionerDaemons().list(org.id(), filter);
    assertThat(daemons).hasSize(1);
    return daemons.get(0);
  }

  private static List<UUID> ids(Target target, Organization org, ProvisionerDaemonFilter filter) {
    return target.client().provisionerDaemons().list(org.id(), filter).stream()
        .map(ProvisionerDaemon::id)
        .toList();
  }

  private static List<String> ids(JsonNode daemons) {
    List<String> ids = new ArrayList<>();
    daemons.forEach(daemon -> ids.add(daemon.path("id").asText()));
    return ids;
  }

  private static String daemonsPath(Organization org) {
    return "/api/v2/organizations/" + org.id() + "/provisionerdaemons";
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
