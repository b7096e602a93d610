package com.coder.sdk.testkit;

import com.coder.sdk.model.Entitlements;
import com.coder.sdk.model.License;
import com.coder.sdk.testkit.internal.LicenseAuthority;
import com.coder.sdk.testkit.internal.Store;
import com.coder.sdk.testkit.internal.Wire;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The licenses of a {@link FakeCoderServer}. Get it from {@link FakeCoderServer#licenses()}.
 *
 * <p>The fake signs licenses with an Ed25519 key of its own and accepts, on {@code POST
 * /api/v2/licenses}, exactly the licenses it issued and that have not expired; anything else is
 * refused with 400 {@code Invalid license} and the reason in the detail, as Coder refuses licenses
 * it cannot verify. A license from another fake instance fails its signature check.
 *
 * <pre>{@code
 * String jwt = coder.licenses().issue(LicenseSpec.multipleOrganizations());
 * License added = client.licenses().add(jwt);   // 201, claims decoded from the JWT
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class FakeLicenses {
  private static final TypeReference<Map<String, @Nullable Object>> CLAIMS =
      new TypeReference<>() {};

  private final Store store;
  private final LicenseAuthority authority;

  FakeLicenses(Store store, LicenseAuthority authority) {
    this.store = store;
    this.authority = authority;
  }

  /**
   * {@return a signed license JWT ({@code header.payload.signature}, base64url) with the claims of
   * {@code spec}, issued now by the server's clock} Nothing is stored: add it over HTTP, or with
   * {@link #add(LicenseSpec)}.
   *
   * @param spec the claims to sign
   */
  public String issue(LicenseSpec spec) {
    Objects.requireNonNull(spec, "spec == null");
    return authority.sign(claims(spec, store.now()));
  }

  /**
   * Stores a license straight away, as if it had been added over HTTP.
   *
   * @param spec the claims of the license
   * @return the license as {@code GET /api/v2/licenses} shows it
   */
  public License add(LicenseSpec spec) {
    Objects.requireNonNull(spec, "spec == null");
    return toModel(store.addLicense(claims(spec, store.now()), true));
  }

  /** {@return the stored licenses, oldest first} */
  public List<License> list() {
    List<License> licenses = new ArrayList<>();
    for (Store.LicenseRow row : store.licenses()) {
      licenses.add(toModel(row));
    }
    return licenses;
  }

  /**
   * Removes a license, as {@code DELETE /api/v2/licenses/{id}} does.
   *
   * @param id the license's numeric ID
   * @return true if a license had the ID, false if none had
   */
  public boolean delete(int id) {
    return store.deleteLicense(id);
  }

  /**
   * {@return what the stored licenses allow now, as {@code GET /api/v2/entitlements} reports it:
   * every feature Coder knows, entitled by a license in force, in its grace period after {@code
   * license_expires}, or not entitled; with Coder's warnings and errors} Licenses past {@code exp}
   * count for nothing.
   */
  public Entitlements entitlements() {
    return store.entitlements();
  }

  /**
   * {@return true while the entitlements turn on {@code multiple_organizations}: the gate on
   * creating, updating and deleting organizations is open}
   */
  public boolean multipleOrganizationsEnabled() {
    return store.multipleOrganizationsEnabled();
  }

  /** {@return the {@code kid} header of the licenses this fake signs} */
  public String keyId() {
    return authority.keyId();
  }

  static ObjectNode claims(LicenseSpec spec, Instant now) {
    Instant issued = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant termEnd =
        (spec.expiresAt() != null ? spec.expiresAt() : issued.plus(LicenseSpec.DEFAULT_VALIDITY))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant jwtEnd = termEnd.plus(spec.gracePeriod());
    UUID id = spec.uuid() != null ? spec.uuid() : UUID.randomUUID();

    // The order of Coder's claims struct, as a Go signer writes it.
    ObjectNode claims = Wire.mapper().createObjectNode();
    claims.put("iss", "coder-sdk-testkit");
    claims.put("sub", spec.accountId());
    claims.put("exp", jwtEnd.getEpochSecond());
    claims.put("nbf", issued.getEpochSecond());
    claims.put("iat", issued.getEpochSecond());
    claims.put("jti", id.toString());
    claims.put("license_expires", termEnd.getEpochSecond());
    claims.put("account_type", spec.accountType());
    claims.put("account_id", spec.accountId());
    if (!spec.deploymentIds().isEmpty()) {
      spec.deploymentIds().forEach(claims.putArray("deployment_ids")::add);
    }
    claims.put("trial", spec.trial());
    claims.put("feature_set", spec.featureSet());
    claims.put("version", 3);
    ObjectNode features = claims.putObject("features");
    spec.features().forEach(features::put);
    return claims;
  }

  private static License toModel(Store.LicenseRow row) {
    Map<String, @Nullable Object> claims = Wire.mapper().convertValue(row.claims(), CLAIMS);
    return new License(row.id(), row.uuid(), row.uploadedAt(), claims);
  }
}
