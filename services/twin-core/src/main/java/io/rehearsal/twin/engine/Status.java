package io.rehearsal.twin.engine;

/** Outcome codes of a request or call, as ints for the hot path. */
final class Status {
  static final int OK = 0;
  static final int ERROR = 1;
  static final int TIMEOUT = 2;
  static final int REJECTED = 3;
  static final int COUNT = 4;

  private Status() {}
}
