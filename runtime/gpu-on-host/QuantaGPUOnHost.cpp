//===- QuantaGPUOnHost.cpp - GPU kernels with cooperating threads on the host //
//
// This file implements the `quanta_gpu_host_*` functions that the kernels
// of `--quanta-gpu-launches-to-host-fibers` call (quanta-compile
// --gpu-on-host with a --gpu-arch): each block's threads run as fibers of
// one host thread, switched when a thread waits, so that block barriers,
// warp collectives (shuffles, ldmatrix, mma.sync), cp.async groups and
// warpgroup MMAs behave as the PTX ISA defines them. The warp operations are
// computed here from the PTX ISA's fragment layouts, independently of the
// kernel builder that uses them.
//
// Misuse that a GPU would hang on or compute garbage from (threads of a
// warp at different collectives, a barrier some threads never reach, shared
// memory beyond its window, an operation this emulation does not model) is
// reported on stderr and aborts the process.
//
//===----------------------------------------------------------------------===//

#include "quanta/Runtime/GPUOnHost.h"

#include <ucontext.h>

#include <sys/mman.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <limits>
#include <vector>

using namespace quanta::gpu_on_host;

namespace {

constexpr int kWarpSize = 32;
constexpr int kWarpgroupSize = 128;
constexpr size_t kStackBytes = size_t(256) << 10;
/// Uninitialized shared memory reads as this byte.
constexpr int kSharedPoison = 0xA5;

[[noreturn]] void fail(const char *message) {
  std::fprintf(stderr, "quanta GPU-on-host runtime: %s\n", message);
  std::abort();
}

struct Copy {
  uint8_t *target;
  const uint8_t *source;
  int32_t bytes;
};

/// The shared memory a wgmma read: 128-byte pieces (one core matrix each)
/// and their bytes when it was issued.
struct WgmmaRead {
  std::vector<const uint8_t *> pieces;
  std::vector<uint8_t> bytes;
};

/// What a thread deposits for a warp collective.
struct Deposit {
  int32_t op;
  uint32_t words[16];
  uint64_t address;
};

enum Collective : int32_t { Shuffle = 1, LdMatrix = 2, Mma = 3 };

//===----------------------------------------------------------------------===//
// Fibers: on x86-64 a switch saves the callee-saved registers and the FP
// control words on the stack and swaps stack pointers (no system call, where
// swapcontext saves the signal mask); elsewhere, or with
// QUANTA_GPU_HOST_UCONTEXT defined (as a unit test builds it), ucontext.
//===----------------------------------------------------------------------===//

#if defined(__x86_64__) && !defined(QUANTA_GPU_HOST_UCONTEXT)
extern "C" void quanta_gpu_host_switch(void **save, void *load);
asm(R"(
  .text
  .p2align 4
  .type quanta_gpu_host_switch,@function
quanta_gpu_host_switch:
  pushq %rbp
  pushq %rbx
  pushq %r12
  pushq %r13
  pushq %r14
  pushq %r15
  subq $8, %rsp
  stmxcsr (%rsp)
  fnstcw 4(%rsp)
  movq %rsp, (%rdi)
  movq %rsi, %rsp
  ldmxcsr (%rsp)
  fldcw 4(%rsp)
  addq $8, %rsp
  popq %r15
  popq %r14
  popq %r13
  popq %r12
  popq %rbx
  popq %rbp
  ret
  .size quanta_gpu_host_switch, .-quanta_gpu_host_switch
)");

struct Context {
  void *sp;
};

/// Prepares `c` to run `fn` (which must not return) on `stack`: the frame
/// that quanta_gpu_host_switch pops, returning into `fn` as if called.
void startContext(Context &c, uint8_t *stack, size_t bytes, void (*fn)()) {
  auto top = reinterpret_cast<uintptr_t>(stack + bytes) & ~uintptr_t(15);
  auto **sp = reinterpret_cast<void **>(top);
  *--sp = nullptr;
  *--sp = reinterpret_cast<void *>(fn);
  for (int i = 0; i < 6; ++i)
    *--sp = nullptr;
  // MXCSR and the x87 control word at their defaults.
  uint64_t controls = 0x1F80 | uint64_t(0x037F) << 32;
  *--sp = reinterpret_cast<void *>(controls);
  c.sp = sp;
}

void switchContext(Context &from, Context &to) {
  quanta_gpu_host_switch(&from.sp, to.sp);
}
#else
struct Context {
  ucontext_t context;
};

void startContext(Context &c, uint8_t *stack, size_t bytes, void (*fn)()) {
  if (getcontext(&c.context) != 0)
    fail("getcontext failed");
  c.context.uc_stack.ss_sp = stack;
  c.context.uc_stack.ss_size = bytes;
  c.context.uc_link = nullptr;
  makecontext(&c.context, fn, 0);
}

void switchContext(Context &from, Context &to) {
  if (swapcontext(&from.context, &to.context) != 0)
    fail("swapcontext failed");
}
#endif

struct Thread {
  Context context;
  int64_t id[3];
  int64_t linear;
  bool done;
  int64_t barriers, collectives;
  /// cp.async: the committed groups not yet waited for, oldest first, and
  /// the group being issued.
  std::deque<std::vector<Copy>> groups;
  std::vector<Copy> open;
  /// wgmma: the same for the committed groups and the one being issued.
  std::deque<std::vector<WgmmaRead>> wgmmaGroups;
  std::vector<WgmmaRead> wgmmaOpen;
};

/// Collective c of a warp uses slot c % 2: a lane cannot reach c + 2 before
/// every lane has arrived at c + 1, i.e. has read c's deposits.
struct Warp {
  int64_t arrived[2];
  Deposit lanes[2][kWarpSize];
};

struct Launch {
  int64_t grid[3], block[3], blockId[3];
  uint8_t *shared;
  int64_t sharedBytes;
  void (*entry)(void *);
  void *env;
  std::vector<Thread> threads;
  std::vector<Warp> warps;
  std::vector<int64_t> barrierArrivals;
  int64_t exited;
  uint8_t *stacks;
  Context scheduler;
  Thread *current;
  bool progress;
};

/// The launch this OS thread runs (its fibers all run on it).
thread_local Launch *launch;

void yield() { switchContext(launch->current->context, launch->scheduler); }

[[noreturn]] void fiberMain() {
  launch->entry(launch->env);
  Thread *self = launch->current;
  self->done = true;
  ++launch->exited;
  launch->progress = true;
  // Copies never waited for do not land.
  self->groups.clear();
  self->open.clear();
  if (!self->wgmmaGroups.empty() || !self->wgmmaOpen.empty())
    fail("a thread exited with wgmma operations it did not wait for");
  yield();
  fail("a finished thread was resumed");
}

/// Whether threads and blocks run from the last to the first
/// ($QUANTA_GPU_HOST_ORDER=reverse): a kernel whose threads read what others
/// write with no barrier between gives other results in the two orders.
bool reverseOrder() {
  static const bool reverse = [] {
    const char *order = std::getenv("QUANTA_GPU_HOST_ORDER");
    return order && std::strcmp(order, "reverse") == 0;
  }();
  return reverse;
}

void runBlock() {
  Launch &l = *launch;
  std::memset(l.shared, kSharedPoison, l.sharedBytes);
  int64_t count = l.threads.size();
  for (int64_t i = 0; i < count; ++i) {
    Thread &t = l.threads[i];
    t.linear = i;
    t.id[0] = i % l.block[0];
    t.id[1] = i / l.block[0] % l.block[1];
    t.id[2] = i / (l.block[0] * l.block[1]);
    t.done = false;
    t.barriers = t.collectives = 0;
    t.groups.clear();
    t.open.clear();
    t.wgmmaGroups.clear();
    t.wgmmaOpen.clear();
    startContext(t.context, l.stacks + i * kStackBytes, kStackBytes, fiberMain);
  }
  for (Warp &w : l.warps)
    w.arrived[0] = w.arrived[1] = 0;
  l.barrierArrivals.clear();
  l.exited = 0;
  // Round robin over the threads not done; a thread runs until it waits
  // or returns. A round in which no thread got further is a deadlock.
  while (l.exited < count) {
    l.progress = false;
    for (int64_t j = 0; j < count; ++j) {
      Thread &t = l.threads[reverseOrder() ? count - 1 - j : j];
      if (t.done)
        continue;
      l.current = &t;
      switchContext(l.scheduler, t.context);
    }
    if (!l.progress && l.exited < count)
      fail("deadlock: some threads wait at a barrier or warp collective "
           "that others of their block or warp never reach");
  }
}

Thread &self() { return *launch->current; }

/// Deposits this lane's `deposit` for its next warp collective, waits for
/// the whole warp and returns the 32 lanes' deposits (valid until this lane's
/// next collective).
const Deposit *exchange(const Deposit &deposit) {
  Thread &t = self();
  if (launch->threads.size() % kWarpSize != 0)
    fail("warp collective in a block that is not a whole number of warps");
  Warp &w = launch->warps[t.linear / kWarpSize];
  int slot = t.collectives & 1;
  int64_t round = t.collectives / 2;
  ++t.collectives;
  w.lanes[slot][t.linear % kWarpSize] = deposit;
  ++w.arrived[slot];
  launch->progress = true;
  while (w.arrived[slot] < (round + 1) * kWarpSize)
    yield();
  launch->progress = true;
  for (const Deposit &d : w.lanes[slot])
    if (d.op != deposit.op)
      fail("the lanes of a warp are at different warp collectives");
  return w.lanes[slot];
}

//===----------------------------------------------------------------------===//
// Element formats of the MMA operands, decoded exactly (to double).
//===----------------------------------------------------------------------===//

/// A minifloat with `expBits` exponent and `manBits` mantissa bits; `ieee`
/// formats reserve the top exponent for Inf/NaN, E4M3FN only S.1111.111 for
/// NaN.
double decodeFloat(uint32_t bits, int expBits, int manBits, bool ieee) {
  int bias = (1 << (expBits - 1)) - 1;
  bool negative = bits >> (expBits + manBits) & 1;
  uint32_t exponent = bits >> manBits & ((1u << expBits) - 1);
  uint32_t mantissa = bits & ((1u << manBits) - 1);
  double value;
  if (exponent == (1u << expBits) - 1 &&
      (ieee || mantissa == (1u << manBits) - 1))
    value = ieee && mantissa == 0 ? INFINITY : NAN;
  else if (exponent == 0)
    value = std::ldexp(double(mantissa), 1 - bias - manBits);
  else
    value = std::ldexp(double(mantissa | 1u << manBits),
                       int(exponent) - bias - manBits);
  return negative ? -value : value;
}

/// The values of every code of an 8-bit (E4M3FN, E5M2) or 16-bit (f16,
/// bf16) float format, exact in f32.
struct FloatCodes {
  float e4m3[256], e5m2[256];
  std::vector<float> f16, bf16;
  FloatCodes() : f16(65536), bf16(65536) {
    for (uint32_t c = 0; c < 256; ++c) {
      e4m3[c] = float(decodeFloat(c, 4, 3, false));
      e5m2[c] = float(decodeFloat(c, 5, 2, true));
    }
    for (uint32_t c = 0; c < 65536; ++c) {
      f16[c] = float(decodeFloat(c, 5, 10, true));
      bf16[c] = float(decodeFloat(c, 8, 7, true));
    }
  }
};

const FloatCodes &floatCodes() {
  static const FloatCodes codes;
  return codes;
}

/// A product of two 16-bit or 8-bit floats, exact in double, as the f32
/// accumulator holds it: +-Inf beyond its range (so that products of both
/// signs overflowing give NaN, as in f32 arithmetic).
double inF32Range(double product) {
  return std::fabs(product) > double(std::numeric_limits<float>::max())
             ? std::copysign(double(INFINITY), product)
             : product;
}

/// The elements (4 bytes or 2 halves) of an operand's fragment words.
struct Elements {
  int32_t kind;
  bool flag;
  /// Element `i` of `word`, for the float kinds.
  float value(uint32_t word, int i) const {
    const FloatCodes &codes = floatCodes();
    switch (kind) {
    case MmaFP8:
      return (flag ? codes.e5m2 : codes.e4m3)[word >> (8 * i) & 0xff];
    case MmaF16:
      return codes.f16[word >> (16 * i) & 0xffff];
    default:
      return codes.bf16[word >> (16 * i) & 0xffff];
    }
  }
  /// Element `i` of `word`, for int8.
  int32_t integer(uint32_t word, int i) const {
    uint32_t byte = word >> (8 * i) & 0xff;
    return flag ? int32_t(int8_t(byte)) : int32_t(byte);
  }
};

} // namespace

