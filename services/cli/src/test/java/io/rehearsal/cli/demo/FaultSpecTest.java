package io.rehearsal.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultSpecTest {

  @Test
  void shouldBuildTheShopsSwitchBodyWhenParsingEachKind() {
    assertThat(FaultSpec.parse("latency:catalog:400").switchJson())
        .isEqualTo("{\"kind\":\"latency\",\"addedMs\":400}");
    assertThat(FaultSpec.parse("error:payment:0.3").switchJson())
        .isEqualTo("{\"kind\":\"error\",\"rate\":0.3}");
    assertThat(FaultSpec.parse("fewer-workers:catalog:1").switchJson())
        .isEqualTo("{\"kind\":\"workers\",\"workers\":1}");
    assertThat(FaultSpec.parse("latency:catalog:400")).hasToString("latency on catalog (+400 ms)");
  }

  @Test
  void shouldNameTheBadValueWhenTheSpecIsMalformed() {
    assertThatThrownBy(() -> FaultSpec.parse("latency:catalog"))
        .hasMessageContaining("KIND:SERVICE:MAGNITUDE")
        .hasMessageContaining("'latency:catalog'");
    assertThatThrownBy(() -> FaultSpec.parse("slow:catalog:4")).hasMessageContaining("'slow'");
    assertThatThrownBy(() -> FaultSpec.parse("latency:catalog:lots"))
        .hasMessageContaining("'lots'");
    assertThatThrownBy(() -> FaultSpec.parse("error:payment:1.5")).hasMessageContaining("1.5");
    assertThatThrownBy(() -> FaultSpec.parse("latency::400")).hasMessageContaining("blank");
  }
}
