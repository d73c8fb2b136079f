//===- ExpandFloatCasts.cpp - FP8 casts as integer arithmetic ------------===//
//
// This file implements the expansion of arith.truncf/extf to and from FP8
// into integer arithmetic.
//
// Both directions work on the f32 bit pattern in i32 lanes with shifts, adds,
// compares, min and select only: no branches, no tables, no calls, so the
// result vectorizes after the standard arith/vector lowering. The numerics are
// those of quanta::ref::encodeFloat(x, fmt, /*saturate=*/false) and
// quanta::ref::decodeFloat (lib/Reference/Formats.cpp), bit for bit.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>
#include <string>

namespace mlir::quanta {
#define GEN_PASS_DEF_EXPANDFLOATCASTS
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {

/// The parameters of the two FP8 formats this pass expands.
struct Fp8Format {
  unsigned manBits; ///< Explicit mantissa bits (3 for E4M3FN, 2 for E5M2).
  int bias;         ///< Exponent bias (7 for E4M3FN, 15 for E5M2).
  /// FN style (E4M3FN): no infinities, S.1111.111 is the only NaN, overflow
  /// and +-inf give NaN. Otherwise IEEE style (E5M2).
  bool fn;
  float maxFinite; ///< 448 (E4M3FN), 57344 (E5M2).
};

std::optional<Fp8Format> getFp8Format(Type elementType) {
  if (isa<Float8E4M3FNType>(elementType))
    return Fp8Format{3, 7, /*fn=*/true, 448.0f};
  if (isa<Float8E5M2Type>(elementType))
    return Fp8Format{2, 15, /*fn=*/false, 57344.0f};
  return std::nullopt;
}

/// True if a value of type `type` can be expanded: a scalar, a vector, or a
/// statically shaped tensor (the expansion needs splat constants).
bool hasExpandableShape(Type type) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return (isa<VectorType>(shaped) || isa<RankedTensorType>(shaped)) &&
           shaped.hasStaticShape();
  return true;
}

/// Returns `type` with its element type replaced by `elementType`.
Type withElementType(Type type, Type elementType) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return shaped.clone(elementType);
  return elementType;
}

/// Why `op` (a truncf to FP8) cannot be expanded; empty if it can.
std::string getUnsupportedReason(arith::TruncFOp op) {
  Type srcType = op.getIn().getType();
  Type srcElem = getElementTypeOrSelf(srcType);
  std::string dst;
  llvm::raw_string_ostream os(dst);
  os << getElementTypeOrSelf(op.getType());
  if (arith::RoundingModeAttr mode = op.getRoundingmodeAttr();
      mode && mode.getValue() != arith::RoundingMode::to_nearest_even)
    return "cannot expand a truncf to " + dst + " with rounding mode '" +
           arith::stringifyRoundingMode(mode.getValue()).str() +
           "': only the default round-half-to-even is supported";
  if (srcElem.isF64())
    return "cannot expand a truncf from f64 to " + dst +
           ": going through f32 would round twice; only f32, f16 and bf16 "
           "sources are supported";
  if (!srcElem.isF32() && !srcElem.isF16() && !srcElem.isBF16()) {
    std::string src;
    llvm::raw_string_ostream sos(src);
    sos << srcElem;
    return "cannot expand a truncf from " + src + " to " + dst +
           ": only f32, f16 and bf16 sources are supported";
  }
  if (!hasExpandableShape(srcType))
    return "cannot expand a truncf to " + dst +
           ": only scalars, vectors and statically shaped tensors are "
           "supported";
  return {};
}

/// Why `op` (an extf from FP8) cannot be expanded; empty if it can.
std::string getUnsupportedReason(arith::ExtFOp op) {
  Type dstElem = getElementTypeOrSelf(op.getType());
  std::string src;
  llvm::raw_string_ostream os(src);
  os << getElementTypeOrSelf(op.getIn().getType());
  if (!dstElem.isF32() && !dstElem.isF16() && !dstElem.isBF16() &&
      !dstElem.isF64()) {
    std::string dst;
    llvm::raw_string_ostream dos(dst);
    dos << dstElem;
    return "cannot expand an extf from " + src + " to " + dst +
           ": only f16, bf16, f32 and f64 results are supported";
  }
  if (!hasExpandableShape(op.getType()))
    return "cannot expand an extf from " + src +
           ": only scalars, vectors and statically shaped tensors are "
           "supported";
  return {};
}

