package com.coder.sdk.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * TLS settings for self-hosted deployments: extra certificate authorities trusted on top of the
 * JDK's, and a client certificate for mutual TLS. Reads PEM files and key stores with the JDK
 * alone.
 */
public final class Tls {
  private static final Pattern PEM_KEY =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private Tls() {}

  /**
   * Reads every certificate in a PEM file.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if it holds no PEM certificate, naming the file
   */
  public static List<X509Certificate> readCertificates(Path pem) {
    byte[] bytes = read(pem);
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      Collection<? extends Certificate> certificates =
          factory.generateCertificates(new ByteArrayInputStream(bytes));
      List<X509Certificate> result = new ArrayList<>();
      for (Certificate certificate : certificates) {
        result.add((X509Certificate) certificate);
      }
      if (result.isEmpty()) {
        throw new IllegalArgumentException(pem + " holds no PEM certificate");
      }
      return result;
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          pem + " is not a PEM certificate file: " + e.getMessage(), e);
    }
  }

  /** Returns the certificates of a key store's trusted-certificate entries. */
  public static List<X509Certificate> trustedCertificates(KeyStore store) {
    try {
      List<X509Certificate> result = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        Certificate certificate = store.getCertificate(alias);
        if (store.isCertificateEntry(alias) && certificate instanceof X509Certificate) {
          result.add((X509Certificate) certificate);
        }
      }
      if (result.isEmpty()) {
        throw new IllegalArgumentException("the trust store holds no trusted certificate entry");
      }
      return result;
    } catch (java.security.KeyStoreException e) {
      throw new IllegalArgumentException("the trust store is not loaded: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a client certificate (with any intermediates after it) and its private key, in PKCS#8
   * ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) PEM form, into a key
   * store protected by {@code password}.
   *
   * @throws IllegalArgumentException if a file is not in a supported form, naming it
   */
  public static KeyStore clientKeyStore(Path certificatePem, Path keyPem, char[] password) {
    List<X509Certificate> chain = readCertificates(certificatePem);
    PrivateKey key = readPrivateKey(keyPem);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "the key in " + keyPem + " does not fit the certificate in " + certificatePem, e);
    }
  }

  /**
   * Sets the client's socket factory: the JDK's trusted authorities plus {@code extraTrust}, and
   * the client certificate in {@code keyStore} if there is one.
   */
  public static void configure(
      OkHttpClient.Builder client,
      List<X509Certificate> extraTrust,
      @Nullable KeyStore keyStore,
      char @Nullable [] keyPassword) {
    try {
      X509TrustManager trust = trustManager(extraTrust);
      KeyManager[] keys = null;
      if (keyStore != null) {
        KeyManagerFactory factory =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keyStore, keyPassword);
        keys = factory.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, new TrustManager[] {trust}, null);
      client.sslSocketFactory(context.getSocketFactory(), trust);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** Returns a trust manager for the JDK's default authorities plus {@code extra}. */
  public static X509TrustManager trustManager(List<X509Certificate> extra)
      throws GeneralSecurityException, IOException {
    X509TrustManager platform = trustManagerFor(null);
    if (extra.isEmpty()) {
      return platform;
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int index = 0;
    for (X509Certificate certificate : platform.getAcceptedIssuers()) {
      store.setCertificateEntry("platform-" + index++, certificate);
    }
    for (X509Certificate certificate : extra) {
      store.setCertificateEntry("extra-" + index++, certificate);
    }
    return trustManagerFor(store);
  }

  private static X509TrustManager trustManagerFor(@Nullable KeyStore store)
      throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager) {
        return (X509TrustManager) manager;
      }
    }
    throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
  }

  private static PrivateKey readPrivateKey(Path pem) {
    String text = new String(read(pem), StandardCharsets.US_ASCII);
    Matcher matcher = PEM_KEY.matcher(text);
    while (matcher.find()) {
      String kind = matcher.group(1);
      if (!kind.endsWith("PRIVATE KEY")) {
        continue;
      }
      byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
      if (kind.equals("PRIVATE KEY")) {
        return pkcs8(der, pem);
      }
      if (kind.equals("RSA PRIVATE KEY")) {
        return pkcs8(rsaPkcs1ToPkcs8(der), pem);
      }
      break;
    }
    throw new IllegalArgumentException(
        pem
            + " holds no unencrypted PKCS#8 or PKCS#1 private key; convert it with"
            + " `openssl pkcs8 -topk8 -nocrypt -in <key> -out <key.pk8.pem>`");
  }

  private static PrivateKey pkcs8(byte[] der, Path pem) {
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
        // Not this algorithm; try the next.
      }
    }
    throw new IllegalArgumentException(pem + " holds a private key of an unsupported type");
  }

  /** Wraps a PKCS#1 RSA key in the PKCS#8 structure the JDK reads. */
  private static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
    byte[] algorithm = {
      0x30,
      0x0d,
      0x06,
      0x09,
      0x2a,
      (byte) 0x86,
      0x48,
      (byte) 0x86,
      (byte) 0xf7,
      0x0d,
      0x01,
      0x01,
      0x01,
      0x05,
      0x00
    };
    byte[] version = {0x02, 0x01, 0x00};
    byte[] octets = derElement(0x04, pkcs1);
    byte[] content = new byte[version.length + algorithm.length + octets.length];
    System.arraycopy(version, 0, content, 0, version.length);
    System.arraycopy(algorithm, 0, content, version.length, algorithm.length);
    System.arraycopy(octets, 0, content, version.length + algorithm.length, octets.length);
    return derElement(0x30, content);
  }

  private static byte[] derElement(int tag, byte[] content) {
    int length = content.length;
    byte[] header;
    if (length < 0x80) {
      header = new byte[] {(byte) tag, (byte) length};
    } else if (length < 0x100) {
      header = new byte[] {(byte) tag, (byte) 0x81, (byte) length};
    } else if (length < 0x10000) {
      header = new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
    } else {
      header =
          new byte[] {
            (byte) tag, (byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length
          };
    }
    byte[] element = new byte[header.length + length];
    System.arraycopy(header, 0, element, 0, header.length);
    System.arraycopy(content, 0, element, header.length, length);
    return element;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
