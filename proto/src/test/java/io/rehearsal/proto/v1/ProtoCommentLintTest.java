package io.rehearsal.proto.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProtoCommentLintTest {

  private static final String VALID =
      """
      // Header.
      syntax = "proto3";
      package rehearsal.v1;
      option java_package = "io.rehearsal.proto.v1";

      // The service.
      service Things {
        // Gets a thing.
        rpc Get(GetRequest) returns (stream Thing);
      }

      // A thing.
      message Thing {
        // Nested.
        message Part {
          // Name of the part.
          string name = 1;
        }

        // Its parts.
        repeated Part parts = 1;
        // Labels, by key.
        map<string, string> labels = 2;
        // Optional size, in bytes.
        optional int64 size_bytes = 3;
        // One of.
        oneof shape {
          // Round.
          google.protobuf.Duration round = 4;
        }
        // Removed in 1.1: was colour.
        reserved 5;
      }

      // Kinds.
      enum Kind {
        // Unset.
        KIND_UNSPECIFIED = 0;
      }
      """;

  @Test
  void shouldFindNoViolationsWhenTheModuleFilesAreFullyCommented() {
    assertThat(ProtoFiles.all()).hasSizeGreaterThanOrEqualTo(7);
    for (Path file : ProtoFiles.all()) {
      assertThat(ProtoCommentLint.violations(file.toString(), ProtoFiles.lines(file))).isEmpty();
    }
  }

  @Test
  void shouldFindNoViolationsWhenEveryKindOfDeclarationIsCommented() {
    assertThat(ProtoCommentLint.violations("valid.proto", VALID.lines().toList())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("declarationsOfTheSample")
  void shouldReportDeclarationWhenItsCommentIsRemoved(int line) {
    List<String> mutated = withoutCommentAbove(VALID.lines().toList(), line);
    int shifted = line - (VALID.lines().toList().size() - mutated.size());

    assertThat(ProtoCommentLint.violations("x.proto", mutated))
        .anySatisfy(v -> assertThat(v).startsWith("x.proto:" + (shifted + 1) + ": no // comment"));
  }

  @ParameterizedTest
  @MethodSource("declarationsOfTheModuleFiles")
  void shouldFailOnModuleFileWhenAnyCommentBlockIsRemoved(Path file, int line) {
    List<String> original = ProtoFiles.lines(file);
    List<String> mutated = withoutCommentAbove(original, line);
    int shifted = line - (original.size() - mutated.size());

    assertThat(ProtoCommentLint.violations("x.proto", mutated))
        .containsExactly(
            "x.proto:"
                + (shifted + 1)
                + ": no // comment directly above: "
                + original.get(line).strip());
  }

  @Test
  void shouldReportDeclarationWhenABlankLineSeparatesItFromItsComment() {
    List<String> lines = List.of("// A thing.", "", "message Thing {", "}");

    assertThat(ProtoCommentLint.violations("x.proto", lines))
        .containsExactly("x.proto:3: no // comment directly above: message Thing {");
  }

  @Test
  void shouldReportDeclarationWhenItsCommentIsEmpty() {
    List<String> lines = List.of("//", "message Thing {", "}");

    assertThat(ProtoCommentLint.violations("x.proto", lines)).hasSize(1);
  }

  @Test
  void shouldReportLineWhenItOnlyHasATrailingComment() {
    List<String> lines = List.of("// A thing.", "message Thing {", "  string a = 1; // A.", "}");

    assertThat(ProtoCommentLint.violations("x.proto", lines))
        .containsExactly(
            "x.proto:3: unrecognised line (one declaration per line, comments above it):"
                + " string a = 1; // A.");
  }

  @Test
  void shouldReportLineWhenABlockCommentIsUsed() {
    List<String> lines = List.of("/* A thing. */", "message Thing {", "}");

    assertThat(ProtoCommentLint.violations("x.proto", lines)).hasSize(2);
  }

  static Stream<Integer> declarationsOfTheSample() {
    return declarationLines(VALID.lines().toList()).stream();
  }

  static Stream<Arguments> declarationsOfTheModuleFiles() {
    List<Arguments> cases = new ArrayList<>();
    for (Path file : ProtoFiles.all()) {
      declarationLines(ProtoFiles.lines(file)).forEach(line -> cases.add(Arguments.of(file, line)));
    }
    // Guards against a lint that silently treats nothing as a declaration.
    assertThat(cases).hasSizeGreaterThan(300);
    return cases.stream();
  }

  private static List<Integer> declarationLines(List<String> lines) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (ProtoCommentLint.needsComment(lines.get(i))) {
        out.add(i);
      }
    }
    return out;
  }

  /** Drops the contiguous // comment lines directly above the (0-based) line. */
  private static List<String> withoutCommentAbove(List<String> lines, int line) {
    int first = line;
    while (first > 0 && lines.get(first - 1).strip().startsWith("//")) {
      first--;
    }
    List<String> out = new ArrayList<>(lines.subList(0, first));
    out.addAll(lines.subList(line, lines.size()));
    return out;
  }
}