/// Builds integer arithmetic on values shaped like `like` (scalar, vector or
/// tensor) with i32 elements.
class BitBuilder {
public:
  BitBuilder(ImplicitLocOpBuilder &b, Type like)
      : b(b), i32Type(withElementType(like, b.getI32Type())),
        f32Type(withElementType(like, b.getF32Type())) {}

  Type getI32Type() const { return i32Type; }

  Value cst(uint32_t v) {
    return splat(i32Type, b.getI32IntegerAttr(static_cast<int32_t>(v)));
  }
  Value cstF32(float v) { return splat(f32Type, b.getF32FloatAttr(v)); }
  Value toF32(Value bits) { return arith::BitcastOp::create(b, f32Type, bits); }
  Value toBits(Value x) { return arith::BitcastOp::create(b, i32Type, x); }
  Value mulf(Value x, float y) { return arith::MulFOp::create(b, x, cstF32(y)); }
  Value addf(Value x, float y) { return arith::AddFOp::create(b, x, cstF32(y)); }
  Value add(Value x, Value y) { return arith::AddIOp::create(b, x, y); }
  Value add(Value x, uint32_t y) { return add(x, cst(y)); }
  Value sub(Value x, Value y) { return arith::SubIOp::create(b, x, y); }
  Value sub(uint32_t x, Value y) { return sub(cst(x), y); }
  Value sub(Value x, uint32_t y) { return sub(x, cst(y)); }
  Value andi(Value x, uint32_t y) {
    return arith::AndIOp::create(b, x, cst(y));
  }
  Value ori(Value x, Value y) { return arith::OrIOp::create(b, x, y); }
  Value shl(Value x, Value y) { return arith::ShLIOp::create(b, x, y); }
  Value shl(Value x, uint32_t y) { return shl(x, cst(y)); }
  Value shr(Value x, Value y) { return arith::ShRUIOp::create(b, x, y); }
  Value shr(Value x, uint32_t y) { return shr(x, cst(y)); }
  Value minu(Value x, uint32_t y) {
    return arith::MinUIOp::create(b, x, cst(y));
  }
  Value cmp(arith::CmpIPredicate pred, Value x, uint32_t y) {
    return arith::CmpIOp::create(b, pred, x, cst(y));
  }
  Value select(Value c, Value x, Value y) {
    return arith::SelectOp::create(b, c, x, y);
  }
  Value select(Value c, uint32_t x, Value y) { return select(c, cst(x), y); }
  Value zext(Value c) { return arith::ExtUIOp::create(b, i32Type, c); }

private:
  ImplicitLocOpBuilder &b;
  Type i32Type, f32Type;

  Value splat(Type type, TypedAttr attr) {
    if (auto shaped = dyn_cast<ShapedType>(type))
      return arith::ConstantOp::create(b, DenseElementsAttr::get(shaped, attr));
    return arith::ConstantOp::create(b, attr);
  }
};

/// Encodes the f32 bit patterns `u` (i32 lanes) into FP8 codes (in the low 8
/// bits of i32 lanes): one round-half-to-even step. With `saturate`,
/// magnitudes above the largest finite value (+-inf included) give it, NaN
/// stays NaN (ref::encodeFloat's saturate).
Value encodeF32Bits(BitBuilder &bb, Value u, const Fp8Format &fmt,
                    bool saturate) {
  using P = arith::CmpIPredicate;
  const unsigned m = fmt.manBits;
  const uint32_t bias = fmt.bias;
  Value a = bb.andi(u, 0x7FFFFFFFu);
  Value sign = bb.andi(bb.shr(u, 24), 0x80u);
  Value isNaN = saturate || !fmt.fn ? bb.cmp(P::ugt, a, 0x7F800000u) : Value();
  if (saturate)
    a = bb.minu(a, llvm::bit_cast<uint32_t>(fmt.maxFinite));

  // Normal result (|x| >= 2^(1-bias)): round the f32 magnitude bits to m
  // mantissa bits, half to even (a carry into the exponent is the right
  // result), then rebias the exponent from 127 to `bias`.
  Value lsb = bb.andi(bb.shr(a, 23 - m), 1);
  Value rounded = bb.add(bb.add(a, (1u << (22 - m)) - 1), lsb);
  Value normal = bb.sub(bb.shr(rounded, 23 - m), (127 - bias) << m);

  // Subnormal result (|x| < 2^(1-bias)): n = RNE(|x| / 2^(1-bias-m)), the
  // division an exact scaling by a power of two. Adding 2^23 to it rounds it
  // to an integer half to even (f32 addition rounds so) and leaves n in the
  // sum's low bits (n <= 2^m). n == 2^m (rounding up to the smallest normal)
  // is the right code as is. Two float ops instead of shifts by a variable
  // amount; the lanes this path does not own (inf, NaN) are not selected.
  Value scaled = bb.mulf(bb.toF32(a), std::ldexp(1.0f, int(bias - 1 + m)));
  Value subnormal = bb.sub(bb.toBits(bb.addf(scaled, 0x1p23f)), 0x4B000000u);

  Value isNormal = bb.cmp(P::uge, a, (128 - bias) << 23);
  Value mag = bb.select(isNormal, normal, subnormal);
  if (saturate) {
    // The largest finite value rounds to itself: only NaN is left.
    mag = bb.select(isNaN, fmt.fn ? 0x7F : 0x7E, mag);
  } else if (fmt.fn) {
    // Overflow (rounded magnitude above 0x7E = 448), +-inf and NaN all give
    // the NaN code S.1111.111.
    mag = bb.minu(mag, 0x7F);
  } else {
    // Overflow and +-inf give +-inf (0x7C); NaN gives the quiet NaN 0x7E.
    mag = bb.minu(mag, 0x7C);
    mag = bb.select(isNaN, 0x7E, mag);
  }
  return bb.ori(mag, sign);
}

