package io.rehearsal.gateway;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/** Unary answers from futures: a call's value, or the status of what it failed with. */
final class Answers {

  private Answers() {}

  /**
   * Answers {@code response} when {@code answer} completes, on the thread that completes it (the
   * Redis client's I/O thread, for the store's futures).
   */
  static <T> void reply(StreamObserver<T> response, CompletableFuture<T> answer) {
    answer.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            response.onError(Statuses.ofFailure(failure));
          } else {
            response.onNext(value);
            response.onCompleted();
          }
        });
  }
}
