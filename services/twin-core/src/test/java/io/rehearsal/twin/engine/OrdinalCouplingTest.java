package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.twin.spec.SpecIndex.TargetKind;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guards the int codes of the engine that stand for an enum's constants or index arrays, so that
 * reordering or adding a constant on one side fails here rather than silently sending calls to the
 * wrong kind of target or counting outcomes in the wrong column.
 */
class OrdinalCouplingTest {
  private static final String SPEC =
      """
      name: kinds
      version: "1"
      dependencies:
        - {name: dep, latency: {type: constant, value: 0.01}}
      databases:
        - {name: db, query: {type: constant, value: 0.01}, connections: 1}
      caches:
        - {name: cache, hitRatio: 0.5, hit: {type: constant, value: 0.001},
           miss: {type: constant, value: 0.001}}
      services:
        - name: a
          replicas: 1
          workers: 1
          endpoints:
            - name: e
              selfTime: {type: constant, value: 0.001}
              calls:
                - {to: db}
                - {to: cache}
                - {to: dep}
                - {to: b/e}
        - name: b
          replicas: 1
          workers: 1
          endpoints:
            - name: e
              selfTime: {type: constant, value: 0.001}
      traffic:
        - endpoint: a/e
          arrivals: {type: poisson, rate: 1}
      """;

  @Test
  void shouldNameEveryTargetKindByAModelCallKindEqualToItsOrdinalWhenEitherListChanges() {
    Map<String, Integer> targetKinds = new TreeMap<>();
    for (TargetKind kind : TargetKind.values()) {
      targetKinds.put(kind.name(), kind.ordinal());
    }

    assertThat(intConstants(Model.class))
        .as("Model's int constants are its call kinds, one per SpecIndex.TargetKind, in order")
        .isEqualTo(targetKinds);
  }

  @ParameterizedTest
  @EnumSource(TargetKind.class)
  void shouldMapATargetKindToTheCallKindOfTheSameNameWhenCompilingCalls(TargetKind kind) {
    Integer sameName = intConstants(Model.class).get(kind.name());

    assertThat(Model.callKind(kind)).isEqualTo(sameName).isEqualTo(kind.ordinal());
  }

  @Test
  void shouldGiveEachCompiledCallTheKindOfItsTargetWhenASpecCallsOneOfEachKind() {
    TwinSpec spec = TwinSpecs.fromYaml(SPEC);
    Model model = new Model(spec);
    Map<String, Integer> kindByTarget = new HashMap<>();
    for (int c = 0; c < model.calls.count; c++) {
      kindByTarget.put(model.calls.spec[c].to(), model.calls.kind[c]);
    }

    assertThat(kindByTarget)
        .containsOnly(
            Map.entry("b/e", Model.ENDPOINT),
            Map.entry("dep", Model.DEPENDENCY),
            Map.entry("cache", Model.CACHE),
            Map.entry("db", Model.DATABASE));
  }

  @Test
  void shouldNumberStatusCodesFromZeroBelowCountWhenTheRecorderIndexesCountsByThem() {
    Map<String, Integer> codes = intConstants(Status.class);
    int count = codes.remove("COUNT");

    assertThat(codes.values())
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, count).boxed().toList());
  }

  @Test
  void shouldGiveEachImmunityItsOwnBitWhenMasksAreCombined() {
    int[] flags = {Control.IMMUNE_LATENCY, Control.IMMUNE_ERRORS, Control.IMMUNE_WORKER_LOSS};

    assertThat(Arrays.stream(flags).map(Integer::bitCount)).containsOnly(1);
    assertThat(Arrays.stream(flags).reduce(0, (a, b) -> a | b)).isEqualTo(0b111);
  }

  /** The static final int fields of {@code type}, by name. */
  private static Map<String, Integer> intConstants(Class<?> type) {
    Map<String, Integer> constants = new TreeMap<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers)
          && field.getType() == int.class) {
        try {
          constants.put(field.getName(), field.getInt(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return constants;
  }
}
