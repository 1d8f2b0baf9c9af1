package io.rehearsal.twin.spec;

/**
 * A database: a connection pool (queries beyond it wait in FIFO order) and a query latency. On
 * failover the replica serves after its replication lag has been applied.
 *
 * @param name unique name (no '/')
 * @param query query latency
 * @param connections connection pool size
 * @param replicationLag seconds the replica lags the primary (default 0)
 */
public record DatabaseSpec(
    String name, Distribution query, int connections, Double replicationLag) {
  /** Validates the database. */
  public DatabaseSpec {
    Check.simpleName("name", name);
    Check.present("query", query);
    Check.atLeast("connections", connections, 1);
    replicationLag = Check.nonNegative("replicationLag", Check.or(replicationLag, 0));
  }
}
