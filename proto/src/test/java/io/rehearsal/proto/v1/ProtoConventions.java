package io.rehearsal.proto.v1;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks the naming conventions of a compiled v1 file: package {@code rehearsal.v1}, Java options,
 * and enums whose values are prefixed with the enum's name in UPPER_SNAKE and whose value 0 is
 * {@code <ENUM>_UNSPECIFIED}.
 */
final class ProtoConventions {

  static final String PACKAGE = "rehearsal.v1";
  static final String JAVA_PACKAGE = "io.rehearsal.proto.v1";

  private ProtoConventions() {}

  /** Convention violations of one file, each naming the element and what is wrong. */
  static List<String> violations(FileDescriptor file) {
    List<String> out = new ArrayList<>();
    checkFileOptions(file, out);
    file.getEnumTypes().forEach(e -> checkEnum(e, out));
    file.getMessageTypes().forEach(m -> checkNestedEnums(m, out));
    return out;
  }

  /** {@code DecisionState} becomes {@code DECISION_STATE}; acronyms stay together. */
  static String upperSnake(String camel) {
    String snake =
        camel.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    return snake.toUpperCase(Locale.ROOT);
  }

  private static void checkFileOptions(FileDescriptor file, List<String> out) {
    if (!PACKAGE.equals(file.getPackage())) {
      out.add(file.getName() + ": package must be " + PACKAGE + " but was " + file.getPackage());
    }
    if (!JAVA_PACKAGE.equals(file.getOptions().getJavaPackage())) {
      out.add(file.getName() + ": java_package must be " + JAVA_PACKAGE);
    }
    if (!file.getOptions().getJavaMultipleFiles()) {
      out.add(file.getName() + ": java_multiple_files must be true");
    }
  }

  private static void checkNestedEnums(Descriptor message, List<String> out) {
    message.getEnumTypes().forEach(e -> checkEnum(e, out));
    message.getNestedTypes().forEach(m -> checkNestedEnums(m, out));
  }

  private static void checkEnum(EnumDescriptor type, List<String> out) {
    String prefix = upperSnake(type.getName()) + "_";
    EnumValueDescriptor zero = type.findValueByNumber(0);
    if (zero == null || !zero.getName().equals(prefix + "UNSPECIFIED")) {
      String found = zero == null ? "nothing" : zero.getName();
      out.add(type.getFullName() + ": value 0 must be " + prefix + "UNSPECIFIED, was " + found);
    }
    for (EnumValueDescriptor value : type.getValues()) {
      if (!value.getName().startsWith(prefix)) {
        out.add(type.getFullName() + ": value " + value.getName() + " must start with " + prefix);
      }
    }
  }
}
