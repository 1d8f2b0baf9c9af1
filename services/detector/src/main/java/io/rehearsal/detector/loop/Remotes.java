package io.rehearsal.detector.loop;

import io.grpc.CallCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.EvaluateRequest;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationEvent;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.ReportOutcomeRequest;
import io.rehearsal.proto.v1.SandboxGrpc;
import io.rehearsal.proto.v1.SubmitResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The loop's gRPC clients: the sandbox (Evaluate, followed to its result) and the policy gateway
 * (Submit, GetDecision, ReportOutcome with a bearer token read from a file at every call, so a
 * token written after the detector started is used). Plaintext: both run beside the detector.
 */
final class Remotes implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(10);

  private final ManagedChannel sandbox;
  private final ManagedChannel gateway;
  private final Path tokenFile;

  Remotes(String sandboxAddress, String gatewayAddress, Path tokenFile) {
    this.sandbox = channel(sandboxAddress);
    this.gateway = channel(gatewayAddress);
    this.tokenFile = tokenFile;
  }

  private static ManagedChannel channel(String address) {
    return Grpc.newChannelBuilder(address, InsecureChannelCredentials.create()).build();
  }

  /**
   * Calls Evaluate and follows the stream to its result.
   *
   * @param accepted told the evaluation id as soon as the sandbox accepts the request
   * @throws io.grpc.StatusRuntimeException when the call fails or the stream ends without a result
   */
  Evaluation evaluate(EvaluateRequest request, Duration timeout, Consumer<String> accepted) {
    Iterator<EvaluationEvent> events =
        SandboxGrpc.newBlockingStub(sandbox)
            .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .evaluate(request);
    while (events.hasNext()) {
      EvaluationEvent e = events.next();
      if (e.hasAccepted()) {
        accepted.accept(e.getAccepted().getEvaluationId());
      } else if (e.hasResult()) {
        return e.getResult();
      }
    }
    throw Status.UNAVAILABLE
        .withDescription("the evaluation stream ended without a result")
        .asRuntimeException();
  }

  /** Submits a remediation request. */
  SubmitResponse submit(RemediationRequest request) {
    return gatewayStub().submit(request);
  }

  /** The decision now. */
  Decision decision(String id) {
    return gatewayStub().getDecision(GetDecisionRequest.newBuilder().setDecisionId(id).build());
  }

  /** Reports what happened after the decision ran. */
  Decision reportOutcome(ReportOutcomeRequest request) {
    return gatewayStub().reportOutcome(request);
  }

  private PolicyGatewayGrpc.PolicyGatewayBlockingStub gatewayStub() {
    return PolicyGatewayGrpc.newBlockingStub(gateway)
        .withCallCredentials(new Bearer(token()))
        .withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }

  private String token() {
    try {
      return Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw Status.UNAUTHENTICATED
          .withDescription("cannot read the gateway token file " + tokenFile + ": " + e)
          .asRuntimeException();
    }
  }

  @Override
  public void close() {
    sandbox.shutdownNow();
    gateway.shutdownNow();
  }

  /** {@code authorization: Bearer TOKEN} on every call. */
  private static final class Bearer extends CallCredentials {
    private final String token;

    Bearer(String token) {
      this.token = token;
    }

    @Override
    public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier apply) {
      Metadata headers = new Metadata();
      headers.put(AUTHORIZATION, "Bearer " + token);
      apply.apply(headers);
    }
  }
}
