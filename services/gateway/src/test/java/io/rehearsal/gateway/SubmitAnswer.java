package io.rehearsal.gateway;

import io.grpc.stub.StreamObserver;
import io.rehearsal.proto.v1.SubmitResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** One Submit's answer as it arrives on another thread: the response or the error, and when. */
final class SubmitAnswer implements StreamObserver<SubmitResponse> {
  final AtomicReference<SubmitResponse> value = new AtomicReference<>();
  final AtomicReference<Throwable> error = new AtomicReference<>();
  final CountDownLatch done = new CountDownLatch(1);

  @Override
  public void onNext(SubmitResponse v) {
    value.set(v);
  }

  @Override
  public void onError(Throwable t) {
    error.set(t);
    done.countDown();
  }

  @Override
  public void onCompleted() {
    done.countDown();
  }
}
