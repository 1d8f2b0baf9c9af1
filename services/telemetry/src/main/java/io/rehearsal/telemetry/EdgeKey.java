package io.rehearsal.telemetry;

/** Identifies a call-graph edge within a window. */
record EdgeKey(
    String parentService,
    String parentEndpoint,
    String childService,
    String childEndpoint,
    boolean external)
    implements Comparable<EdgeKey> {

  private static final String UNKNOWN_DEPENDENCY = "unknown";

  /** A call answered by a SERVER span. */
  static EdgeKey internal(Span parent, Span child) {
    return new EdgeKey(
        parent.service(), parent.endpoint(), child.service(), child.endpoint(), false);
  }

  /** A call no SERVER span answered: the dependency named by the CLIENT span. */
  static EdgeKey external(Span parent, Span call) {
    String dependency = call.peer().isEmpty() ? UNKNOWN_DEPENDENCY : call.peer();
    return new EdgeKey(parent.service(), parent.endpoint(), dependency, call.endpoint(), true);
  }

  EndpointKey parent() {
    return new EndpointKey(parentService, parentEndpoint);
  }

  @Override
  public int compareTo(EdgeKey other) {
    int byParent = parent().compareTo(other.parent());
    if (byParent != 0) {
      return byParent;
    }
    int byService = childService.compareTo(other.childService);
    if (byService != 0) {
      return byService;
    }
    int byEndpoint = childEndpoint.compareTo(other.childEndpoint);
    return byEndpoint != 0 ? byEndpoint : Boolean.compare(external, other.external);
  }
}
