package io.rehearsal.proto.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoFileDescriptorSupplier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtoConventionsTest {

  @Test
  void shouldReachEveryFileOnDiskWhenWalkingFromTheServices() {
    Map<String, FileDescriptor> reached = new LinkedHashMap<>();
    collect(fileOf(SandboxGrpc.getServiceDescriptor()), reached);
    collect(fileOf(PolicyGatewayGrpc.getServiceDescriptor()), reached);

    assertThat(reached.keySet())
        .containsExactlyInAnyOrderElementsOf(
            ProtoFiles.all().stream().map(ProtoFiles::importPath).toList());
  }

  @Test
  void shouldFollowConventionsWhenCompiledFromTheModuleFiles() throws ReflectiveOperationException {
    assertThat(ProtoFiles.all()).hasSizeGreaterThanOrEqualTo(7);
    for (Path file : ProtoFiles.all()) {
      FileDescriptor descriptor = generatedDescriptor(file);

      assertThat(descriptor.getName()).isEqualTo(ProtoFiles.importPath(file));
      assertThat(ProtoConventions.violations(descriptor)).as(descriptor.getName()).isEmpty();
    }
  }

  @Test
  void shouldReportEnumWhenValueZeroIsNotUnspecified() throws DescriptorValidationException {
    FileDescriptor file = file("rehearsal.v1", enumOf("DecisionState", "DECISION_STATE_NONE"));

    assertThat(ProtoConventions.violations(file))
        .containsExactly(
            "rehearsal.v1.DecisionState: value 0 must be DECISION_STATE_UNSPECIFIED,"
                + " was DECISION_STATE_NONE");
  }

  @Test
  void shouldReportNestedEnumWhenAValueLacksThePrefix() throws DescriptorValidationException {
    EnumDescriptorProto phase = enumOf("Phase", "PHASE_UNSPECIFIED", "RUNNING");
    DescriptorProto message =
        DescriptorProto.newBuilder().setName("Job").addEnumType(phase).build();
    FileDescriptorProto proto = fileProto("rehearsal.v1").addMessageType(message).build();

    assertThat(ProtoConventions.violations(FileDescriptor.buildFrom(proto, new FileDescriptor[0])))
        .containsExactly("rehearsal.v1.Job.Phase: value RUNNING must start with PHASE_");
  }

  @Test
  void shouldReportPackageWhenItIsNotRehearsalV1() throws DescriptorValidationException {
    FileDescriptor file = file("other.v1", enumOf("Color", "COLOR_UNSPECIFIED"));

    assertThat(ProtoConventions.violations(file))
        .containsExactly("test.proto: package must be rehearsal.v1 but was other.v1");
  }

  @ParameterizedTest
  @CsvSource({
    "DecisionState, DECISION_STATE",
    "Environment, ENVIRONMENT",
    "RateLimitScope, RATE_LIMIT_SCOPE",
    "HTTPMethod, HTTP_METHOD",
    "Http2Setting, HTTP2_SETTING"
  })
  void shouldConvertToUpperSnakeWhenGivenCamelCase(String camel, String expected) {
    assertThat(ProtoConventions.upperSnake(camel)).isEqualTo(expected);
  }

  private static FileDescriptor fileOf(ServiceDescriptor service) {
    return ((ProtoFileDescriptorSupplier) service.getSchemaDescriptor()).getFileDescriptor();
  }

  private static void collect(FileDescriptor file, Map<String, FileDescriptor> reached) {
    if (file.getName().startsWith(ProtoFiles.IMPORT_PREFIX)
        && reached.putIfAbsent(file.getName(), file) == null) {
      file.getDependencies().forEach(dependency -> collect(dependency, reached));
    }
  }

  /** Loads the generated outer class, e.g. {@code CommonProto} for common.proto. */
  private static FileDescriptor generatedDescriptor(Path file) throws ReflectiveOperationException {
    String base = file.getFileName().toString().replace(".proto", "");
    String outer =
        Arrays.stream(base.split("_"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining())
            + "Proto";
    Class<?> type = Class.forName(ProtoConventions.JAVA_PACKAGE + "." + outer);
    return (FileDescriptor) type.getMethod("getDescriptor").invoke(null);
  }

  private static EnumDescriptorProto enumOf(String name, String... values) {
    EnumDescriptorProto.Builder type = EnumDescriptorProto.newBuilder().setName(name);
    for (int i = 0; i < values.length; i++) {
      type.addValue(EnumValueDescriptorProto.newBuilder().setName(values[i]).setNumber(i));
    }
    return type.build();
  }

  private static FileDescriptorProto.Builder fileProto(String protoPackage) {
    FileOptions options =
        FileOptions.newBuilder()
            .setJavaPackage(ProtoConventions.JAVA_PACKAGE)
            .setJavaMultipleFiles(true)
            .build();
    return FileDescriptorProto.newBuilder()
        .setName("test.proto")
        .setPackage(protoPackage)
        .setSyntax("proto3")
        .setOptions(options);
  }

  private static FileDescriptor file(String protoPackage, EnumDescriptorProto type)
      throws DescriptorValidationException {
    FileDescriptorProto proto = fileProto(protoPackage).addEnumType(type).build();
    return FileDescriptor.buildFrom(proto, new FileDescriptor[0]);
  }
}
