package io.rehearsal.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rehearsal.store.RedisStore;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every gateway RPC × every kind of credential, over the real Quarkus gateway (plaintext port for
 * tokens, HTTPS port for client certificates): each call that must be refused is, with
 * UNAUTHENTICATED or PERMISSION_DENIED and a reason, and refused calls write nothing to Redis.
 */
@QuarkusTest
@QuarkusTestResource(TestTls.class)
class CredentialMatrixTest {

  private static final Logger LOG = Logger.getLogger(CredentialMatrixTest.class);

  private static final List<String> ROLES =
      List.of(RpcRoles.AUTOMATION, RpcRoles.ONCALL, RpcRoles.ADMIN);
  private static final byte[] EMPTY = new byte[0];

  @Inject RedisStore store;

  private ManagedChannel plaintext;
  private final List<ManagedChannel> channels = new ArrayList<>();

  @BeforeEach
  void open() {
    plaintext = Credentials.plaintext();
    channels.add(plaintext);
  }

  @AfterEach
  void close() throws InterruptedException {
    for (ManagedChannel c : channels) {
      c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldRefuseEveryWrongCredentialOnEveryRpcAndWriteNothingWhenRefused() {
    Map<String, MethodDescriptor<byte[], byte[]>> methods = RawCalls.gatewayMethods();
    ManagedChannel untrustedCert = tls(TestTls.UNTRUSTED);
    List<String> wrong = new ArrayList<>();
    Map<String, Set<String>> codes = new java.util.TreeMap<>();
    int refusedCalls = 0;

    try (RedisWrites redis = new RedisWrites(store.uri())) {
      RedisWrites.Snapshot before = redis.snapshot();
      for (var entry : methods.entrySet()) {
        String name = entry.getKey();
        MethodDescriptor<byte[], byte[]> method = entry.getValue();
        String allowed = RpcRoles.rolesFor(name).iterator().next();
        String other =
            ROLES.stream()
                .filter(r -> !RpcRoles.rolesFor(name).contains(r))
                .findFirst()
                .orElseThrow();
        Instant now = Instant.now();
        Map<String, Status> refused =
            Map.of(
                "no credential",
                RawCalls.call(plaintext, method, null, EMPTY),
                "wrong role " + other,
                RawCalls.call(plaintext, method, bearer(Credentials.localToken(other)), EMPTY),
                "expired token",
                RawCalls.call(
                    plaintext,
                    method,
                    bearer(Credentials.token("late", Set.of(allowed), now.minusSeconds(60))),
                    EMPTY),
                "untrusted signing key",
                RawCalls.call(
                    plaintext,
                    method,
                    bearer(Credentials.untrustedToken("local-" + allowed, Set.of(allowed))),
                    EMPTY),
                "untrusted client certificate",
                RawCalls.call(untrustedCert, method, null, EMPTY),
                "trusted certificate, wrong role",
                RawCalls.call(tls(certificateOf(other)), method, null, EMPTY));
        for (var r : refused.entrySet()) {
          refusedCalls++;
          codes
              .computeIfAbsent(
                  r.getKey().replaceAll(" (automation|oncall|admin)$", ""), k -> new TreeSet<>())
              .add(r.getValue().getCode().name());
          if (!isRefusal(r.getKey(), r.getValue())) {
            wrong.add(name + " with " + r.getKey() + " answered " + r.getValue());
          }
        }
      }
      RedisWrites.Snapshot after = redis.snapshot();
      LOG.infof(
          "credential matrix: %d RPCs, %d refused calls, codes %s, Redis %s -> %s",
          methods.size(), refusedCalls, codes, before, after);

      assertThat(wrong).as("calls that were not refused").isEmpty();
      assertThat(refusedCalls).isEqualTo(methods.size() * 6);
      assertThat(after).as("Redis after %d refused calls", refusedCalls).isEqualTo(before);
    }
  }

  @Test
  void shouldLetTheRightRoleThroughWhenItHasATokenOrACertificate() {
    List<String> wrong = new ArrayList<>();
    for (var entry : RawCalls.gatewayMethods().entrySet()) {
      String role = new TreeSet<>(RpcRoles.rolesFor(entry.getKey())).first();
      Status byToken =
          RawCalls.call(plaintext, entry.getValue(), bearer(Credentials.localToken(role)), EMPTY);
      Status byCertificate = RawCalls.call(tls(certificateOf(role)), entry.getValue(), null, EMPTY);
      for (Status s : List.of(byToken, byCertificate)) {
        if (RawCalls.REFUSED.contains(s.getCode()) || s.getCode() == Status.Code.INTERNAL) {
          wrong.add(entry.getKey() + " as " + role + " answered " + s);
        }
      }
    }

    assertThat(wrong).isEmpty();
  }

  @Test
  void shouldRefuseAnApprovalInAnotherNameWhenTheReviewerIsNotTheCaller() {
    io.grpc.StatusRuntimeException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            io.grpc.StatusRuntimeException.class,
            () ->
                io.rehearsal.proto.v1.PolicyGatewayGrpc.newBlockingStub(plaintext)
                    .withCallCredentials(bearer(Credentials.localToken(RpcRoles.ONCALL)))
                    .approve(
                        io.rehearsal.proto.v1.ApproveRequest.newBuilder()
                            .setDecisionId("dec-x")
                            .setReviewer("somebody-else")
                            .setExpectedRevision(1)
                            .build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(e.getStatus().getDescription()).contains("'somebody-else'", "'local-oncall'");
  }

  private static boolean isRefusal(String credential, Status status) {
    boolean refusedWithReason =
        RawCalls.REFUSED.contains(status.getCode())
            && status.getDescription() != null
            && !status.getDescription().isBlank();
    // A certificate the trust store does not hold may also end the TLS handshake itself.
    boolean handshakeRefused =
        credential.startsWith("untrusted client certificate")
            && status.getCode() == Status.Code.UNAVAILABLE;
    return refusedWithReason || handshakeRefused;
  }

  private static String certificateOf(String role) {
    return TestTls.TRUSTED.get(ROLES.indexOf(role));
  }

  private ManagedChannel tls(String name) {
    ManagedChannel channel = Credentials.tls(name);
    channels.add(channel);
    return channel;
  }

  private static CallCredentials bearer(String token) {
    return Credentials.bearer(token);
  }
}
