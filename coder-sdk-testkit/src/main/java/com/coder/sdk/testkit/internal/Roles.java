package com.coder.sdk.testkit.internal;

import com.coder.sdk.model.SlimRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Coder's built-in roles and their display names; the fake has no custom roles. */
public final class Roles {
  /** Site-wide roles that can be assigned to a user; {@code member} is implied for everyone. */
  public static final Map<String, String> SITE;

  /** Organization roles that can be assigned to a member. */
  public static final Map<String, String> ORGANIZATION;

  static {
    Map<String, String> site = new LinkedHashMap<>();
    site.put("owner", "Owner");
    site.put("template-admin", "Template Admin");
    site.put("user-admin", "User Admin");
    site.put("auditor", "Auditor");
    SITE = java.util.Collections.unmodifiableMap(site);

    Map<String, String> org = new LinkedHashMap<>();
    org.put("organization-admin", "Organization Admin");
    org.put("organization-member", "Organization Member");
    org.put("organization-auditor", "Organization Auditor");
    org.put("organization-template-admin", "Organization Template Admin");
    org.put("organization-user-admin", "Organization User Admin");
    org.put("organization-workspace-creation-ban", "Organization Workspace Creation Ban");
    org.put("organization-workspace-access", "Organization Workspace Access");
    ORGANIZATION = java.util.Collections.unmodifiableMap(org);
  }

  private Roles() {}

  /** Returns site roles as Coder lists them on users. */
  static List<SlimRole> site(List<String> names) {
    List<SlimRole> roles = new ArrayList<>();
    for (String name : names) {
      roles.add(new SlimRole(name, SITE.getOrDefault(name, ""), ""));
    }
    return roles;
  }

  /** Returns organization roles as Coder lists them on members. */
  static List<SlimRole> organization(List<String> names, UUID organization) {
    List<SlimRole> roles = new ArrayList<>();
    for (String name : names) {
      roles.add(new SlimRole(name, ORGANIZATION.getOrDefault(name, ""), organization.toString()));
    }
    return roles;
  }
}
