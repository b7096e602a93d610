package com.coder.sdk.examples;

import com.coder.sdk.CoderClient;
import com.coder.sdk.CoderException;
import com.coder.sdk.model.Entitlements;
import com.coder.sdk.model.Feature;
import com.coder.sdk.model.License;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Uploads a license file to a deployment, refreshes entitlements, and prints what the deployment is
 * now entitled to.
 *
 * <pre>
 * CODER_URL=https://coder.example.com CODER_SESSION_TOKEN=... \
 *   ./mvnw -q -pl coder-sdk-examples -am compile exec:java \
 *   -Dexec.mainClass=com.coder.sdk.examples.UploadLicense -Dexec.args=path/to/coder.license
 * </pre>
 */
public final class UploadLicense {
  private UploadLicense() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: UploadLicense <license file>");
      System.exit(2);
    }
    try (CoderClient coder = CoderClient.fromEnvironment()) {
      String jwt = Files.readString(Path.of(args[0]));
      run(coder, jwt, System.out);
    } catch (IOException e) {
      System.err.println("cannot read " + args[0] + ": " + e.getMessage());
      System.exit(1);
    } catch (IllegalStateException | CoderException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Adds the license and prints the licenses and entitlements that result. */
  static void run(CoderClient coder, String licenseJwt, PrintStream out) {
    License added = coder.licenses().add(licenseJwt);
    out.println("Added license " + added.id() + " (" + added.uuid() + ")");
    coder.licenses().refreshEntitlements();

    out.println();
    TextTable licenses = new TextTable("ID", "FEATURE SET", "TRIAL", "EXPIRES", "ACCOUNT");
    for (License license : coder.licenses().list()) {
      licenses.add(
          license.id(),
          license.featureSet().orElse("-"),
          license.isTrial() ? "yes" : "no",
          license.expiresAt().map(Object::toString).orElse("-"),
          license.accountId().orElse("-"));
    }
    licenses.print(out, "");

    Entitlements entitlements = coder.deployment().entitlements();
    out.println();
    TextTable features = new TextTable("FEATURE", "ENTITLEMENT", "ENABLED", "LIMIT", "ACTUAL");
    Map<String, Feature> sorted = new TreeMap<>(entitlements.features());
    sorted.forEach(
        (name, feature) ->
            features.add(
                name,
                feature.entitlement(),
                feature.enabled() ? "yes" : "no",
                feature.limit() == null ? "-" : feature.limit(),
                feature.actual() == null ? "-" : feature.actual()));
    features.print(out, "");

    entitlements.warnings().forEach(warning -> out.println("warning: " + warning));
    entitlements.errors().forEach(error -> out.println("error: " + error));
    out.println();
    boolean multipleOrganizations = entitlements.isEntitled(Entitlements.MULTIPLE_ORGANIZATIONS);
    out.println(
        "Multiple organizations: " + (multipleOrganizations ? "available" : "not available"));
  }
}
