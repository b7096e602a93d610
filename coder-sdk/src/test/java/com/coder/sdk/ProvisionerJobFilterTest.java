package com.coder.sdk;

import static com.coder.sdk.Fixtures.CANCELED_JOB;
import static com.coder.sdk.Fixtures.FAILED_JOB;
import static com.coder.sdk.Fixtures.OWNER;
import static com.coder.sdk.Fixtures.json;
import static com.coder.sdk.Fixtures.tree;
import static com.coder.sdk.model.ProvisionerJobStatus.CANCELED;
import static com.coder.sdk.model.ProvisionerJobStatus.FAILED;
import static com.coder.sdk.model.ProvisionerJobStatus.PENDING;
import static com.coder.sdk.model.ProvisionerJobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.coder.sdk.model.ProvisionerJobStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ProvisionerJobFilterTest extends MockServerTest {
  private static final String JOBS = "/api/v2/organizations/default/provisionerjobs";
  private static final String TWO_IDS =
      "ids=c75cde92-e8da-4daa-81b6-bff6c5a10c7c%2Cfe70212e-fe85-42ce-8b5e-b6c2d4440054";

  /** Sends a list call with {@code filter} and returns the request the server saw. */
  private RecordedRequest send(ProvisionerJobFilter filter) throws InterruptedException {
    enqueue(json("[]\n"));
    client.provisionerJobs().list("default", filter);
    RecordedRequest request = takeRequest();
    String query = request.getUrl().encodedQuery();
    assertCall(request, "GET", query == null ? JOBS : JOBS + "?" + query);
    return request;
  }

  @Test
  void emptyFilterSendsNoQueryAtAll() throws Exception {
    RecordedRequest request = send(ProvisionerJobFilter.builder().build());

    assertThat(request.getTarget()).isEqualTo(JOBS);
    assertThat(ProvisionerJobFilter.builder().build()).isEqualTo(ProvisionerJobFilter.none());
  }

  @Test
  void statusesGoInOneCommaSeparatedParameterInOrderWithoutDuplicates() throws Exception {
    ProvisionerJobFilter filter =
        ProvisionerJobFilter.builder().status(RUNNING, PENDING).status(RUNNING, FAILED).build();

    RecordedRequest request = send(filter);

    HttpUrl url = request.getUrl();
    assertThat(url.queryParameterNames()).containsExactly("status");
    assertThat(url.queryParameterValues("status")).containsExactly("running,pending,failed");
    assertThat(request.getTarget()).isEqualTo(JOBS + "?status=running%2Cpending%2Cfailed");
  }

  @Test
  void singleStatusIsSentAsIs() throws Exception {
    RecordedRequest request = send(ProvisionerJobFilter.builder().status(CANCELED).build());

    assertThat(request.getTarget()).isEqualTo(JOBS + "?status=canceled");
  }

  @Test
  void statusFromANewerServerCanBeFilteredOn() throws Exception {
    RecordedRequest request =
        send(ProvisionerJobFilter.builder().status(ProvisionerJobStatus.of("paused")).build());

    assertThat(request.getTarget()).isEqualTo(JOBS + "?status=paused");
  }

  @Test
  void tagsAreOneUrlEncodedJsonObject() throws Exception {
    RecordedRequest request =
        send(ProvisionerJobFilter.builder().tag("scope", "organization").build());

    assertThat(request.getTarget())
        .isEqualTo(JOBS + "?tags=%7B%22scope%22%3A%22organization%22%7D");
    assertThat(request.getUrl().queryParameter("tags")).isEqualTo("{\"scope\":\"organization\"}");
  }

  @Test
  void tagValuesWithSpecialCharactersSurviveJsonAndUrlEncoding() throws Exception {
    Map<String, String> more = new LinkedHashMap<>();
    more.put("région", "eu west & \"north\"");
    more.put("query", "a=b?c#d/e+f");
    RecordedRequest request =
        send(
            ProvisionerJobFilter.builder()
                .tag("owner", "")
                .tag("scope", "user")
                .tags(more)
                .tag("scope", "organization")
                .build());

    HttpUrl url = request.getUrl();
    assertThat(url.queryParameterNames()).containsExactly("tags");
    assertThat(tree(url.queryParameter("tags")))
        .isEqualTo(
            tree(
                "{\"owner\":\"\",\"scope\":\"organization\","
                    + "\"région\":\"eu west & \\\"north\\\"\",\"query\":\"a=b?c#d/e+f\"}"));
    String rawQuery = url.encodedQuery();
    assertThat(rawQuery).startsWith("tags=%7B%22owner%22%3A%22%22%2C%22scope%22");
    assertThat(rawQuery.substring("tags=".length())).doesNotContain("&", "=", "#", "+", " ", "\"");
  }

  @Test
  void idsAreCommaSeparatedWithoutDuplicates() throws Exception {
    RecordedRequest request =
        send(ProvisionerJobFilter.builder().ids(FAILED_JOB, CANCELED_JOB).ids(FAILED_JOB).build());

    assertThat(request.getUrl().queryParameterValues("ids"))
        .containsExactly(FAILED_JOB + "," + CANCELED_JOB);
    assertThat(request.getTarget()).isEqualTo(JOBS + "?" + TWO_IDS);
  }

  @Test
  void initiatorIsTheUserId() throws Exception {
    RecordedRequest request = send(ProvisionerJobFilter.builder().initiator(OWNER).build());

    assertThat(request.getTarget())
        .isEqualTo(JOBS + "?initiator=d941e028-5ca4-4925-b174-f72efab4d8a9");
  }

  @Test
  void limitIsSentAsANumber() throws Exception {
    RecordedRequest request = send(ProvisionerJobFilter.builder().limit(25).build());

    assertThat(request.getTarget()).isEqualTo(JOBS + "?limit=25");
  }

  @Test
  void noLimitSendsZero() throws Exception {
    RecordedRequest request = send(ProvisionerJobFilter.builder().limit(25).noLimit().build());

    assertThat(request.getTarget()).isEqualTo(JOBS + "?limit=0");
  }

  @Test
  void everyCriterionTogetherIsSentInAlphabeticalOrder() throws Exception {
    RecordedRequest request =
        send(
            ProvisionerJobFilter.builder()
                .tag("scope", "organization")
                .status(PENDING, RUNNING)
                .limit(200)
                .initiator(OWNER)
                .ids(FAILED_JOB, CANCELED_JOB)
                .build());

    assertThat(request.getUrl().queryParameterNames())
        .containsExactly("ids", "initiator", "limit", "status", "tags");
    assertThat(request.getTarget())
        .isEqualTo(
            JOBS
                + "?"
                + TWO_IDS
                + "&initiator=d941e028-5ca4-4925-b174-f72efab4d8a9"
                + "&limit=200"
                + "&status=pending%2Crunning"
                + "&tags=%7B%22scope%22%3A%22organization%22%7D");
  }

  @Test
  void limitBelowOneIsRefused() {
    assertThatThrownBy(() -> ProvisionerJobFilter.builder().limit(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be at least 1, was 0");
    assertThatThrownBy(() -> ProvisionerJobFilter.builder().limit(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be at least 1, was -5");
  }

  @Test
  void nullAndEmptyTagPartsAreRefused() {
    ProvisionerJobFilter.Builder builder = ProvisionerJobFilter.builder();

    assertThatThrownBy(() -> builder.tag(null, "organization"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("tag key == null");
    assertThatThrownBy(() -> builder.tag("scope", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of tag \"scope\" == null");
    assertThatThrownBy(() -> builder.tag("", "organization"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tag key is empty");
    assertThatThrownBy(() -> builder.tags(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("tags == null");
    Map<String, String> withNull = new HashMap<>();
    withNull.put("scope", null);
    assertThatThrownBy(() -> builder.tags(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of tag \"scope\" == null");
    assertThat(builder.build().tags()).isEmpty();
  }

  @Test
  void statusesNoJobCanHaveAreRefused() {
    assertThatThrownBy(() -> ProvisionerJobFilter.builder().status(ProvisionerJobStatus.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot filter by status \"unknown\"; use one of "
                + "[pending, running, succeeded, canceling, canceled, failed]");
    assertThatThrownBy(() -> ProvisionerJobFilter.builder().status(ProvisionerJobStatus.of(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot filter by status \" \"");
    assertThatThrownBy(
            () -> ProvisionerJobFilter.builder().status(ProvisionerJobStatus.of("pending,failed")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot filter by status \"pending,failed\"");
  }

  @Test
  void nullArraysAndElementsAreRefused() {
    ProvisionerJobFilter.Builder builder = ProvisionerJobFilter.builder();

    assertThatThrownBy(() -> builder.status((ProvisionerJobStatus[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("statuses == null");
    assertThatThrownBy(() -> builder.status(PENDING, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("statuses contains null");
    assertThatThrownBy(() -> builder.ids((UUID[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ids == null");
    assertThatThrownBy(() -> builder.ids(FAILED_JOB, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ids contains null");
    assertThatThrownBy(() -> builder.initiator(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("userId == null");
  }

  @Test
  void filterIsAnImmutableValue() {
    ProvisionerJobFilter.Builder builder =
        ProvisionerJobFilter.builder()
            .status(FAILED)
            .tag("scope", "organization")
            .ids(FAILED_JOB)
            .initiator(OWNER)
            .limit(10);
    ProvisionerJobFilter filter = builder.build();
    builder.status(PENDING).tag("owner", "").ids(CANCELED_JOB).noLimit();

    assertThat(filter.statuses()).containsExactly(FAILED);
    assertThat(filter.tags()).containsExactly(entry("scope", "organization"));
    assertThat(filter.ids()).containsExactly(FAILED_JOB);
    assertThat(filter.initiator()).contains(OWNER);
    assertThat(filter.limit()).hasValue(10);
    assertThatThrownBy(() -> filter.statuses().add(PENDING))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> filter.tags().put("owner", ""))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> filter.ids().add(CANCELED_JOB))
        .isInstanceOf(UnsupportedOperationException.class);

    assertThat(filter.toBuilder().build()).isEqualTo(filter).hasSameHashCodeAs(filter);
    assertThat(filter).isNotEqualTo(builder.build());
    assertThat(filter.toString())
        .isEqualTo(
            "ProvisionerJobFilter{statuses=[failed], tags={scope=organization}, ids=["
                + FAILED_JOB
                + "], initiator="
                + OWNER
                + ", limit=10}");

    ProvisionerJobFilter none = ProvisionerJobFilter.none();
    assertThat(none.statuses()).isEmpty();
    assertThat(none.tags()).isEmpty();
    assertThat(none.ids()).isEmpty();
    assertThat(none.initiator()).isEmpty();
    assertThat(none.limit()).isEmpty();
  }
}
