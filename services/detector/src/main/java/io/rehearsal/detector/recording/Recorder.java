package io.rehearsal.detector.recording;

import com.google.protobuf.Message;

/** Where the receivers hand every accepted export request for the rolling recording. */
@FunctionalInterface
public interface Recorder {

  /** Records a request if there is room; never blocks, never throws. */
  void record(Message request);

  /** A recorder that keeps nothing (recording disabled). */
  static Recorder none() {
    return request -> {};
  }
}
