package com.coder.sdk.testkit.internal;

import com.coder.sdk.model.Entitlement;
import com.coder.sdk.model.Entitlements;
import com.coder.sdk.model.Feature;
import com.coder.sdk.model.UsagePeriod;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Computes a deployment's entitlements from its licenses with the rules of Coder's enterprise
 * server: every known feature starts as {@code not_entitled}; each license in force grants its
 * feature set and its a-la-carte features ({@code entitled}, or {@code grace_period} once {@code
 * license_expires} has passed); the better grant wins when licenses overlap; warnings name features
 * the deployment uses without a grant, expired grants, a user count above the limit, and a license
 * term about to end. Licenses past {@code exp} are ignored, as Coder's query leaves them out.
 */
public final class EntitlementsCalculator {
  /** The feature names of the Coder release the fake imitates, in Coder's order. */
  public static final List<String> FEATURES =
      List.of(
          "user_limit",
          "audit_log",
          "connection_log",
          "browser_only",
          "scim",
          "template_rbac",
          "high_availability",
          "multiple_external_auth",
          "external_provisioner_daemons",
          "appearance",
          "advanced_template_scheduling",
          "workspace_proxy",
          "user_role_management",
          "external_token_encryption",
          "workspace_batch_actions",
          "access_control",
          "control_shared_ports",
          "custom_roles",
          "multiple_organizations",
          "workspace_prebuilds",
          "managed_agent_limit");

  /** Features a license turns on by itself, whatever the deployment's configuration says. */
  private static final Set<String> ALWAYS_ENABLED =
      Set.of(
          "multiple_external_auth",
          "external_provisioner_daemons",
          "appearance",
          "workspace_batch_actions",
          "high_availability",
          "custom_roles",
          "multiple_organizations",
          "workspace_prebuilds");

  /** Features the fake's configuration uses, as a default Coder deployment does. */
  private static final Set<String> CONFIGURED =
      Set.of(
          "audit_log",
          "connection_log",
          "template_rbac",
          "external_provisioner_daemons",
          "advanced_template_scheduling",
          "workspace_proxy",
          "user_role_management",
          "access_control",
          "control_shared_ports");

  /** Features outside the {@code enterprise} feature set; {@code premium} has them all. */
  private static final Set<String> PREMIUM_ONLY = Set.of("multiple_organizations", "custom_roles");

  private static final Set<String> OWN_WARNINGS =
      Set.of("user_limit", "high_availability", "multiple_external_auth", "managed_agent_limit");

  /** The managed agent allowance Coder grants every premium license that names none. */
  private static final long DEFAULT_MANAGED_AGENTS = 1000;

  private static final Instant DEFAULT_MANAGED_AGENTS_ISSUED =
      Instant.parse("2025-07-01T00:00:00Z");
  private static final Instant DEFAULT_MANAGED_AGENTS_END = Instant.parse("2125-07-01T00:00:00Z");
  private static final Duration MAX_TERM = Duration.ofDays(5 * 365);

  private EntitlementsCalculator() {}

  /** A stored license as the calculation needs it. */
  public record License(String uuid, JsonNode claims) {}

