package io.rehearsal.proto.v1;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills every field of a message, recursively, with deterministic non-default values. In each real
 * oneof the member at index {@code variant % memberCount} is set; repeated fields get two elements;
 * enums get their last value; timestamps and durations get valid values.
 */
final class FullyPopulated {

  private static final int MAX_DEPTH = 10;

  private final int variant;
  private int counter;

  private FullyPopulated(int variant) {
    this.variant = variant;
  }

  /** A message of the builder's type with every field set. */
  @SuppressWarnings("unchecked")
  static <T extends Message> T of(Message.Builder builder, int variant) {
    return (T) new FullyPopulated(variant).fill(builder, 0).build();
  }

  /** Paths of unset fields (oneofs count as set when exactly one member is); empty when full. */
  static List<String> unsetFields(Message message) {
    List<String> out = new ArrayList<>();
    collectUnset(message, message.getDescriptorForType().getName(), out);
    return out;
  }

  private Message.Builder fill(Message.Builder builder, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("message nesting deeper than " + MAX_DEPTH);
    }
    for (FieldDescriptor field : builder.getDescriptorForType().getFields()) {
      if (chosen(field)) {
        fillField(builder, field, depth);
      }
    }
    return builder;
  }

  private boolean chosen(FieldDescriptor field) {
    OneofDescriptor oneof = field.getRealContainingOneof();
    return oneof == null || oneof.getField(variant % oneof.getFieldCount()).equals(field);
  }

  private void fillField(Message.Builder builder, FieldDescriptor field, int depth) {
    if (field.isRepeated()) {
      builder.addRepeatedField(field, value(builder, field, depth));
      builder.addRepeatedField(field, value(builder, field, depth));
    } else {
      builder.setField(field, value(builder, field, depth));
    }
  }

  private Object value(Message.Builder parent, FieldDescriptor field, int depth) {
    counter++;
    return switch (field.getJavaType()) {
      case INT -> counter;
      case LONG -> field.getType() == FieldDescriptor.Type.UINT64 ? -counter : 1_000_000L * counter;
      case FLOAT -> counter + 0.5f;
      case DOUBLE -> counter + 0.25;
      case BOOLEAN -> true;
      case STRING -> field.getName() + "-" + counter;
      case BYTE_STRING -> com.google.protobuf.ByteString.copyFromUtf8("bytes-" + counter);
      case ENUM -> last(field.getEnumType().getValues());
      case MESSAGE -> message(parent.newBuilderForField(field), depth);
    };
  }

  private Message message(Message.Builder builder, int depth) {
    Descriptor type = builder.getDescriptorForType();
    if (type.equals(Timestamp.getDescriptor())) {
      return Timestamp.newBuilder().setSeconds(1_700_000_000L + counter).setNanos(123_000).build();
    }
    if (type.equals(Duration.getDescriptor())) {
      return Duration.newBuilder().setSeconds(counter).setNanos(500_000_000).build();
    }
    return fill(builder, depth + 1).build();
  }

  private static <T> T last(List<T> values) {
    return values.get(values.size() - 1);
  }

  private static void collectUnset(Message message, String path, List<String> out) {
    Descriptor type = message.getDescriptorForType();
    for (OneofDescriptor oneof : type.getRealOneofs()) {
      if (!message.hasOneof(oneof)) {
        out.add(path + "." + oneof.getName());
      }
    }
    for (FieldDescriptor field : type.getFields()) {
      if (field.getRealContainingOneof() == null || message.hasField(field)) {
        collectUnsetField(message, field, path + "." + field.getName(), out);
      }
    }
  }

  private static void collectUnsetField(
      Message message, FieldDescriptor field, String path, List<String> out) {
    boolean isMessage = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
    if (field.isRepeated()) {
      int count = message.getRepeatedFieldCount(field);
      if (count == 0) {
        out.add(path);
      }
      for (int i = 0; isMessage && i < count; i++) {
        collectUnset((Message) message.getRepeatedField(field, i), path + "[" + i + "]", out);
      }
    } else if (!message.hasField(field)) {
      out.add(path);
    } else if (isMessage) {
      collectUnset((Message) message.getField(field), path, out);
    }
  }
}