/// Decodes FP8 codes `c` (zero-extended into i32 lanes) exactly into f32 bit
/// patterns. NaN codes give the quiet NaN 0x7FC00000 with the code's sign.
Value decodeToF32Bits(BitBuilder &bb, Value c, const Fp8Format &fmt) {
  using P = arith::CmpIPredicate;
  const unsigned m = fmt.manBits;
  const uint32_t bias = fmt.bias;
  Value sign = bb.shl(bb.andi(c, 0x80u), 24);
  Value mag = bb.andi(c, 0x7Fu);

  // Normal codes: move the bits into place and rebias the exponent.
  Value normal = bb.add(bb.shl(mag, 23 - m), (127 - bias) << 23);

  // Subnormal codes man * 2^(1-bias-m), man in [1, 2^m): normalize with
  // lz = number of leading zeros of man in m bits minus one, i.e. the sum of
  // (man < 2^k) for k = 1..m-1. The value is 1.f * 2^(-bias-lz); shifting
  // man's leading one onto bit 23 adds the implicit 1 to the exponent field.
  Value man = bb.andi(mag, (1u << m) - 1);
  Value lz = bb.cst(0);
  for (unsigned k = 1; k < m; ++k)
    lz = bb.add(lz, bb.zext(bb.cmp(P::ult, man, 1u << k)));
  // (One op per statement: argument evaluation order is unspecified.)
  Value exponent = bb.shl(bb.sub(126 - bias, lz), 23);
  Value subnormal = bb.add(exponent, bb.shl(man, bb.add(lz, 24 - m)));

  Value bits = bb.select(bb.cmp(P::ult, mag, 1u << m), subnormal, normal);
  bits = bb.select(bb.cmp(P::eq, mag, 0), 0, bits);
  if (fmt.fn) {
    bits = bb.select(bb.cmp(P::eq, mag, 0x7F), 0x7FC00000u, bits);
  } else {
    bits = bb.select(bb.cmp(P::eq, mag, 0x7C), 0x7F800000u, bits);
    bits = bb.select(bb.cmp(P::ugt, mag, 0x7C), 0x7FC00000u, bits);
  }
  return bb.ori(bits, sign);
}

/// True if `v` is the constant `expected` (a scalar or a splat).
bool isFloatConstant(Value v, float expected) {
  APFloat value(APFloat::Bogus());
  return matchPattern(v, m_ConstantFloat(&value)) &&
         value.convertToDouble() == double(expected);
}

/// The value that `in` clamps to the format's finite range when `in` is the
/// clamp that saturating conversions build before their truncf (quanta's
/// saturateTo: `copysign(minimumf(maximumf(x, -max), max), x)`, NaN kept
/// with its sign); else null. The truncf of the clamp is the saturating
/// encoding of x, which the expansion computes with one integer min on the
/// magnitude bits.
Value getSaturatedValue(Value in, const Fp8Format &fmt) {
  auto copySign = in.getDefiningOp<math::CopySignOp>();
  auto min = copySign ? copySign.getLhs().getDefiningOp<arith::MinimumFOp>()
                      : nullptr;
  auto max = min ? min.getLhs().getDefiningOp<arith::MaximumFOp>() : nullptr;
  if (!max || max.getLhs() != copySign.getRhs() ||
      !isFloatConstant(min.getRhs(), fmt.maxFinite) ||
      !isFloatConstant(max.getRhs(), -fmt.maxFinite))
    return nullptr;
  return max.getLhs();
}

