package io.rehearsal.gateway.security;

import io.grpc.CallCredentials;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.ConfigProvider;

/** Channels and credentials for tests against the running Quarkus gateway. */
public final class Credentials {

  private Credentials() {}

  /** The directory the test gateway wrote its local credentials to. */
  public static Path localDir() {
    return Path.of(
        ConfigProvider.getConfig()
            .getValue("rehearsal.gateway.auth.local-credentials", String.class));
  }

  /** The local token of {@code role}, as {@code ./rehearsal up} hands it out. */
  public static String localToken(String role) {
    try {
      return Files.readString(LocalCredentials.tokenFile(localDir(), role)).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A token for {@code roles} signed by the gateway's trusted local key. */
  public static String token(String name, Set<String> roles, Instant expiresAt) {
    return LocalCredentials.mint(
        localDir(), name, roles, expiresAt.minus(Duration.ofHours(1)), expiresAt);
  }

  /** A well-formed, unexpired token signed by a key the gateway does not trust. */
  public static String untrustedToken(String name, Set<String> roles) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      Instant now = Instant.now();
      return LocalCredentials.sign(
          generator.generateKeyPair().getPrivate(), name, roles, now, now.plusSeconds(600));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code token} as {@code Authorization: Bearer}. */
  public static CallCredentials bearer(String token) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(
          RequestInfo info, Executor executor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        applier.apply(headers);
      }
    };
  }

  /** A plaintext (h2c) channel to the test port. */
  public static ManagedChannel plaintext() {
    return Grpc.newChannelBuilderForAddress(
            "127.0.0.1", port("quarkus.http.test-port"), InsecureChannelCredentials.create())
        .build();
  }

  /** A TLS channel to the HTTPS test port presenting the client certificate {@code name}. */
  public static ManagedChannel tls(String name) {
    try {
      ChannelCredentials credentials =
          TlsChannelCredentials.newBuilder()
              .trustManager(TestTls.cert(TestTls.SERVER).toFile())
              .keyManager(TestTls.cert(name).toFile(), TestTls.key(name).toFile())
              .build();
      return Grpc.newChannelBuilderForAddress(
              "localhost", port("quarkus.http.test-ssl-port"), credentials)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int port(String key) {
    return ConfigProvider.getConfig().getValue(key, Integer.class);
  }
}
