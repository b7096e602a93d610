package com.coder.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Signs and checks license JWTs with an Ed25519 key that exists only in this fake server, in the
 * shape Coder's licenses have: header {@code {"alg":"EdDSA","kid":...,"typ":"JWT"}}, claims of
 * version 3. Checks run in the order of Coder's JWT library and fail with its messages.
 */
public final class LicenseAuthority {
  private static final Set<String> KNOWN_ALGORITHMS =
      Set.of(
          "none", "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512",
          "PS256", "PS384", "PS512", "EdDSA");

  private final KeyPair keys;
  private final String keyId;

  /** Creates an authority with a fresh key pair. */
  public LicenseAuthority(String keyId) {
    this.keyId = keyId;
    try {
      this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot create Ed25519 keys", e);
    }
  }

  /** The {@code kid} header of the licenses this authority signs. */
  public String keyId() {
    return keyId;
  }

  /** Returns a signed JWT with {@code claims} as its payload, written in their given order. */
  public String sign(ObjectNode claims) {
    ObjectNode header = Wire.mapper().createObjectNode();
    header.put("alg", "EdDSA").put("kid", keyId).put("typ", "JWT");
    String signingInput = encode(compact(header)) + "." + encode(compact(claims));
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(keys.getPrivate());
      signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + encode(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a license", e);
    }
  }

  /** A license that passed every check. */
  public static final class Verified {
    private final ObjectNode claims;

    Verified(ObjectNode claims) {
      this.claims = claims;
    }

    /** The payload as sent, keys in the order of the JWT. */
    public ObjectNode claims() {
      return claims;
    }
  }

  /** A license that failed a check; the message is the detail Coder sends. */
  public static final class InvalidLicenseException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidLicenseException(String message) {
      super(message);
    }

    /** Returns the message, which the constructor always sets. */
    @Override
    public String getMessage() {
      return Objects.requireNonNull(super.getMessage());
    }
  }

  /**
   * Checks a license as Coder does when one is added: format, algorithm, key, expiry (not {@code
   * nbf}), signature, version 3 and the presence of {@code license_expires}.
   */
  public Verified verify(String jwt, Instant now) throws InvalidLicenseException {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidLicenseException("token contains an invalid number of segments");
    }

    JsonNode header = decodeObject(parts[0], jwt, "map[string]interface {}");
    ObjectNode claims = (ObjectNode) decodeObject(parts[1], jwt, "license.Claims");

    JsonNode alg = header.get("alg");
    if (alg == null || !alg.isTextual()) {
      throw new InvalidLicenseException("signing method (alg) is unspecified.");
    }
    if (!KNOWN_ALGORITHMS.contains(alg.asText())) {
      throw new InvalidLicenseException("signing method (alg) is unavailable.");
    }
    if (!alg.asText().equals("EdDSA")) {
      throw new InvalidLicenseException("signing method " + alg.asText() + " is invalid");
    }
    JsonNode kid = header.get("kid");
    if (kid == null || !kid.isTextual()) {
      throw new InvalidLicenseException("JOSE header must contain kid");
    }
    if (!kid.asText().equals(keyId)) {
      throw new InvalidLicenseException("no key with ID " + kid.asText());
    }

    // The library checks the claims first and the signature last; the last failure is reported.
    String problem = claimsProblem(claims, now);
    byte[] signature = decode(parts[2]);
    if (!signatureValid(parts[0] + "." + parts[1], signature)) {
      problem = "ed25519: verification error";
    }
    if (problem != null) {
      throw new InvalidLicenseException(problem);
    }

    JsonNode version = claims.get("version");
    if (version == null || !version.isNumber() || version.asLong() != 3) {
      throw new InvalidLicenseException("license must be version 3");
    }
    if (claims.get("license_expires") == null || claims.get("license_expires").isNull()) {
      throw new InvalidLicenseException("license missing license_expires");
    }
    return new Verified(claims);
  }

  /** Returns a claim holding Unix seconds as an instant, or null when absent. */
  public static @Nullable Instant instantClaim(JsonNode claims, String name) {
    JsonNode value = claims.get(name);
    if (value == null || !value.isNumber()) {
      return null;
    }
    double seconds = value.asDouble();
    long whole = (long) Math.floor(seconds);
    return Instant.ofEpochSecond(whole, (long) ((seconds - whole) * 1e9));
  }

  private static @Nullable String claimsProblem(JsonNode claims, Instant now) {
    String problem = null;
    Instant expires = instantClaim(claims, "exp");
    if (expires != null && !now.isBefore(expires)) {
      problem = "token is expired by " + GoText.duration(Duration.between(expires, now));
    }
    Instant issued = instantClaim(claims, "iat");
    if (issued != null && now.isBefore(issued)) {
      problem = "token used before issued";
    }
    return problem;
  }

  private boolean signatureValid(String signingInput, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(keys.getPublic());
      verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static JsonNode decodeObject(String segment, String jwt, String goType)
      throws InvalidLicenseException {
    byte[] bytes;
    try {
      bytes = decodeStrict(segment);
    } catch (InvalidLicenseException e) {
      if (jwt.regionMatches(true, 0, "bearer ", 0, 7)) {
        throw new InvalidLicenseException("tokenstring should not contain 'bearer '");
      }
      throw e;
    }
    JsonNode node;
    try {
      node = JsonObjects.readFirst(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonObjects.GoJsonException e) {
      throw new InvalidLicenseException(e.getMessage());
    }
    if (!node.isObject()) {
      throw new InvalidLicenseException(
          "json: cannot unmarshal "
              + (node.isArray()
                  ? "array"
                  : node.isTextual()
                      ? "string"
                      : node.isBoolean() ? "bool" : node.isNull() ? "null" : "number")
              + " into Go value of type "
              + goType);
    }
    return node;
  }

  private static byte[] decode(String segment) {
    try {
      return decodeStrict(segment);
    } catch (InvalidLicenseException e) {
      return new byte[0];
    }
  }

  /** Decodes unpadded base64url, failing as Go's decoder does at the first bad byte. */
  private static byte[] decodeStrict(String segment) throws InvalidLicenseException {
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        throw new InvalidLicenseException("illegal base64 data at input byte " + i);
      }
    }
    if (segment.length() % 4 == 1) {
      throw new InvalidLicenseException(
          "illegal base64 data at input byte " + (segment.length() - 1));
    }
    return Base64.getUrlDecoder().decode(segment);
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] compact(JsonNode node) {
    try {
      return Wire.mapper().writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise license claims", e);
    }
  }
}