/// Lower `arith.truncf` from f32/f16/bf16 to f8E4M3FN/f8E5M2 to integer
/// arithmetic on the f32 bits (f16/bf16 are first extended exactly to f32).
/// The truncf of a saturating clamp (getSaturatedValue) encodes the clamp's
/// input with saturation.
struct ExpandTruncFToFloat8 : OpRewritePattern<arith::TruncFOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(arith::TruncFOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<Fp8Format> fmt =
        getFp8Format(getElementTypeOrSelf(op.getType()));
    if (!fmt)
      return rewriter.notifyMatchFailure(op, "not a truncf to f8E4M3FN/E5M2");
    if (std::string reason = getUnsupportedReason(op); !reason.empty())
      return rewriter.notifyMatchFailure(op, reason);

    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    Value in = op.getIn();
    Value unclamped = getSaturatedValue(in, *fmt);
    if (unclamped)
      in = unclamped;
    Type f32Type = withElementType(in.getType(), b.getF32Type());
    if (!getElementTypeOrSelf(in.getType()).isF32())
      in = arith::ExtFOp::create(b, f32Type, in); // Exact.
    BitBuilder bb(b, in.getType());
    Value u = arith::BitcastOp::create(b, bb.getI32Type(), in);
    Value code = encodeF32Bits(bb, u, *fmt, /*saturate=*/unclamped != nullptr);
    Type i8Type = withElementType(in.getType(), b.getI8Type());
    Value code8 = arith::TruncIOp::create(b, i8Type, code);
    rewriter.replaceOpWithNewOp<arith::BitcastOp>(op, op.getType(), code8);
    return success();
  }
};

/// Lower `arith.truncf` from f32 to bf16 to integer arithmetic: one
/// round-half-to-even step on the f32 bits, subnormals included (x86's
/// vcvtneps2bf16 flushes subnormal inputs to zero), overflow to +-inf and NaN
/// to the quiet NaN with its sign.
struct ExpandTruncFToBFloat16 : OpRewritePattern<arith::TruncFOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(arith::TruncFOp op,
                                PatternRewriter &rewriter) const override {
    if (!getElementTypeOrSelf(op.getType()).isBF16() ||
        !getElementTypeOrSelf(op.getIn().getType()).isF32())
      return rewriter.notifyMatchFailure(op, "not a truncf from f32 to bf16");
    if (op.getRoundingmodeAttr() || !hasExpandableShape(op.getType()))
      return rewriter.notifyMatchFailure(op, "unsupported truncf");
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    BitBuilder bb(b, op.getIn().getType());
    Value u = arith::BitcastOp::create(b, bb.getI32Type(), op.getIn());
    Value lsb = bb.andi(bb.shr(u, 16), 1);
    Value rounded = bb.shr(bb.add(bb.add(u, 0x7FFFu), lsb), 16);
    Value isNaN = bb.cmp(arith::CmpIPredicate::ugt, bb.andi(u, 0x7FFFFFFFu),
                         0x7F800000u);
    Value nanSign = bb.andi(bb.shr(u, 16), 0x8000u);
    Value nan = bb.ori(nanSign, bb.cst(0x7FC0u));
    Value code = bb.select(isNaN, nan, rounded);
    Type i16Type = withElementType(op.getType(), b.getI16Type());
    rewriter.replaceOpWithNewOp<arith::BitcastOp>(
        op, op.getType(), arith::TruncIOp::create(b, i16Type, code));
    return success();
  }
};

