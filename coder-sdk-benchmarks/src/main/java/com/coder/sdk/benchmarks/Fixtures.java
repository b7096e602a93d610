package com.coder.sdk.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/** Realistic Coder JSON, generated deterministically: every field of a job is set. */
public final class Fixtures {
  /** The organization every generated job belongs to. */
  public static final UUID ORGANIZATION = UUID.fromString("7c60d51f-b44e-4682-87d6-449835ea4de6");

  private static final String[] STATUSES = {
    "pending", "running", "succeeded", "failed", "canceled"
  };
  private static final String[] TYPES = {
    "workspace_build", "template_version_import", "template_version_dry_run"
  };

  private Fixtures() {}

  /** Returns a JSON array of {@code count} provisioner jobs as the server writes it. */
  public static byte[] jobs(int count) {
    Random random = new Random(count);
    StringBuilder json = new StringBuilder(count * 1400 + 2).append('[');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.append(',');
      }
      appendJob(json, random, i);
    }
    return json.append("]\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Returns one organization as the server writes it. */
  public static byte[] organization() {
    return ("{\"id\":\""
            + ORGANIZATION
            + "\",\"name\":\"data-platform\","
            + "\"display_name\":\"Data Platform\",\"description\":\"Pipelines and notebooks\","
            + "\"icon\":\"/emojis/1f957.png\",\"created_at\":\"2025-01-02T03:04:05.123456Z\","
            + "\"updated_at\":\"2025-02-03T04:05:06.654321Z\",\"is_default\":false,"
            + "\"default_org_member_roles\":[\"organization-workspace-access\"]}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void appendJob(StringBuilder json, Random random, int index) {
    Instant created =
        Instant.parse("2025-06-01T00:00:00Z").plusNanos(random.nextLong() & 0xFFFFFFFFFFFL);
    String status = STATUSES[index % STATUSES.length];
    String type = TYPES[index % TYPES.length];
    json.append("{\"id\":\"")
        .append(uuid(random))
        .append('"')
        .append(",\"created_at\":\"")
        .append(created)
        .append('"')
        .append(",\"started_at\":\"")
        .append(created.plusMillis(1500))
        .append('"')
        .append(",\"completed_at\":\"")
        .append(created.plusSeconds(95))
        .append('"')
        .append(",\"canceled_at\":\"")
        .append(created.plusSeconds(90))
        .append('"')
        .append(",\"error\":\"terraform apply: exit status 1\"")
        .append(",\"error_code\":\"REQUIRED_TEMPLATE_VARIABLES\"")
        .append(",\"status\":\"")
        .append(status)
        .append('"')
        .append(",\"worker_id\":\"")
        .append(uuid(random))
        .append('"')
        .append(",\"worker_name\":\"provisioner-")
        .append(index % 7)
        .append('"')
        .append(",\"file_id\":\"")
        .append(uuid(random))
        .append('"')
        .append(",\"tags\":{\"owner\":\"\",\"scope\":\"organization\",\"region\":\"eu-west-")
        .append(index % 3)
        .append("\",\"gpu\":\"false\"}")
        .append(",\"queue_position\":")
        .append(index % 11)
        .append(",\"queue_size\":11")
        .append(",\"organization_id\":\"")
        .append(ORGANIZATION)
        .append('"')
        .append(",\"initiator_id\":\"")
        .append(uuid(random))
        .append('"')
        .append(",\"input\":{\"template_version_id\":\"")
        .append(uuid(random))
        .append("\",\"workspace_build_id\":\"")
        .append(uuid(random))
        .append("\"}")
        .append(",\"type\":\"")
        .append(type)
        .append('"')
        .append(",\"available_workers\":[\"")
        .append(uuid(random))
        .append("\",\"")
        .append(uuid(random))
        .append("\"]")
        .append(",\"metadata\":{\"template_version_name\":\"v")
        .append(index % 40)
        .append("\",\"template_id\":\"")
        .append(uuid(random))
        .append("\",\"template_name\":\"kubernetes-dev\",\"template_display_name\":\"Kubernetes")
        .append(" (dev)\",\"template_icon\":\"/icon/k8s.png\",\"workspace_id\":\"")
        .append(uuid(random))
        .append("\",\"workspace_name\":\"ws-")
        .append(index)
        .append("\",\"workspace_build_transition\":\"start\"}")
        .append(",\"logs_overflowed\":false}");
  }

  private static UUID uuid(Random random) {
    return new UUID(random.nextLong(), random.nextLong());
  }
}