extern "C" {

/// Runs the kernel `entry(env)` on a grid x block launch, one block after
/// another, with `sharedBytes` of shared memory at `shared` (aligned to and
/// within one 256 KiB window).
void quanta_gpu_host_launch(int64_t gridX, int64_t gridY, int64_t gridZ,
                            int64_t blockX, int64_t blockY, int64_t blockZ,
                            int64_t shared, int64_t sharedBytes,
                            void (*entry)(void *), void *env) {
  if (launch)
    fail("a kernel launched another kernel");
  if (shared % kSharedWindow != 0 || sharedBytes > kSharedWindow)
    fail("shared memory not within one aligned 256 KiB window");
  int64_t threads = blockX * blockY * blockZ;
  if (threads <= 0 || threads > 1024)
    fail("a block must have 1 to 1024 threads");
  Launch l{};
  l.grid[0] = gridX, l.grid[1] = gridY, l.grid[2] = gridZ;
  l.block[0] = blockX, l.block[1] = blockY, l.block[2] = blockZ;
  l.shared = reinterpret_cast<uint8_t *>(shared);
  l.sharedBytes = sharedBytes;
  l.entry = entry;
  l.env = env;
  l.threads.resize(threads);
  l.warps.resize((threads + kWarpSize - 1) / kWarpSize);
  void *stacks = mmap(nullptr, threads * kStackBytes, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (stacks == MAP_FAILED)
    fail("cannot map the threads' stacks");
  l.stacks = static_cast<uint8_t *>(stacks);
  launch = &l;
  int64_t blocks = gridX * gridY * gridZ;
  for (int64_t b = 0; b < blocks; ++b) {
    int64_t i = reverseOrder() ? blocks - 1 - b : b;
    l.blockId[0] = i % gridX;
    l.blockId[1] = i / gridX % gridY;
    l.blockId[2] = i / (gridX * gridY);
    runBlock();
  }
  launch = nullptr;
  munmap(stacks, threads * kStackBytes);
}

/// `which`: an IdGroup plus the dimension (0-2).
int64_t quanta_gpu_host_id(int32_t which) {
  int dim = which % 3;
  switch (which - dim) {
  case ThreadId:
    return self().id[dim];
  case BlockId:
    return launch->blockId[dim];
  case BlockDim:
    return launch->block[dim];
  default:
    return launch->grid[dim];
  }
}

/// bar.sync 0: waits for every thread of the block (exited ones count as
/// arrived).
void quanta_gpu_host_barrier() {
  Thread &t = self();
  int64_t generation = t.barriers++;
  if (int64_t(launch->barrierArrivals.size()) <= generation)
    launch->barrierArrivals.resize(generation + 1, 0);
  ++launch->barrierArrivals[generation];
  launch->progress = true;
  int64_t count = launch->threads.size();
  while (launch->barrierArrivals[generation] + launch->exited < count)
    yield();
  launch->progress = true;
}

/// shfl.sync of `value` over the whole warp with gpu.shuffle's `width`
/// clamp. Returns the value in the low 32 bits
/// and whether the source lane was valid in bit 32 (else the own value).
int64_t quanta_gpu_host_shuffle(int32_t value, int32_t offset, int32_t width,
                                int32_t mode) {
  Deposit d{};
  d.op = Shuffle;
  d.words[0] = uint32_t(value);
  const Deposit *lanes = exchange(d);
  int32_t lane = self().linear % kWarpSize;
  int32_t source = mode == ShuffleXor    ? lane ^ offset
                   : mode == ShuffleDown ? lane + offset
                                         : offset;
  if (source < 0 || source > width - 1 || source >= kWarpSize)
    return uint32_t(value);
  return int64_t(lanes[source].words[0]) | int64_t(1) << 32;
}

/// ldmatrix.sync.aligned.m8n8.x{count}.b16 (not transposed): lanes 8j to
/// 8j + 7 give the row addresses of matrix j; register j of lane l is word
/// l % 4 of row l / 4 of matrix j. Writes the registers to `out`.
void quanta_gpu_host_ldmatrix(int64_t address, int32_t count, int64_t out) {
  Deposit d{};
  d.op = LdMatrix;
  d.address = uint64_t(address);
  const Deposit *lanes = exchange(d);
  int32_t lane = self().linear % kWarpSize;
  auto *registers = reinterpret_cast<uint32_t *>(out);
  for (int32_t j = 0; j < count; ++j) {
    uint64_t row = lanes[8 * j + lane / 4].address;
    if (row % 16 != 0)
      fail("ldmatrix row address not 16-byte aligned");
    std::memcpy(&registers[j], reinterpret_cast<void *>(row + 4 * (lane % 4)),
                4);
  }
}

/// mma.sync.aligned.row.col of the warp: m16n8k32 for 8-bit operands,
/// m16n8k16 for 16-bit ones. `buffer` holds this lane's A (4 words), B (2),
/// C (4) and receives D (4). With g = lane / 4, t = lane % 4: A word r holds
/// row g + 8 (r % 2) and the k of word t + 4 (r / 2) of its row; B word r
/// column g, word t + 4 r of its column; C/D element r row g + 8 (r / 2),
/// column 2t + r % 2. Integers wrap modulo 2^32; float products beyond the
/// f32 range are +-Inf, the rest are summed exactly and rounded once to f32
/// (tensor cores' own intermediate rounding is within the tests' stated
/// bounds).
void quanta_gpu_host_mma(int32_t kind, int64_t buffer) {
  auto *words = reinterpret_cast<uint32_t *>(buffer);
  Deposit d{};
  d.op = Mma;
  std::memcpy(d.words, words, 10 * 4);
  const Deposit *lanes = exchange(d);
  int32_t base = kind & 0xff;
  if (base < MmaInt8 || base > MmaFP8)
    fail("unknown mma kind");
  Elements elementsA{base, bool(kind & kMmaFlagA)};
  Elements elementsB{base, bool(kind & kMmaFlagB)};
  int perWord = base == MmaInt8 || base == MmaFP8 ? 4 : 2;
  int32_t lane = self().linear % kWarpSize;
  for (int r = 0; r < 4; ++r) {
    int row = lane / 4 + 8 * (r / 2), col = 2 * (lane % 4) + r % 2;
    // Word w (0-7) of row `row` of A sits in register 2 (w / 4) + row / 8
    // of lane (row % 8) * 4 + w % 4; word w of column `col` of B in
    // register w / 4 of lane col * 4 + w % 4.
    uint32_t sumInt = 0;
    double sum = 0;
    for (int w = 0; w < 8; ++w) {
      uint32_t a = lanes[(row % 8) * 4 + w % 4].words[2 * (w / 4) + row / 8];
      uint32_t b = lanes[col * 4 + w % 4].words[4 + w / 4];
      for (int e = 0; e < perWord; ++e) {
        if (base == MmaInt8)
          sumInt += uint32_t(elementsA.integer(a, e) * elementsB.integer(b, e));
        else
          sum += inF32Range(double(elementsA.value(a, e)) *
                            double(elementsB.value(b, e)));
      }
    }
    uint32_t c = words[6 + r];
    if (base == MmaInt8) {
      words[10 + r] = sumInt + c;
    } else {
      float cf;
      std::memcpy(&cf, &c, 4);
      float result = float(sum + double(cf));
      std::memcpy(&words[10 + r], &result, 4);
    }
  }
}

/// cvt.rn.f16x2.{e4m3x2,e5m2x2}: the two FP8 codes of `pair` (the first in
/// its low byte) as f16 codes, the first in the low half: exact (every FP8
/// value is an f16 one), NaN as the canonical 0x7FFF.
int32_t quanta_gpu_host_cvt_f16x2(int32_t e5m2, int32_t pair) {
  auto half = [&](uint32_t code) -> uint32_t {
    uint32_t sign = (code & 0x80) << 8;
    if (e5m2) {
      // E5M2 is the upper byte of f16.
      uint32_t bits = code << 8;
      return (bits & 0x7fff) > 0x7c00 ? 0x7fff : bits;
    }
    double value = decodeFloat(code, 4, 3, false);
    if (std::isnan(value))
      return 0x7fff;
    if (value == 0)
      return sign;
    // Every nonzero E4M3 magnitude is an f16 normal: 2^E x 1.m.
    int exponent;
    double fraction = std::frexp(std::fabs(value), &exponent);
    return sign | uint32_t(exponent - 1 + 15) << 10 |
           uint32_t((2 * fraction - 1) * 1024);
  };
  return int32_t(half(uint32_t(pair) & 0xff) | half(uint32_t(pair) >> 8 & 0xff)
                                                   << 16);
}

/// dp4a.{s32,u32}.{s32,u32}: c + the sum of the byte products of a and b
/// (signed when `kind` has kMmaFlagA / kMmaFlagB), modulo 2^32.
int32_t quanta_gpu_host_dp4a(int32_t kind, int32_t a, int32_t b, int32_t c) {
  auto byte = [](int32_t word, int i, bool isSigned) {
    uint32_t bits = uint32_t(word) >> (8 * i) & 0xff;
    return isSigned ? int32_t(int8_t(bits)) : int32_t(bits);
  };
  uint32_t sum = uint32_t(c);
  for (int i = 0; i < 4; ++i)
    sum +=
        uint32_t(byte(a, i, kind & kMmaFlagA) * byte(b, i, kind & kMmaFlagB));
  return int32_t(sum);
}

/// cp.async.cg.shared.global [shared], [global], 16, bytes: copies `bytes`
/// (0 to 16) and fills the rest of the 16 with zeros, when this thread waits
/// for its group.
void quanta_gpu_host_cp_async(int32_t shared, int64_t global, int32_t bytes) {
  uint64_t window =
      reinterpret_cast<uint64_t>(launch->shared) & ~(uint64_t(0xffffffff));
  auto *target = reinterpret_cast<uint8_t *>(window | uint32_t(shared));
  if (target < launch->shared ||
      target + 16 > launch->shared + launch->sharedBytes ||
      uint64_t(shared) % 16 != 0 || bytes < 0 || bytes > 16)
    fail("cp.async outside the block's shared memory or misaligned");
  self().open.push_back(
      {target, reinterpret_cast<const uint8_t *>(global), bytes});
}

void quanta_gpu_host_cp_async_commit() {
  Thread &t = self();
  t.groups.push_back(std::move(t.open));
  t.open.clear();
}

/// cp.async.wait_group n: completes all but the newest `newest` groups.
void quanta_gpu_host_cp_async_wait(int32_t newest) {
  Thread &t = self();
  while (int64_t(t.groups.size()) > newest) {
    for (const Copy &c : t.groups.front()) {
      std::memcpy(c.target, c.source, c.bytes);
      std::memset(c.target + c.bytes, 0, 16 - c.bytes);
    }
    t.groups.pop_front();
  }
}

/// wgmma.mma_async.sync.aligned.m64n{n}k32.s32 with operands in shared
/// memory by matrix descriptors (no swizzle, both K-major: element [r][k]
/// of a 32-byte K step at start + (r / 8) * stride + (k / 16) * leading +
/// (r % 8) * 16 + k % 16) and this thread's n / 2 accumulators at `acc`:
/// thread t of the warpgroup holds, in accumulator i, row 16 (t / 32) +
/// (t % 32) / 4 + 8 ((i / 2) % 2) and column 8 (i / 4) + 2 (t % 4) + i % 2.
/// Computed at once; the shared memory it read must stay the same until
/// the thread waits for its group (quanta_gpu_host_wgmma_wait), so that
/// the result is the hardware's, which reads it some time in between.
void quanta_gpu_host_wgmma(int32_t n, int32_t kind, int64_t descA,
                           int64_t descB, int64_t acc) {
  Thread &t = self();
  if (launch->threads.size() % kWarpgroupSize != 0)
    fail("wgmma in a block that is not a whole number of warpgroups");
  uint64_t window = reinterpret_cast<uint64_t>(launch->shared);
  WgmmaRead read;
  auto decode = [&](uint64_t desc, int rows) {
    if (desc >> 62 != 0)
      fail("wgmma descriptor with a swizzle mode (not modelled)");
    uint64_t start = window + ((desc & 0x3fff) << 4);
    uint64_t leading = (desc >> 16 & 0x3fff) << 4;
    uint64_t stride = (desc >> 32 & 0x3fff) << 4;
    uint64_t end = start + (rows / 8 - 1) * stride + leading + 128;
    if (end > window + launch->sharedBytes)
      fail("wgmma operand outside the block's shared memory");
    for (int group = 0; group < rows / 8; ++group)
      for (int core = 0; core < 2; ++core) {
        auto *piece = reinterpret_cast<const uint8_t *>(start + group * stride +
                                                        core * leading);
        read.pieces.push_back(piece);
        read.bytes.insert(read.bytes.end(), piece, piece + 128);
      }
    return [=](int r, int k) {
      return *reinterpret_cast<const uint8_t *>(start + (r / 8) * stride +
                                                (k / 16) * leading +
                                                (r % 8) * 16 + k % 16);
    };
  };
  auto a = decode(uint64_t(descA), 64);
  auto b = decode(uint64_t(descB), n);
  bool signedA = kind & kMmaFlagA, signedB = kind & kMmaFlagB;
  auto *accumulators = reinterpret_cast<uint32_t *>(acc);
  int64_t thread = t.linear % kWarpgroupSize;
  for (int i = 0; i < n / 2; ++i) {
    int row = 16 * (thread / 32) + (thread % 32) / 4 + 8 * ((i / 2) % 2);
    int col = 8 * (i / 4) + 2 * (thread % 4) + i % 2;
    uint32_t sum = accumulators[i];
    for (int k = 0; k < 32; ++k) {
      uint8_t x = a(row, k), y = b(col, k);
      int32_t vx = signedA ? int8_t(x) : x, vy = signedB ? int8_t(y) : y;
      sum += uint32_t(vx * vy);
    }
    accumulators[i] = sum;
  }
  t.wgmmaOpen.push_back(std::move(read));
}

void quanta_gpu_host_wgmma_commit() {
  Thread &t = self();
  t.wgmmaGroups.push_back(std::move(t.wgmmaOpen));
  t.wgmmaOpen.clear();
}

/// wgmma.wait_group n: completes all but the newest `pending` groups,
/// failing if shared memory that one of their wgmmas read has changed.
void quanta_gpu_host_wgmma_wait(int32_t pending) {
  Thread &t = self();
  while (int64_t(t.wgmmaGroups.size()) > pending) {
    for (const WgmmaRead &read : t.wgmmaGroups.front())
      for (size_t i = 0; i < read.pieces.size(); ++i)
        if (std::memcmp(read.pieces[i], read.bytes.data() + 128 * i, 128))
          fail("shared memory that a wgmma reads changed before the thread "
               "waited for it (wgmma.wait_group)");
    t.wgmmaGroups.pop_front();
  }
}

} // extern "C"