/// Lower `arith.extf` from bf16 to f32 to integer arithmetic: the bf16 bits
/// are the high half of the f32 ones (exact; NaNs keep their sign and
/// payload). The x86 backend does the same, but on targets without
/// AVX512-BF16 a bf16 vector that lives across basic blocks (a load hoisted
/// out of a loop) is kept in f32 lanes and truncated back lane by lane with
/// library calls (`__truncsfbf2`); on i16 lanes it is a plain load.
struct ExpandExtFFromBFloat16 : OpRewritePattern<arith::ExtFOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(arith::ExtFOp op,
                                PatternRewriter &rewriter) const override {
    if (!getElementTypeOrSelf(op.getIn().getType()).isBF16() ||
        !getElementTypeOrSelf(op.getType()).isF32())
      return rewriter.notifyMatchFailure(op, "not an extf from bf16 to f32");
    if (!hasExpandableShape(op.getType()))
      return rewriter.notifyMatchFailure(op, "unsupported extf");
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    BitBuilder bb(b, op.getType());
    Type i16Type = withElementType(op.getType(), b.getI16Type());
    Value bits = bb.zext(arith::BitcastOp::create(b, i16Type, op.getIn()));
    rewriter.replaceOpWithNewOp<arith::BitcastOp>(op, op.getType(),
                                                  bb.shl(bits, 16));
    return success();
  }
};

/// Decodes the FP8 vector `in` (E4M3FN or E5M2) into f32 through f16: the
/// code as f16 bits (E5M2: c << 8; E4M3FN: the i16 c << 8 shifted right
/// arithmetically by one with bit 14 cleared, i.e. the sign-extended code
/// shifted left by 7 with bit 14 cleared: the f16 of its value times 2^-8,
/// subnormals included), an extf from f16 (one vcvtph2ps on x86) and,
/// for E4M3FN, a multiply by 2^8 (exact). NaN codes become the f32 quiet NaN
/// 0x7FC00000 with the code's sign, as decodeToF32Bits, through the f16
/// quiet NaN 0x7E00 with that sign, which the extf widens (and x86's
/// multiply returns its NaN operand, sign included). On AVX-512 the NaN
/// select is one merge-masked add on 32 i16 lanes.
Value decodeViaF16(ImplicitLocOpBuilder &b, Value in, const Fp8Format &fmt) {
  using P = arith::CmpIPredicate;
  auto type = cast<VectorType>(in.getType());
  auto i16Type = type.clone(b.getI16Type());
  auto f32Type = type.clone(b.getF32Type());
  auto i16 = [&](uint16_t v) -> Value {
    return arith::ConstantOp::create(
        b, DenseElementsAttr::get(
               i16Type, b.getI16IntegerAttr(static_cast<int16_t>(v))));
  };
  Value code8 = arith::BitcastOp::create(b, type.clone(b.getI8Type()), in);
  // Sign-extended, the code shifted left by 7 is (c << 8) >> 1 (arithmetic).
  Value code = arith::ExtSIOp::create(b, i16Type, code8);
  Value bits = arith::ShLIOp::create(b, code, i16(fmt.fn ? 7 : 8));
  Value mag = arith::AndIOp::create(b, code, i16(0x7F));
  Value isNaN, nan;
  if (fmt.fn) {
    bits = arith::AndIOp::create(b, bits, i16(0xBFFF));
    // S.1111.111 is now s|0x3F80; adding the difference makes it s|0x7E00.
    isNaN = arith::CmpIOp::create(b, P::eq, mag, i16(0x7F));
    nan = arith::AddIOp::create(b, bits, i16(0x7E00 - 0x3F80));
  } else {
    isNaN = arith::CmpIOp::create(b, P::ugt, mag, i16(0x7C));
    Value sign = arith::AndIOp::create(b, bits, i16(0x8000));
    nan = arith::OrIOp::create(b, sign, i16(0x7E00));
  }
  bits = arith::SelectOp::create(b, isNaN, nan, bits);
  Value half = arith::BitcastOp::create(b, type.clone(b.getF16Type()), bits);
  Value value = arith::ExtFOp::create(b, f32Type, half);
  if (!fmt.fn)
    return value;
  Value scale = arith::ConstantOp::create(
      b, DenseElementsAttr::get(f32Type, b.getF32FloatAttr(256.0f)));
  return arith::MulFOp::create(b, value, scale);
}

/// Lower `arith.extf` from f8E4M3FN/f8E5M2 to f16/bf16/f32/f64 to integer
/// arithmetic building the f32 bits (then an exact narrowing or widening);
/// with `viaF16`, vectors to f32 through f16 (decodeViaF16).
struct ExpandExtFFromFloat8 : OpRewritePattern<arith::ExtFOp> {
  ExpandExtFFromFloat8(MLIRContext *ctx, bool viaF16)
      : OpRewritePattern(ctx), viaF16(viaF16) {}
  bool viaF16;

