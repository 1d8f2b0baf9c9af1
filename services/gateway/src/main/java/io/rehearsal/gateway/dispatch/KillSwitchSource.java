package io.rehearsal.gateway.dispatch;

import io.rehearsal.proto.v1.KillSwitchState;
import java.util.concurrent.CompletableFuture;

/** Where the kill switch changed at run time is read from ({@link KillSwitchBoard}). */
@FunctionalInterface
public interface KillSwitchSource {

  /** Nothing switched at run time. */
  KillSwitchSource NONE = KillSwitchState::getDefaultInstance;

  /** The run-time switch (with the configured one, for the board). */
  KillSwitchState state();

  /** {@link #state} without waiting, read together with a decision's other records. */
  default CompletableFuture<KillSwitchState> stateAsync() {
    return CompletableFuture.completedFuture(state());
  }
}
