package io.rehearsal.sandbox;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.rehearsal.proto.v1.EvaluationEvent;

/**
 * The Evaluate stream seen from the evaluation thread: serialised, and silent once the client has
 * gone (the evaluation still completes and is stored, to be fetched with GetEvaluation).
 */
final class EventSink {

  private final StreamObserver<EvaluationEvent> observer;

  EventSink(StreamObserver<EvaluationEvent> observer) {
    this.observer = observer;
  }

  synchronized void event(EvaluationEvent event) {
    if (open()) {
      try {
        observer.onNext(event);
      } catch (RuntimeException e) {
        // The call was cancelled between the check and the send: nobody is listening.
      }
    }
  }

  synchronized void completed() {
    if (open()) {
      try {
        observer.onCompleted();
      } catch (RuntimeException e) {
        // Cancelled meanwhile.
      }
    }
  }

  private boolean open() {
    return !(observer instanceof ServerCallStreamObserver<EvaluationEvent> call)
        || !call.isCancelled();
  }
}
