package com.coder.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.CoderClient;
import com.coder.sdk.ForbiddenException;
import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.ProvisionerJob;
import com.coder.sdk.model.ProvisionerJobStatus;
import com.coder.sdk.model.ProvisionerJobType;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

class FakeCoderExtensionTest {

  @Nested
  @FakeCoder
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class OneServerPerClass {
    private static final Set<FakeCoderServer> SEEN = new HashSet<>();
    private final FakeCoderServer fromConstructor;

    OneServerPerClass(FakeCoderServer coder) {
      this.fromConstructor = coder;
    }

    @Test
    @Order(1)
    void injectsServerAndClientForIt(FakeCoderServer coder, CoderClient client) {
      SEEN.add(coder);
      assertThat(coder).isSameAs(fromConstructor);
      assertThat(client.baseUrl().getPort()).isEqualTo(coder.url().getPort());
      client.organizations().create(CreateOrganizationRequest.builder("shared").build());
    }

    @Test
    @Order(2)
    void sharesTheServerAcrossMethods(FakeCoderServer coder) {
      SEEN.add(coder);
      assertThat(SEEN).hasSize(1);
      assertThat(coder.organizations().find("shared")).isPresent();
    }
  }

  @Nested
  @FakeCoder(perMethod = true, licensed = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class OneServerPerTest {
    private static final Set<FakeCoderServer> SEEN = new HashSet<>();

    @Test
    @Order(1)
    void startsUnlicensed(FakeCoderServer coder, CoderClient client) {
      SEEN.add(coder);
      assertThatThrownBy(
              () -> client.organizations().create(CreateOrganizationRequest.builder("x").build()))
          .isInstanceOf(ForbiddenException.class);
    }

    @Test
    @Order(2)
    void getsAFreshServer(FakeCoderServer coder) {
      SEEN.add(coder);
      assertThat(SEEN).hasSize(2);
    }

    @Test
    @Order(3)
    void drivesAJobThroughItsStates(FakeCoderServer coder, CoderClient client) {
      coder.provisionerDaemons().register("default", "builder-1");
      ProvisionerJob job =
          coder
              .provisionerJobs()
              .enqueue(ProvisionerJobSpec.builder(ProvisionerJobType.WORKSPACE_BUILD).build());
      assertThat(client.provisionerJobs().get("default", job.id()).status())
          .isEqualTo(ProvisionerJobStatus.PENDING);

      coder.provisionerJobs().acquire("builder-1");
      assertThat(client.provisionerJobs().get("default", job.id()).status())
          .isEqualTo(ProvisionerJobStatus.RUNNING);

      coder.provisionerJobs().complete(job.id());
      assertThat(client.provisionerJobs().get("default", job.id()).status())
          .isEqualTo(ProvisionerJobStatus.SUCCEEDED);
    }
  }
}
