package com.coder.sdk;

import com.coder.sdk.internal.ApiRequest;
import com.coder.sdk.internal.HttpPipeline;
import com.coder.sdk.model.AddLicenseRequest;
import com.coder.sdk.model.License;
import com.coder.sdk.model.Response;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The licenses of an enterprise deployment: {@code /api/v2/licenses}. Get one from {@link
 * CoderClient#licenses()}. On an open-source build these routes do not exist and every call fails
 * with {@link NotFoundException}.
 *
 * <pre>{@code
 * License license = client.licenses().add(Files.readString(Path.of("coder.license")));
 * client.licenses().refreshEntitlements();
 * }</pre>
 *
 * <p>To see what the licenses allow, read {@link Deployment#entitlements()}. Thread-safe. License
 * strings are never written to exception messages. Each method has an {@code ...Async} sibling that
 * returns a {@link CompletableFuture}; cancelling it cancels the HTTP call. {@code add} and {@code
 * refreshEntitlements} are POSTs, sent again only if the connection could not be opened.
 */
public final class Licenses {
  private final HttpPipeline http;

  Licenses(HttpPipeline http) {
    this.http = http;
  }

  /**
   * Adds a license. Sends {@code POST /api/v2/licenses} with {@code {"license": licenseJwt}}; the
   * server verifies the signature and recomputes entitlements.
   *
   * @param licenseJwt the license as issued; surrounding whitespace, such as the newline at the end
   *     of a license file, is removed
   * @return the license as stored, with its ID and claims
   * @throws BadRequestException if the license is malformed, expired, wrongly signed, or bound to
   *     another deployment
   * @throws ForbiddenException if the caller may not add licenses (normally only owners may)
   * @throws IllegalArgumentException if {@code licenseJwt} is blank
   */
  public License add(String licenseJwt) {
    return http.call(addRequest(licenseJwt), License.class);
  }

  /**
   * Adds a license without blocking; see {@link #add(String)}. The argument is checked at once, so
   * a blank license throws instead of failing the future.
   *
   * @param licenseJwt the license key, a JWT as Coder issues it
   * @return a future of the license as stored; it fails with the exceptions {@link #add(String)}
   *     throws
   * @throws IllegalArgumentException if {@code licenseJwt} is blank
   */
  public CompletableFuture<License> addAsync(String licenseJwt) {
    return http.callAsync(addRequest(licenseJwt), License.class);
  }

  /**
   * Asks the server to recompute entitlements from its licenses now. Sends {@code POST
   * /api/v2/licenses/refresh-entitlements}.
   *
   * @return the server's confirmation message
   * @throws BadRequestException if entitlements were refreshed too recently; {@link
   *     CoderApiException#retryAfter()} says how long to wait
   * @throws ForbiddenException if the caller may not manage licenses
   */
  public Response refreshEntitlements() {
    return http.callForMessage(ApiRequest.post("licenses", "refresh-entitlements"));
  }

  /**
   * Lists the installed licenses with their decoded claims. Sends {@code GET /api/v2/licenses}.
   *
   * <pre>{@code
   * for (License license : client.licenses().list()) {
   *   System.out.println(license.id() + " expires " + license.expiresAt().orElse(null)
   *       + (license.isTrial() ? " (trial)" : ""));
   * }
   * }</pre>
   *
   * @return the licenses, in the server's order
   */
  public List<License> list() {
    return http.callForList(ApiRequest.get("licenses"), License.class);
  }

  /**
   * Lists the installed licenses without blocking; see {@link #list()}.
   *
   * @return a future of the installed licenses
   */
  public CompletableFuture<List<License>> listAsync() {
    return http.callForListAsync(ApiRequest.get("licenses"), License.class);
  }

  /**
   * Removes a license. Sends {@code DELETE /api/v2/licenses/{id}}.
   *
   * @param id the license's numeric {@link License#id()}
   * @throws NotFoundException if no license has that ID
   */
  public void delete(int id) {
    http.callForMessage(deleteRequest(id));
  }

  /**
   * Removes a license without blocking; see {@link #delete(int)}. The future completes with {@code
   * null} once the server has removed it.
   *
   * @param id the license's numeric {@link License#id()}
   * @return a future that completes once the license is removed; it fails with {@link
   *     NotFoundException} if no license has that ID
   */
  public CompletableFuture<Void> deleteAsync(int id) {
    return http.callForMessageAsync(deleteRequest(id)).thenAccept(message -> {});
  }

  /**
   * Refreshes entitlements without blocking; see {@link #refreshEntitlements()}.
   *
   * @return a future of the server's confirmation message; it fails with the exceptions {@link
   *     #refreshEntitlements()} throws
   */
  public CompletableFuture<Response> refreshEntitlementsAsync() {
    return http.callForMessageAsync(ApiRequest.post("licenses", "refresh-entitlements"));
  }

  private static ApiRequest deleteRequest(int id) {
    return ApiRequest.delete("licenses", Integer.toString(id));
  }

  private static ApiRequest addRequest(String licenseJwt) {
    Objects.requireNonNull(licenseJwt, "licenseJwt == null");
    String license = licenseJwt.strip();
    if (license.isEmpty()) {
      throw new IllegalArgumentException("licenseJwt is blank");
    }
    return ApiRequest.post("licenses").body(new AddLicenseRequest(license));
  }
}
