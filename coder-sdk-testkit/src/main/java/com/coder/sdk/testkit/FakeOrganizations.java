package com.coder.sdk.testkit;

import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.OrganizationMemberWithUserData;
import com.coder.sdk.testkit.internal.Names;
import com.coder.sdk.testkit.internal.Store;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The organizations of a {@link FakeCoderServer}, seeded straight into its store without HTTP and
 * without the license gate. Get it from {@link FakeCoderServer#organizations()}.
 *
 * <pre>{@code
 * Organization platform = coder.organizations().create(
 *     CreateOrganizationRequest.builder("data-platform").displayName("Data Platform").build());
 * }</pre>
 *
 * <p>The default organization, {@code coder}, exists from the start. Thread-safe.
 */
public final class FakeOrganizations {
  private final Store store;

  FakeOrganizations(Store store) {
    this.store = store;
  }

  /**
   * Creates an organization by Coder's rules: the display name defaults to the name, and the owner
   * becomes its only member, without organization roles.
   *
   * @param request the name and optional fields, as a client would send them
   * @return the organization as the API shows it
   * @throws IllegalArgumentException if the server would refuse the name or display name (format,
   *     {@code default}, or taken ignoring case)
   */
  public Organization create(CreateOrganizationRequest request) {
    Objects.requireNonNull(request, "request == null");
    if (!Names.isValidName(request.name()) || request.name().equals("default")) {
      throw new IllegalArgumentException(
          "Coder refuses the organization name \""
              + request.name()
              + "\": use 1 to 32 ASCII "
              + "letters, digits and single hyphens, not default, new or create");
    }
    if (!Names.isValidDisplayName(request.displayName())) {
      throw new IllegalArgumentException(
          "Coder refuses the display name \""
              + request.displayName()
              + "\": at most 64 "
              + "characters, no leading or trailing whitespace");
    }
    try {
      return store.insertOrganization(
          request.name(), request.displayName(), request.description(), request.icon());
    } catch (Store.NameTakenException e) {
      throw new IllegalArgumentException(
          "an organization named \"" + request.name() + "\" exists (names ignore case)", e);
    }
  }

  /**
   * Creates an organization with only a name; see {@link #create(CreateOrganizationRequest)}.
   *
   * @param name the organization's unique name
   * @return the organization as the API shows it
   * @throws IllegalArgumentException if the server would refuse the name, or it is taken ignoring
   *     case
   */
  public Organization create(String name) {
    return create(CreateOrganizationRequest.builder(name).build());
  }

  /**
   * Finds an organization as the API's path parameter does: by ID, by name ignoring case, or {@code
   * default}. Deleted organizations are not found.
   *
   * @param reference an organization ID, name, or {@code default}
   * @return the organization, or empty if none matches
   */
  public Optional<Organization> find(String reference) {
    return store.findOrganization(Objects.requireNonNull(reference, "reference == null"));
  }

  /**
   * {@return an organization; see {@link #find(String)}}
   *
   * @param reference an organization ID, name, or {@code default}
   * @throws IllegalArgumentException if there is none
   */
  public Organization get(String reference) {
    return find(reference)
        .orElseThrow(() -> new IllegalArgumentException("no organization \"" + reference + "\""));
  }

  /** {@return the organizations that are not deleted, default first, then by creation} */
  public List<Organization> list() {
    return store.organizations();
  }

  /**
   * {@return an organization's members with their users' profiles, in the order they joined}
   *
   * @param reference an organization ID, name, or {@code default}
   * @throws IllegalArgumentException if there is no such organization
   */
  public List<OrganizationMemberWithUserData> members(String reference) {
    return store.members(get(reference).id());
  }

  /** {@return the default organization, named {@code coder}} */
  public Organization defaultOrganization() {
    return store.defaultOrganization();
  }
}
