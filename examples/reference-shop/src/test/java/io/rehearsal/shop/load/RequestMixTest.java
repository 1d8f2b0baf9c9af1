package io.rehearsal.shop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestMixTest {

  @Test
  void shouldDrawEndpointsInTheirFractionsWhenSampledOften() {
    RequestMix mix = RequestMix.parse("0.6,0.3,0.1");
    SplittableRandom random = new SplittableRandom(5);

    Map<String, Long> counts =
        IntStream.range(0, 20_000)
            .mapToObj(i -> mix.next(random).endpoint())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

    assertThat(counts.get("GET /browse")).isBetween(11_700L, 12_300L);
    assertThat(counts.get("POST /cart")).isBetween(5_750L, 6_250L);
    assertThat(counts.get("POST /checkout")).isBetween(1_850L, 2_150L);
  }

  @Test
  void shouldBuildQueriesTheServicesUnderstandWhenDrawing() {
    RequestMix.Planned browse = new RequestMix(1, 0, 0).next(new SplittableRandom(1));

    assertThat(browse.method()).isEqualTo("GET");
    assertThat(browse.pathAndQuery()).matches("/browse\\?user=\\d+&category=\\d+&page=[1-5]");
  }

  @Test
  void shouldRefuseFractionsWhenTheyDoNotSumToOne() {
    assertThatThrownBy(() -> RequestMix.parse("0.5,0.3,0.1")).hasMessageContaining("sum to 1");
  }
}
