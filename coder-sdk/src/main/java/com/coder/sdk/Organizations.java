package com.coder.sdk;

import com.coder.sdk.internal.ApiRequest;
import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.model.CreateOrganizationRequest;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.Response;
import com.coder.sdk.model.UpdateOrganizationRequest;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The organizations of the deployment: {@code /api/v2/organizations}. Get one from {@link
 * CoderClient#organizations()}.
 *
 * <p>An organization is named by its ID, by its name (matched ignoring case), or by {@code
 * "default"} for the default organization. Reads work on every Coder build; creating, updating and
 * deleting need a deployment licensed for multiple organizations, and otherwise fail with {@link
 * ForbiddenException}.
 *
 * <pre>{@code
 * Organization org = client.organizations().create(
 *     CreateOrganizationRequest.builder("data-platform").displayName("Data Platform").build());
 * client.organizations().update(org.id(),
 *     UpdateOrganizationRequest.builder().description("Pipelines and notebooks").build());
 * }</pre>
 *
 * <p>Thread-safe. Every method throws {@link CoderApiException} (or a subclass) when the server
 * refuses the call, and {@link CoderTransportException} when it cannot be reached. Each has an
 * {@code ...Async} sibling that runs the same call through OkHttp's dispatcher and returns a {@link
 * CompletableFuture} failing with those exceptions instead; cancelling the future cancels the HTTP
 * call.
 */
public final class Organizations {
  private final HttpPipeline http;

  Organizations(HttpPipeline http) {
    this.http = http;
  }

  /**
   * Lists the organizations the caller may read: all of them for an owner, the caller's own for a
   * member. Sends {@code GET /api/v2/organizations}.
   *
   * @return the organizations, in the server's order
   */
  public List<Organization> list() {
    return http.callForList(ApiRequest.get("organizations"), Organization.class);
  }

  /**
   * Lists organizations without blocking; see {@link #list()}.
   *
   * @return a future of the organizations, in the server's order
   */
  public CompletableFuture<List<Organization>> listAsync() {
    return http.callForListAsync(ApiRequest.get("organizations"), Organization.class);
  }

  /**
   * Gets an organization by ID, name or {@code "default"}. Sends {@code GET
   * /api/v2/organizations/{organization}}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @return the organization
   * @throws NotFoundException if it does not exist or the caller may not read it
   */
  public Organization get(String organization) {
    return http.call(getRequest(organization), Organization.class);
  }

  /**
   * Gets an organization by ID; see {@link #get(String)}.
   *
   * @param organization the organization's ID
   * @return the organization
   */
  public Organization get(UUID organization) {
    return get(Arguments.organization(organization));
  }

  /**
   * Gets an organization without blocking; see {@link #get(String)}. Arguments are checked at once,
   * so a bad one throws instead of failing the future.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @return a future of the organization; it fails with the exceptions {@link #get(String)} throws
   */
  public CompletableFuture<Organization> getAsync(String organization) {
    return http.callAsync(getRequest(organization), Organization.class);
  }

  /**
   * Gets an organization by ID without blocking; see {@link #get(String)}.
   *
   * @param organization the organization's ID
   * @return a future of the organization
   */
  public CompletableFuture<Organization> getAsync(UUID organization) {
    return getAsync(Arguments.organization(organization));
  }

  /**
   * Creates an organization; the caller becomes its first member. Sends {@code POST
   * /api/v2/organizations}.
   *
   * @param request the name and optional fields of the new organization
   * @return the organization as created
   * @throws BadRequestException if the server rejects a field ({@link
   *     CoderApiException#validations()} names it) or the name is {@code default}
   * @throws ConflictException if an organization with that name exists (ignoring case)
   * @throws ForbiddenException if the caller may not create organizations, or the deployment is not
   *     licensed for multiple organizations
   */
  public Organization create(CreateOrganizationRequest request) {
    return http.call(createRequest(request), Organization.class);
  }

  /**
   * Creates an organization without blocking; see {@link #create(CreateOrganizationRequest)}. The
   * request is sent once: it is repeated only if the connection could not be opened.
   *
   * @param request the name and optional fields of the new organization
   * @return a future of the organization as created; it fails with the exceptions {@link
   *     #create(CreateOrganizationRequest)} throws
   */
  public CompletableFuture<Organization> createAsync(CreateOrganizationRequest request) {
    return http.callAsync(createRequest(request), Organization.class);
  }

