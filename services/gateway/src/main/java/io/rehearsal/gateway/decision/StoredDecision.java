package io.rehearsal.gateway.decision;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.Explanation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the gateway stores per decision: the decision and the explanation of its last policy verdict
 * (which {@code Explain} returns). Encoded as a two-field protobuf message (1: decision, 2:
 * explanation), each in deterministic encoding, so equal records have equal bytes.
 *
 * @param decision the decision as the contract shows it
 * @param explanation every rule and guard as evaluated when the state was decided
 */
public record StoredDecision(Decision decision, Explanation explanation) {

  /** The stored bytes. */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      out.writeBytes(1, ByteString.copyFrom(deterministic(decision)));
      out.writeBytes(2, ByteString.copyFrom(deterministic(explanation)));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode decision " + decision.getId(), e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads stored bytes.
   *
   * @throws IllegalStateException when the bytes are not a stored decision
   */
  public static StoredDecision decode(byte[] payload) {
    Decision decision = Decision.getDefaultInstance();
    Explanation explanation = Explanation.getDefaultInstance();
    try {
      CodedInputStream in = CodedInputStream.newInstance(payload);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag >>> 3) {
          case 1 -> decision = Decision.parseFrom(in.readBytes());
          case 2 -> explanation = Explanation.parseFrom(in.readBytes());
          default -> in.skipField(tag);
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored decision is not readable: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StoredDecision(decision, explanation);
  }

  /** The deterministic encoding of a message (map entries sorted), as the audit log stores it. */
  public static byte[] deterministic(com.google.protobuf.MessageLite message) {
    byte[] out = new byte[message.getSerializedSize()];
    CodedOutputStream stream = CodedOutputStream.newInstance(out);
    stream.useDeterministicSerialization();
    try {
      message.writeTo(stream);
      stream.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
