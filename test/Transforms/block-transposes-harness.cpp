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

/// A plain transpose of T elements: fn(in, R, C, out).
template <typename T, typename Fn>
static void checkPlain(const char *name, Fn fn) {
  long shapes = 0, elements = 0, bad = 0;
  for (auto [R, C] : kShapes) {
    std::vector<T> in(size_t(R * C)), out(size_t(R * C) + 1, T(0x5a));
    for (T &v : in)
      v = T(rng());
    fn(in.data(), R, C, out.data());
    for (int64_t r = 0; r < R; ++r)
      for (int64_t c = 0; c < C; ++c)
        bad += out[size_t(c * R + r)] != in[size_t(r * C + c)];
    // Nothing written past the result.
    bad += out.back() != T(0x5a);
    ++shapes;
    elements += R * C;
  }
  report(name, shapes, elements, bad);
}

static int nibble(const std::vector<uint8_t> &packed, int64_t i) {
  return (packed[size_t(i / 2)] >> (4 * (i % 2))) & 15;
}

static void checkInt4() {
  long shapes = 0, elements = 0, bad = 0;
  for (auto [R, C] : kShapes) {
    size_t bytes = size_t((R * C + 1) / 2);
    std::vector<uint8_t> in(bytes), out(bytes);
    for (uint8_t &v : in)
      v = uint8_t(rng());
    t4(in.data(), R, C, out.data());
    for (int64_t r = 0; r < R; ++r)
      for (int64_t c = 0; c < C; ++c)
        bad += nibble(out, c * R + r) != nibble(in, r * C + c);
    ++shapes;
    elements += R * C;
  }
  report("t4", shapes, elements, bad);
}

/// [R, G, 8] into [G, 8, R]: the matrix [R, 8G] transposed.
static void checkGroups() {
  long shapes = 0, elements = 0, bad = 0;
  for (auto [R, G] : kShapes) {
    int64_t C = 8 * G;
    std::vector<int8_t> in(size_t(R * C)), out(size_t(R * C));
    for (int8_t &v : in)
      v = int8_t(rng());
    groups(in.data(), R, G, out.data());
    for (int64_t r = 0; r < R; ++r)
      for (int64_t c = 0; c < C; ++c)
        bad += out[size_t(c * R + r)] != in[size_t(r * C + c)];
    ++shapes;
    elements += R * C;
  }
  report("groups", shapes, elements, bad);
}

/// The even columns of [R, C] transposed: [C / 2, R].
static void checkStrided() {
  long shapes = 0, elements = 0, bad = 0;
  for (auto [R, C] : kShapes) {
    int64_t H = C / 2;
    std::vector<int8_t> in(size_t(R * C)), out(size_t(R * H));
    for (int8_t &v : in)
      v = int8_t(rng());
    strided(in.data(), R, C, out.data());
    for (int64_t r = 0; r < R; ++r)
      for (int64_t h = 0; h < H; ++h)
        bad += out[size_t(h * R + r)] != in[size_t(r * C + 2 * h)];
    ++shapes;
    elements += R * H;
  }
  report("strided", shapes, elements, bad);
}

int main() {
  checkPlain<int8_t>("t8", t8);
  checkPlain<int16_t>("t16", t16);
  checkPlain<float>("t32", [](const float *in, int64_t R, int64_t C,
                              float *out) { t32(in, R, C, out); });
  checkPlain<int64_t>("t64", t64);
  checkInt4();
  checkGroups();
  checkStrided();
  std::printf("%s\n", allExact ? "ALL EXACT" : "MISMATCHES");
  return allExact ? 0 : 1;
}
