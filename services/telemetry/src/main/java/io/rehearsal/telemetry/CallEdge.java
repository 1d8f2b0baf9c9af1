package io.rehearsal.telemetry;

/**
 * Calls from one endpoint to another endpoint or to an external dependency, made by requests that
 * ended in one window. A call is a CLIENT (or PRODUCER) span under a request of the parent
 * endpoint; its child is the SERVER span it caused, or, when the callee sent no SERVER span, the
 * dependency it named ({@code peer.service} or {@code server.address}).
 *
 * @param parentService the calling service
 * @param parentEndpoint the calling endpoint
 * @param childService the called service, or the dependency's name when {@code external}
 * @param childEndpoint the called endpoint, or the CLIENT span's endpoint when {@code external}
 * @param external true when no SERVER span answered the call (an external dependency)
 * @param calls how many calls were made
 * @param errors how many of them failed, as the caller saw them
 * @param callingRequests how many parent requests made at least one such call
 * @param parentRequests how many requests the parent endpoint served in the window
 */
public record CallEdge(
    String parentService,
    String parentEndpoint,
    String childService,
    String childEndpoint,
    boolean external,
    long calls,
    long errors,
    long callingRequests,
    long parentRequests) {

  /** Validates the counts; messages name the field and the bad value. */
  public CallEdge {
    Fields.name("parentService", parentService);
    Fields.name("parentEndpoint", parentEndpoint);
    Fields.name("childService", childService);
    Fields.name("childEndpoint", childEndpoint);
    Fields.nonNegative("calls", calls);
    Fields.nonNegative("errors", errors);
    Fields.nonNegative("callingRequests", callingRequests);
    Fields.nonNegative("parentRequests", parentRequests);
    if (errors > calls || callingRequests > calls) {
      throw new IllegalArgumentException(
          "errors and callingRequests must not exceed calls "
              + calls
              + ", but were "
              + errors
              + " and "
              + callingRequests);
    }
  }

  /** Mean calls per request of the parent endpoint; NaN when the parent served no request. */
  public double callsPerParentRequest() {
    return parentRequests == 0 ? Double.NaN : (double) calls / parentRequests;
  }

  /** Mean calls per parent request that made at least one call (the fan-out when called). */
  public double callsPerCallingRequest() {
    return callingRequests == 0 ? Double.NaN : (double) calls / callingRequests;
  }
}
