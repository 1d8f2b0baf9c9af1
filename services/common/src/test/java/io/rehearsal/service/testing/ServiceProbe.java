package io.rehearsal.service.testing;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Talks to a running service over real gRPC on loopback, as an operator's tools would: the standard
 * health service and server reflection.
 */
public final class ServiceProbe implements AutoCloseable {

  private final ManagedChannel channel;

  private ServiceProbe(ManagedChannel channel) {
    this.channel = channel;
  }

  /** A plaintext channel to {@code 127.0.0.1:port}. */
  public static ServiceProbe onPort(int port) {
    return new ServiceProbe(
        ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build());
  }

  /** The channel, for calling the service's own stubs. */
  public ManagedChannel channel() {
    return channel;
  }

  /** grpc.health.v1.Health/Check for a service name ("" is the server as a whole). */
  public ServingStatus health(String service) {
    return HealthGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .check(HealthCheckRequest.newBuilder().setService(service).build())
        .getStatus();
  }

  /** The fully qualified service names that server reflection lists. */
  public List<String> reflectedServices() throws Exception {
    CompletableFuture<List<String>> names = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .serverReflectionInfo(
                collect(names, r -> r.getListServicesResponse().getServiceList()));
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    requests.onCompleted();
    return names.get(10, TimeUnit.SECONDS);
  }

  private static StreamObserver<ServerReflectionResponse> collect(
      CompletableFuture<List<String>> names,
      Function<ServerReflectionResponse, List<ServiceResponse>> services) {
    return new StreamObserver<>() {
      @Override
      public void onNext(ServerReflectionResponse response) {
        names.complete(services.apply(response).stream().map(ServiceResponse::getName).toList());
      }

      @Override
      public void onError(Throwable error) {
        names.completeExceptionally(error);
      }

      @Override
      public void onCompleted() {
        names.complete(List.of());
      }
    };
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
