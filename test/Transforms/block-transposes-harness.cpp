//===- block-transposes-harness.cpp - transposes vs their definition ------===//
//
// Calls block-transposes-exec.mlir's functions on random bits for shapes
// around the pass's blocks (16 x 16 bytes ... 2 x 2 64-bit elements) and
// strips (256 rows) and checks every element: out[c][r] = in[r][c] (int4
// packed two per byte at the C ABI, first element in the low nibble).
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

static std::mt19937_64 rng(20261129);
static bool allExact = true;

/// Shapes (rows, columns): empty, one row or column, single blocks, partial
/// blocks, whole and partial strips, non-square.
static const int64_t kShapes[][2] = {
    {0, 0},    {0, 5},    {5, 0},    {1, 1},    {1, 37},    {37, 1},  {2, 2},
    {4, 4},    {16, 16},  {15, 17},  {17, 15},  {64, 64},   {63, 65}, {65, 63},
    {128, 16}, {16, 128}, {130, 77}, {256, 48}, {300, 257}, {513, 40}};

static void report(const char *name, long shapes, long elements, long bad) {
  std::printf("%s: %ld shapes, %ld elements, %ld mismatches\n", name, shapes,
              elements, bad);
  allExact &= bad == 0;
}

static int nibble(const std::vector<uint8_t> &packed, int64_t i) {
  return (packed[size_t(i / 2)] >> (4 * (i % 2))) & 15;
}

/// A function's result for each shape [R, X] of kShapes: `call(in, R, X,
/// out)` on random T elements of an input of `width(X)` columns (int4:
/// `Nibbles`, packed), checked as out[c * R + r] = in[r * width + column(c)]
/// for the `columns(X)` columns of the transposed result; a guard element
/// past the result must stay unwritten.
template <typename T, bool Nibbles = false, typename Call>
static void check(
    const char *name, Call call,
    int64_t (*width)(int64_t) = [](int64_t x) { return x; },
    int64_t (*columns)(int64_t) = [](int64_t x) { return x; },
    int64_t (*column)(int64_t) = [](int64_t c) { return c; }) {
  long shapes = 0, elements = 0, bad = 0;
  auto storage = [](int64_t n) { return size_t(Nibbles ? (n + 1) / 2 : n); };
  auto at = [](const std::vector<T> &v, int64_t i) -> int64_t {
    if constexpr (Nibbles)
      return nibble(v, i);
    return int64_t(v[size_t(i)]);
  };
  for (auto [R, X] : kShapes) {
    int64_t W = width(X), C = columns(X);
    std::vector<T> in(storage(R * W)), out(storage(R * C) + 1, T(0x5a));
    for (T &v : in)
      v = T(rng());
    call(in.data(), R, X, out.data());
    for (int64_t r = 0; r < R; ++r)
      for (int64_t c = 0; c < C; ++c)
        bad += at(out, c * R + r) != at(in, r * W + column(c));
    bad += out.back() != T(0x5a);
    ++shapes;
    elements += R * C;
  }
  report(name, shapes, elements, bad);
}

int main() {
  check<int8_t>("t8", t8);
  check<int16_t>("t16", t16);
  // Random integers as floats (exact, no NaN): compared by value.
  check<float>("t32", t32);
  check<int64_t>("t64", t64);
  check<uint8_t, /*Nibbles=*/true>("t4", t4);
  // [R, G, 8] into [G, 8, R]: the matrix [R, 8G] transposed.
  check<int8_t>(
      "groups", groups, [](int64_t g) { return 8 * g; },
      [](int64_t g) { return 8 * g; });
  // The even columns of [R, C] transposed: [C / 2, R].
  check<int8_t>(
      "strided", strided, [](int64_t c) { return c; },
      [](int64_t c) { return c / 2; }, [](int64_t h) { return 2 * h; });
  std::printf("%s\n", allExact ? "ALL EXACT" : "MISMATCHES");
  return allExact ? 0 : 1;
}
