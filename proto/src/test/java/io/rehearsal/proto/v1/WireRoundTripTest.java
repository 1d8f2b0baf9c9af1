package io.rehearsal.proto.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WireRoundTripTest {

  private static final int ACTIONS = Remediation.ActionCase.values().length - 1;

  @ParameterizedTest
  @MethodSource("actionVariants")
  void shouldRoundTripRemediationWhenFullyPopulatedWithEachAction(int variant) throws Exception {
    Remediation remediation = FullyPopulated.of(Remediation.newBuilder(), variant);

    assertThat(remediation.getActionCase().getNumber()).isEqualTo(variant + 1);
    assertRoundTrips(remediation);
  }

  @ParameterizedTest
  @MethodSource("actionVariants")
  void shouldRoundTripDecisionWhenFullyPopulatedWithEachAction(int variant) throws Exception {
    Decision decision = FullyPopulated.of(Decision.newBuilder(), variant);

    assertThat(decision.getRequest().getRemediation().getActionCase().getNumber())
        .isEqualTo(variant + 1);
    assertRoundTrips(decision);
  }

  @ParameterizedTest
  @MethodSource("everyMessageType")
  void shouldRoundTripEveryMessageWhenFullyPopulated(String name, int variant) throws Exception {
    Class<?> type = Class.forName(ProtoConventions.JAVA_PACKAGE + "." + name);
    Message.Builder builder = (Message.Builder) type.getMethod("newBuilder").invoke(null);

    assertRoundTrips(FullyPopulated.of(builder, variant));
  }

  @Test
  void shouldUseCamelCaseNamesAndEnumNamesWhenPrintedAsJson() throws Exception {
    Decision decision =
        Decision.newBuilder()
            .setId("d-1")
            .setRequest(RemediationRequest.newBuilder().setRequestId("loop-7/inc-42/1"))
            .setState(DecisionState.DECISION_STATE_PENDING_APPROVAL)
            .setRequiredApprovers(1)
            .build();

    String json = JsonFormat.printer().print(decision);

    assertThat(json)
        .contains("\"requestId\": \"loop-7/inc-42/1\"")
        .contains("\"state\": \"DECISION_STATE_PENDING_APPROVAL\"")
        .contains("\"requiredApprovers\": 1");
  }

  static IntStream actionVariants() {
    return IntStream.range(0, ACTIONS);
  }

  /** Every top-level message of every v1 file, with two oneof variants each. */
  static Stream<Arguments> everyMessageType() {
    return Stream.of(SandboxGrpc.getServiceDescriptor(), PolicyGatewayGrpc.getServiceDescriptor())
        .map(s -> ((io.grpc.protobuf.ProtoFileDescriptorSupplier) s.getSchemaDescriptor()))
        .map(io.grpc.protobuf.ProtoFileDescriptorSupplier::getFileDescriptor)
        .flatMap(WireRoundTripTest::withDependencies)
        .distinct()
        .flatMap(file -> file.getMessageTypes().stream())
        .map(Descriptor::getName)
        .flatMap(name -> Stream.of(Arguments.of(name, 0), Arguments.of(name, 1)));
  }

  private static Stream<FileDescriptor> withDependencies(FileDescriptor file) {
    if (!file.getName().startsWith(ProtoFiles.IMPORT_PREFIX)) {
      return Stream.empty();
    }
    return Stream.concat(
        Stream.of(file),
        file.getDependencies().stream().flatMap(WireRoundTripTest::withDependencies));
  }

  private static void assertRoundTrips(Message message) throws InvalidProtocolBufferException {
    assertThat(FullyPopulated.unsetFields(message)).isEmpty();

    Message fromBytes = message.getParserForType().parseFrom(message.toByteArray());
    Message.Builder fromJson = message.newBuilderForType();
    JsonFormat.parser().merge(JsonFormat.printer().print(message), fromJson);

    assertThat(fromBytes).isEqualTo(message);
    assertThat(fromJson.build()).isEqualTo(message);
  }
}
