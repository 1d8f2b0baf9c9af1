package io.rehearsal.calibration;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Non-negative least squares, min ||A x - b|| subject to x >= 0, by the Lawson–Hanson active-set
 * method; the unconstrained sub-problems are solved by QR decomposition (commons-math3).
 */
final class Nnls {
  private static final double TOLERANCE = 1e-10;

  private Nnls() {}

  /** The non-negative least-squares solution of {@code a x = b}. */
  static double[] solve(double[][] a, double[] b) {
    int n = a[0].length;
    boolean[] passive = new boolean[n];
    double[] x = new double[n];
    for (int outer = 0; outer < 3 * n + 10; outer++) {
      double[] w = gradient(a, b, x);
      int j = best(w, passive);
      if (j < 0) {
        break;
      }
      passive[j] = true;
      x = inner(a, b, x, passive);
    }
    return x;
  }

  private static double[] inner(double[][] a, double[] b, double[] x, boolean[] passive) {
    double[] current = x.clone();
    for (int iteration = 0; iteration < 3 * current.length + 10; iteration++) {
      double[] z = leastSquares(a, b, passive);
      if (allPositive(z, passive)) {
        return z;
      }
      double alpha = step(current, z, passive);
      for (int i = 0; i < current.length; i++) {
        current[i] += alpha * (z[i] - current[i]);
        if (passive[i] && current[i] <= TOLERANCE) {
          passive[i] = false;
          current[i] = 0;
        }
      }
    }
    return current;
  }

  private static double step(double[] x, double[] z, boolean[] passive) {
    double alpha = 1;
    for (int i = 0; i < x.length; i++) {
      if (passive[i] && z[i] <= 0) {
        alpha = Math.min(alpha, x[i] / (x[i] - z[i]));
      }
    }
    return alpha;
  }

  private static boolean allPositive(double[] z, boolean[] passive) {
    for (int i = 0; i < z.length; i++) {
      if (passive[i] && z[i] <= 0) {
        return false;
      }
    }
    return true;
  }

  private static int best(double[] w, boolean[] passive) {
    int best = -1;
    double max = TOLERANCE;
    for (int i = 0; i < w.length; i++) {
      if (!passive[i] && w[i] > max) {
        max = w[i];
        best = i;
      }
    }
    return best;
  }

  /** A^T (b - A x). */
  private static double[] gradient(double[][] a, double[] b, double[] x) {
    int n = x.length;
    double[] w = new double[n];
    for (int r = 0; r < a.length; r++) {
      double residual = b[r];
      for (int c = 0; c < n; c++) {
        residual -= a[r][c] * x[c];
      }
      for (int c = 0; c < n; c++) {
        w[c] += a[r][c] * residual;
      }
    }
    return w;
  }

  /** Least squares over the passive columns; the others are 0. */
  private static double[] leastSquares(double[][] a, double[] b, boolean[] passive) {
    int[] columns =
        java.util.stream.IntStream.range(0, passive.length).filter(i -> passive[i]).toArray();
    double[] z = new double[passive.length];
    if (columns.length == 0) {
      return z;
    }
    RealMatrix m = new Array2DRowRealMatrix(a.length, columns.length);
    for (int r = 0; r < a.length; r++) {
      for (int c = 0; c < columns.length; c++) {
        m.setEntry(r, c, a[r][columns[c]]);
      }
    }
    RealVector rhs = new ArrayRealVector(b, false);
    RealVector solution;
    try {
      solution = new QRDecomposition(m, 1e-12).getSolver().solve(rhs);
    } catch (SingularMatrixException e) {
      solution = ridge(m, rhs);
    }
    for (int c = 0; c < columns.length; c++) {
      z[columns[c]] = solution.getEntry(c);
    }
    return z;
  }

  /** Collinear columns: a tiny ridge term makes the normal equations solvable. */
  private static RealVector ridge(RealMatrix m, RealVector rhs) {
    RealMatrix normal = m.transpose().multiply(m);
    double lambda = 1e-9 * Math.max(normal.getTrace(), 1e-300);
    for (int i = 0; i < normal.getRowDimension(); i++) {
      normal.addToEntry(i, i, lambda);
    }
    return new LUDecomposition(normal).getSolver().solve(m.transpose().operate(rhs));
  }
}