  /**
   * Returns the entitlements at {@code now}.
   *
   * @param licenses the stored licenses, oldest first
   * @param activeUsers the number of active users, the {@code actual} of {@code user_limit}
   * @param refreshedAt the time to report as {@code refreshed_at}
   */
  public static Entitlements compute(
      List<License> licenses, Instant now, long activeUsers, Instant refreshedAt) {
    Map<String, Grant> features = new LinkedHashMap<>();
    for (String name : FEATURES) {
      features.put(name, new Grant(-1, CONFIGURED.contains(name), null, null, null));
    }
    features.put("user_limit", new Grant(-1, false, null, activeUsers, null));

    List<String> warnings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<Instant[]> terms = new ArrayList<>();
    boolean hasLicense = false;
    boolean trial = false;
    boolean requireTelemetry = false;
    Grant userLimit = null;

    for (License license : licenses) {
      JsonNode claims = license.claims();
      Instant expires = LicenseAuthority.instantClaim(claims, "exp");
      if (expires != null && !now.isBefore(expires)) {
        continue;
      }
      String problem = claimsProblem(claims, now);
      if (problem != null) {
        errors.add("Invalid license (" + license.uuid() + ") parsing claims: " + problem);
        continue;
      }
      Instant notBefore = LicenseAuthority.instantClaim(claims, "nbf");
      Instant termEnd = LicenseAuthority.instantClaim(claims, "license_expires");
      terms.add(new Instant[] {notBefore, termEnd});
      if (now.isBefore(notBefore)) {
        // Not valid yet: it extends the licensed period but grants nothing today.
        continue;
      }

      hasLicense = true;
      requireTelemetry |= claims.path("require_telemetry").asBoolean(false);
      trial = claims.path("trial").asBoolean(false);
      int weight = now.isAfter(termEnd) ? 1 : 2;

      String featureSet = claims.path("feature_set").asText("").toLowerCase(Locale.ROOT);
      if (featureSet.isEmpty() && claims.path("all_features").asBoolean(false)) {
        featureSet = "enterprise";
      }
      if (featureSet.equals("premium")) {
        add(
            features,
            "managed_agent_limit",
            new Grant(
                weight,
                true,
                DEFAULT_MANAGED_AGENTS,
                null,
                new UsagePeriod(
                    DEFAULT_MANAGED_AGENTS_ISSUED,
                    DEFAULT_MANAGED_AGENTS_ISSUED,
                    DEFAULT_MANAGED_AGENTS_END)));
      }
      if (featureSet.equals("premium") || featureSet.equals("enterprise")) {
        for (String name : FEATURES) {
          boolean limited = name.equals("user_limit") || name.equals("managed_agent_limit");
          if (!limited && (featureSet.equals("premium") || !PREMIUM_ONLY.contains(name))) {
            add(features, name, new Grant(weight, enabledWhenGranted(name), null, null, null));
          }
        }
      }

      JsonNode granted = claims.path("features");
      for (Iterator<Map.Entry<String, JsonNode>> it = granted.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String name = entry.getKey();
        long value = entry.getValue().asLong(0);
        if (name.equals("managed_agent_limit_soft")) {
          name = "managed_agent_limit";
        }
        if (value < 0 || !FEATURES.contains(name)) {
          continue;
        }
        if (name.equals("managed_agent_limit")) {
          Instant issued = LicenseAuthority.instantClaim(claims, "iat");
          add(
              features,
              name,
              new Grant(
                  weight, value > 0, value, null, new UsagePeriod(issued, notBefore, expires)));
        } else if (name.equals("user_limit")) {
          if (value > 0) {
            Grant candidate = new Grant(weight, true, value, activeUsers, null);
            if (userLimit == null || candidate.compareTo(userLimit) > 0) {
              userLimit = candidate;
            }
          }
        } else if (value > 0) {
          features.put(name, new Grant(weight, enabledWhenGranted(name), null, null, null));
        }
      }
    }
    if (userLimit != null) {
      features.put("user_limit", userLimit);
    }

    expiryWarning(terms, now, trial, warnings);
    Grant agents = seeded(features, "managed_agent_limit");
    if (hasLicense && agents.usagePeriod != null) {
      features.put(
          "managed_agent_limit",
          new Grant(agents.weight, agents.enabled, agents.limit, 0L, agents.usagePeriod));
    }
    if (hasLicense) {
      usageWarnings(features, activeUsers, warnings);
    }

    Map<String, Feature> result = new TreeMap<>();
    features.forEach((name, grant) -> result.put(name, grant.toFeature()));
    return new Entitlements(
        result, warnings, errors, hasLicense, trial, requireTelemetry, refreshedAt);
  }

  private static void usageWarnings(
      Map<String, Grant> features, long activeUsers, List<String> warnings) {
    Grant users = seeded(features, "user_limit");
    if (users.limit != null && activeUsers > users.limit) {
      warnings.add(
          "Your deployment has "
              + activeUsers
              + " active users but is only licensed for "
              + users.limit
              + ".");
    } else if (users.limit != null && users.weight == 1) {
      warnings.add(
          "Your deployment has "
              + activeUsers
              + " active users but the license with the limit "
              + users.limit
              + " is expired.");
    }
    for (String name : FEATURES) {
      Grant grant = seeded(features, name);
      if (OWN_WARNINGS.contains(name) || !grant.enabled) {
        continue;
      }
      if (grant.weight < 0) {
        warnings.add(
            humanize(name) + " is enabled but your license is not entitled to this " + "feature.");
      } else if (grant.weight == 1) {
        warnings.add(humanize(name) + " is enabled but your license for this feature is expired.");
      }
    }
  }

