/* Quanta demo: calls the kernels quanta-compile built from
 * examples/quantize.mlir and prints quantized values and error statistics. */
#include "quantize.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* E4M3FN code -> float, for printing. */
static float decodeE4M3(uint8_t code) {
  int sign = code >> 7, exp = (code >> 3) & 15, man = code & 7;
  float v;
  if (exp == 15 && man == 7)
    return NAN;
  v = exp == 0 ? ldexpf((float)man, -9) : ldexpf(1.0f + man / 8.0f, exp - 7);
  return sign ? -v : v;
}

static void report(const char *name, const float *x, const float *y,
                   size_t n, double bits) {
  double err2 = 0, sig2 = 0, maxErr = 0;
  for (size_t i = 0; i < n; ++i) {
    double e = (double)y[i] - x[i];
    err2 += e * e;
    sig2 += (double)x[i] * x[i];
    if (fabs(e) > maxErr)
      maxErr = fabs(e);
  }
  printf("  %-28s %5.2f bits/value  max|err| %.5f  RMSE %.5f  SQNR %5.1f dB\n",
         name, bits, maxErr, sqrt(err2 / n), 10 * log10(sig2 / err2));
}

/* A deterministic activation-like signal: smooth, with a few outliers. */
static float signal(size_t i) {
  float v = sinf(0.37f * i) + 0.5f * cosf(0.011f * i * i);
  return (i % 97 == 0) ? 6.0f * v : v;
}

int main(void) {
  enum { Rows = 256, Cols = 64, N = Rows * Cols };
  static float x[N], y[N], w[64 * 48], wy[64 * 48];
  static uint8_t fp8[N], w4[64 * 48 / 2];
  float tutorial[4] = {-0.5f, 0.3f, 1.2f, -2.1f}, scale;
  int8_t q[4];

  printf("Tutorial example [-0.5, 0.3, 1.2, -2.1], int8 max-abs:\n");
  quantize_int8_max_abs(tutorial, 4, q, &scale);
  printf("  scale = 2.1/127 = %.9g  q = [%d, %d, %d, %d]\n", scale, q[0],
         q[1], q[2], q[3]);

  for (size_t i = 0; i < N; ++i)
    x[i] = signal(i);
  for (size_t i = 0; i < 64 * 48; ++i)
    w[i] = 0.05f * signal(3 * i + 1);

  printf("\nRound trips over %d x %d activations and 64 x 48 weights:\n",
         Rows, Cols);
  int8_per_token_roundtrip(x, Rows, y);
  report("int8 per-token (dynamic)", x, y, N, 8 + 32.0 / Cols);
  fp8_e4m3_roundtrip(x, Rows, fp8, y);
  report("FP8 E4M3FN per-tensor", x, y, N, 8);
  int4_per_group_roundtrip(w, 48, w4, wy);
  report("int4 per-group (g=32)", w, wy, 64 * 48, 4 + 32.0 / 32);

  printf("\nFirst FP8 codes: ");
  for (int i = 0; i < 6; ++i)
    printf("0x%02x(%g) ", fp8[i], decodeE4M3(fp8[i]));
  printf("\nFirst packed int4 bytes (low nibble first): ");
  for (int i = 0; i < 6; ++i)
    printf("0x%02x ", w4[i]);
  printf("\n");
  return !(q[0] == -30 && q[1] == 18 && q[2] == 73 && q[3] == -127);
}