  /**
   * Changes the fields set in {@code request} and leaves the rest as they are. Sends {@code PATCH
   * /api/v2/organizations/{organization}}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param request the fields to change
   * @return the organization after the change
   * @throws ConflictException if the new name is taken
   * @throws ForbiddenException if the deployment is not licensed for multiple organizations (the
   *     server checks this before it looks the organization up) or the caller lacks permission
   * @throws NotFoundException if the organization does not exist
   */
  public Organization update(String organization, UpdateOrganizationRequest request) {
    return http.call(updateRequest(organization, request), Organization.class);
  }

  /**
   * Changes an organization named by ID; see {@link #update(String, UpdateOrganizationRequest)}.
   *
   * @param organization the organization's ID
   * @param request the fields to change
   * @return the organization after the change
   */
  public Organization update(UUID organization, UpdateOrganizationRequest request) {
    return update(Arguments.organization(organization), request);
  }

  /**
   * Changes an organization without blocking; see {@link #update(String,
   * UpdateOrganizationRequest)}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @param request the fields to change
   * @return a future of the organization after the change; it fails with the exceptions {@link
   *     #update(String, UpdateOrganizationRequest)} throws
   */
  public CompletableFuture<Organization> updateAsync(
      String organization, UpdateOrganizationRequest request) {
    return http.callAsync(updateRequest(organization, request), Organization.class);
  }

  /**
   * Changes an organization named by ID without blocking; see {@link #update(String,
   * UpdateOrganizationRequest)}.
   *
   * @param organization the organization's ID
   * @param request the fields to change
   * @return a future of the organization after the change
   */
  public CompletableFuture<Organization> updateAsync(
      UUID organization, UpdateOrganizationRequest request) {
    return updateAsync(Arguments.organization(organization), request);
  }

  /**
   * Deletes an organization. Sends {@code DELETE /api/v2/organizations/{organization}}.
   *
   * <p>The server refuses while the organization still has workspaces, templates, members other
   * than one, groups other than {@code Everyone}, or provisioner keys: it answers 500 and {@link
   * CoderApiException#detail()} counts what is left.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @return the server's confirmation message
   * @throws BadRequestException for the default organization, which cannot be deleted
   * @throws ServerErrorException while resources remain in the organization
   */
  public Response delete(String organization) {
    return http.callForMessage(deleteRequest(organization));
  }

  /**
   * Deletes an organization named by ID; see {@link #delete(String)}.
   *
   * @param organization the organization's ID
   * @return the server's confirmation message
   */
  public Response delete(UUID organization) {
    return delete(Arguments.organization(organization));
  }

  /**
   * Deletes an organization without blocking; see {@link #delete(String)}.
   *
   * @param organization an organization ID, name, or {@code "default"}
   * @return a future of the server's confirmation message; it fails with the exceptions {@link
   *     #delete(String)} throws
   */
  public CompletableFuture<Response> deleteAsync(String organization) {
    return http.callForMessageAsync(deleteRequest(organization));
  }

  /**
   * Deletes an organization named by ID without blocking; see {@link #delete(String)}.
   *
   * @param organization the organization's ID
   * @return a future of the server's confirmation message
   */
  public CompletableFuture<Response> deleteAsync(UUID organization) {
    return deleteAsync(Arguments.organization(organization));
  }

  private static ApiRequest getRequest(String organization) {
    return ApiRequest.get("organizations", Arguments.organization(organization));
  }

  private static ApiRequest createRequest(CreateOrganizationRequest request) {
    Objects.requireNonNull(request, "request == null");
    return ApiRequest.post("organizations").body(request);
  }

  private static ApiRequest updateRequest(String organization, UpdateOrganizationRequest request) {
    Objects.requireNonNull(request, "request == null");
    return ApiRequest.patch("organizations", Arguments.organization(organization)).body(request);
  }

  private static ApiRequest deleteRequest(String organization) {
    return ApiRequest.delete("organizations", Arguments.organization(organization));
  }
}
