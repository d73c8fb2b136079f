//===- group-size-check-harness.cpp - run w4 with K from argv -------------===//
//
// Calls group-size-check.mlir's w4 with K = argv[1] (weights and scales
// sized for it) and prints "ran" when it returns.
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char **argv) {
  // The failed check prints with puts, then aborts: unbuffered, so the
  // message reaches the pipe.
  std::setvbuf(stdout, nullptr, _IONBF, 0);
  int64_t K = argc > 1 ? std::atoll(argv[1]) : 64;
  int64_t groups = (K + 31) / 32;
  std::vector<int8_t> a(2 * K, 1);
  std::vector<uint8_t> w(K * 16 / 2, 0x11);
  std::vector<float> sa(2, 1.0f), sw(groups * 16, 1.0f), out(2 * 16);
  w4(a.data(), K, w.data(), K, sa.data(), sw.data(), groups, out.data());
  std::printf("K = %lld: ran\n", (long long)K);
  return 0;
}
