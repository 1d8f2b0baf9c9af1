package io.rehearsal.service;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The one placeholder the project allows: a gRPC method whose contract exists but whose behaviour
 * arrives with a later issue answers {@code UNIMPLEMENTED}, naming that issue, so a caller learns
 * what is missing instead of getting an empty answer it might trust.
 */
public final class NotBuiltYet {

  private NotBuiltYet() {}

  /**
   * The status a not-yet-built method answers with.
   *
   * @param method the method the caller invoked
   * @param issueArea the issue that builds it, in words an operator recognises
   */
  public static StatusRuntimeException error(MethodDescriptor<?, ?> method, String issueArea) {
    return Status.UNIMPLEMENTED
        .withDescription(
            method.getFullMethodName() + " is not built yet; it arrives with " + issueArea)
        .asRuntimeException();
  }
}
