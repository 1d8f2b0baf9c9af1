package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.twin.random.RandomStream;
import org.junit.jupiter.api.Test;

class NnlsTest {

  @Test
  void shouldRecoverCoefficientsWhenTheyArePositive() {
    RandomStream r = new RandomStream(3);
    double[] truth = {0.004, 0.0005, 0.02};
    double[][] a = new double[60][3];
    double[] b = new double[60];
    for (int i = 0; i < 60; i++) {
      for (int j = 0; j < 3; j++) {
        a[i][j] = 10 + 50 * r.nextDouble();
        b[i] += a[i][j] * truth[j];
      }
    }
    assertThat(Nnls.solve(a, b)).containsExactly(truth, within(1e-9));
  }

  @Test
  void shouldClampToZeroWhenLeastSquaresWouldGoNegative() {
    // b = 2 x1 - 1 x2 exactly; the best non-negative fit puts x2 at zero.
    double[][] a = {{1, 0}, {0, 1}, {1, 1}};
    double[] b = {2, -1, 1};
    double[] x = Nnls.solve(a, b);
    assertThat(x[1]).isZero();
    assertThat(x[0]).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void shouldSolveWhenColumnsAreCollinear() {
    double[][] a = {{1, 2}, {2, 4}, {3, 6}};
    double[] b = {5, 10, 15};
    double[] x = Nnls.solve(a, b);
    assertThat(x[0] + 2 * x[1]).isCloseTo(5, within(1e-6));
    assertThat(x[0]).isGreaterThanOrEqualTo(0);
    assertThat(x[1]).isGreaterThanOrEqualTo(0);
  }
}