  LogicalResult matchAndRewrite(arith::ExtFOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<Fp8Format> fmt =
        getFp8Format(getElementTypeOrSelf(op.getIn().getType()));
    if (!fmt)
      return rewriter.notifyMatchFailure(op, "not an extf from f8E4M3FN/E5M2");
    if (std::string reason = getUnsupportedReason(op); !reason.empty())
      return rewriter.notifyMatchFailure(op, reason);

    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    Type like = op.getType();
    if (viaF16 && isa<VectorType>(like) && getElementTypeOrSelf(like).isF32()) {
      rewriter.replaceOp(op, decodeViaF16(b, op.getIn(), *fmt));
      return success();
    }
    BitBuilder bb(b, like);
    Value code8 = arith::BitcastOp::create(
        b, withElementType(like, b.getI8Type()), op.getIn());
    Value bits = decodeToF32Bits(bb, bb.zext(code8), *fmt);

    Type dstElem = getElementTypeOrSelf(like);
    Value result;
    if (dstElem.isBF16()) {
      // Every FP8 value has at most 4 significant bits: the low 16 bits of
      // its f32 pattern are zero and bf16 is the high half.
      Value hi = arith::TruncIOp::create(
          b, withElementType(like, b.getI16Type()), bb.shr(bits, 16));
      result = arith::BitcastOp::create(b, like, hi);
    } else {
      Value f32 = arith::BitcastOp::create(
          b, withElementType(like, b.getF32Type()), bits);
      if (dstElem.isF32())
        result = f32;
      else if (dstElem.isF16())
        result = arith::TruncFOp::create(b, like, f32); // Exact.
      else
        result = arith::ExtFOp::create(b, like, f32); // f64, exact.
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Rewrite `arith.extf` of a `vector.broadcast` of a scalar bf16 or f16
/// into a broadcast of the scalar's extf. Without AVX512-BF16 (F16C), the
/// x86 backend builds a splat of bf16 (f16) in f32 lanes and truncates
/// each lane back with a library call (`__truncsfbf2`), 16 per splat, where
/// the matmul kernels broadcast a per-tensor scale.
struct ExtendBeforeBroadcast : OpRewritePattern<arith::ExtFOp> {
  /// Before ExpandExtFFromBFloat16, which would take the splat's extf.
  ExtendBeforeBroadcast(MLIRContext *ctx)
      : OpRewritePattern(ctx, /*benefit=*/2) {}

  LogicalResult matchAndRewrite(arith::ExtFOp op,
                                PatternRewriter &rewriter) const override {
    auto splat = op.getIn().getDefiningOp<vector::BroadcastOp>();
    if (!splat || !isa<BFloat16Type, Float16Type>(splat.getSourceType()))
      return rewriter.notifyMatchFailure(op, "not an extf of a 16-bit splat");
    Value wide = arith::ExtFOp::create(rewriter, op.getLoc(),
                                       getElementTypeOrSelf(op.getType()),
                                       splat.getSource());
    rewriter.replaceOpWithNewOp<vector::BroadcastOp>(op, op.getType(), wide);
    return success();
  }
};

} // namespace

void mlir::quanta::populateExpandFloatCastsPatterns(RewritePatternSet &patterns,
                                                    bool viaF16) {
  patterns.add<ExpandTruncFToFloat8, ExpandTruncFToBFloat16,
               ExpandExtFFromBFloat16, ExtendBeforeBroadcast>(
      patterns.getContext());
  patterns.add<ExpandExtFFromFloat8>(patterns.getContext(), viaF16);
}

namespace {
struct ExpandFloatCastsPass
    : public quanta::impl::ExpandFloatCastsBase<ExpandFloatCastsPass> {
  using ExpandFloatCastsBase::ExpandFloatCastsBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    quanta::populateExpandFloatCastsPatterns(patterns, viaF16);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();

    // Every FP8 cast the patterns left behind is one they reject: report it
    // rather than let it fail later in translation.
    bool failedAny = false;
    getOperation()->walk([&](Operation *op) {
      std::string reason;
      if (auto trunc = dyn_cast<arith::TruncFOp>(op)) {
        if (getFp8Format(getElementTypeOrSelf(trunc.getType())))
          reason = getUnsupportedReason(trunc);
      } else if (auto ext = dyn_cast<arith::ExtFOp>(op)) {
        if (getFp8Format(getElementTypeOrSelf(ext.getIn().getType())))
          reason = getUnsupportedReason(ext);
      } else {
        return;
      }
      if (reason.empty())
        return;
      op->emitOpError(reason);
      failedAny = true;
    });
    if (failedAny)
      signalPassFailure();
  }
};
} // namespace