  /** One warning when the licensed period that includes now ends within 30 days (7 for trials). */
  private static void expiryWarning(
      List<Instant[]> terms, Instant now, boolean trial, List<String> warnings) {
    if (terms.isEmpty()) {
      return;
    }
    List<Instant[]> sorted = new ArrayList<>(terms);
    sorted.sort(Comparator.comparing((Instant[] term) -> term[0]));
    Instant end = sorted.get(0)[1];
    for (Instant[] term : sorted.subList(1, sorted.size())) {
      if (term[0].isAfter(end)) {
        break;
      }
      if (term[1].isAfter(end)) {
        end = term[1];
      }
    }
    long days = (long) Math.ceil(Duration.between(now, end).toMillis() / 86_400_000.0);
    if (days > 0 && days < (trial ? 7 : 30)) {
      warnings.add("Your license expires in " + days + (days > 1 ? " days." : " day."));
    }
  }

  /** Returns why Coder would refuse to read these claims, or null when it reads them. */
  private static @Nullable String claimsProblem(JsonNode claims, Instant now) {
    if (claims.path("version").asLong(0) != 3) {
      return "license must be version 3";
    }
    if (LicenseAuthority.instantClaim(claims, "iat") == null) {
      return "license has invalid or missing iat (issued at) claim";
    }
    if (LicenseAuthority.instantClaim(claims, "nbf") == null) {
      return "license has invalid or missing nbf (not before) claim";
    }
    Instant termEnd = LicenseAuthority.instantClaim(claims, "license_expires");
    if (termEnd == null || termEnd.isAfter(now.plus(MAX_TERM))) {
      return "license has invalid or missing license_expires claim";
    }
    if (LicenseAuthority.instantClaim(claims, "exp") == null) {
      return "license has invalid or missing exp (expires at) claim";
    }
    if (claims.path("account_type").asText("").isEmpty()) {
      return "license must contain valid account type";
    }
    if (claims.path("account_id").asText("").isEmpty()) {
      return "license must contain valid account ID";
    }
    return null;
  }

  private static boolean enabledWhenGranted(String name) {
    return CONFIGURED.contains(name) || ALWAYS_ENABLED.contains(name);
  }

  /** Returns the grant of a feature or the user limit, which {@link #compute} seeds first. */
  private static Grant seeded(Map<String, Grant> features, String name) {
    Grant grant = features.get(name);
    if (grant == null) {
      throw new IllegalStateException("no grant was seeded for " + name);
    }
    return grant;
  }

  /** Keeps the better of two grants of a feature, as Coder merges licenses. */
  private static void add(Map<String, Grant> features, String name, Grant grant) {
    Grant existing = features.get(name);
    if (existing == null || grant.compareTo(existing) > 0) {
      features.put(name, grant);
    }
  }

  /** Coder's human name of a feature: words in title case, with two acronyms. */
  public static String humanize(String feature) {
    if (feature.equals("template_rbac")) {
      return "Template RBAC";
    }
    if (feature.equals("scim")) {
      return "SCIM";
    }
    StringBuilder out = new StringBuilder();
    for (String word : feature.split("_")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }

  /** A feature as one license grants it; weight 2 entitled, 1 grace period, -1 not entitled. */
  private static final class Grant implements Comparable<Grant> {
    final int weight;
    final boolean enabled;
    final @Nullable Long limit;
    final @Nullable Long actual;
    final @Nullable UsagePeriod usagePeriod;

    Grant(
        int weight,
        boolean enabled,
        @Nullable Long limit,
        @Nullable Long actual,
        @Nullable UsagePeriod usagePeriod) {
      this.weight = weight;
      this.enabled = enabled;
      this.limit = limit;
      this.actual = actual;
      this.usagePeriod = usagePeriod;
    }

    boolean capable() {
      return limit == null || actual == null || limit >= actual;
    }

    /** Coder's order of grants: within the limit, then entitlement, limit, enabled, actual. */
    @Override
    public int compareTo(Grant other) {
      if ((!capable() || !other.capable())
          && weight >= 0
          && other.weight >= 0
          && capable() != other.capable()) {
        return capable() ? 1 : -1;
      }
      if (weight != other.weight) {
        return Integer.compare(weight, other.weight);
      }
      int byLimit = compareNullable(limit, other.limit);
      if (byLimit != 0) {
        return byLimit;
      }
      if (enabled != other.enabled) {
        return enabled ? 1 : -1;
      }
      return compareNullable(actual, other.actual);
    }

    private static int compareNullable(@Nullable Long a, @Nullable Long b) {
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : -1) : 1;
      }
      return Long.compare(a, b);
    }

    Feature toFeature() {
      Entitlement entitlement =
          weight == 2
              ? Entitlement.ENTITLED
              : weight == 1 ? Entitlement.GRACE_PERIOD : Entitlement.NOT_ENTITLED;
      // Coder turns off every feature no license grants, whatever the configuration says.
      boolean on = weight > 0 && enabled;
      return new Feature(entitlement, on, limit, actual, null, null, null, usagePeriod);
    }
  }
}
