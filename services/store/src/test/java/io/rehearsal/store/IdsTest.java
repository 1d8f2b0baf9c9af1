package io.rehearsal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "checkout|checkout",
        "shop/checkout-v2.1@eu:a_b|shop/checkout-v2.1@eu:a_b",
        "check out|check_out",
        "ünïcode*|_n_code_",
        "''|_"
      })
  void shouldKeepOnlyKeyCharactersWhenMakingAKeyPart(String name, String expected) {
    String part = Ids.keyPart(name);

    assertThat(part).isEqualTo(expected);
    assertThat(Ids.require("part", "x" + part)).isEqualTo("x" + part);
  }

  @ParameterizedTest
  @CsvSource({"'-leading'", "'has space'", "''"})
  void shouldNameTheFieldWhenAnIdIsRefused(String id) {
    assertThatThrownBy(() -> Ids.require("request_id", id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("request_id must be 1-200 characters");
  }
}
