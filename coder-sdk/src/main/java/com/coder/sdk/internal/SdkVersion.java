package com.coder.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this SDK, read from a resource the build fills in. */
public final class SdkVersion {
  private static final String VERSION = load();

  private SdkVersion() {}

  /** Returns the SDK version, such as {@code 0.1.0}, or {@code dev} when it is unknown. */
  public static String get() {
    return VERSION;
  }

  /** Returns the default {@code User-Agent}: SDK version, Java version and operating system. */
  public static String userAgent() {
    return "coder-java-sdk/"
        + VERSION
        + " (Java "
        + System.getProperty("java.version", "?")
        + "; "
        + System.getProperty("os.name", "?")
        + ")";
  }

  private static String load() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      return version.isEmpty() || version.startsWith("${") ? "dev" : version;
    } catch (IOException e) {
      return "dev";
    }
  }
}
