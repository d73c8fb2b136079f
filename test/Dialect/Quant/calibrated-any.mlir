// !quant.calibrated and !quant.any parse and print through quanta-opt exactly
// as through upstream mlir-opt 22. (Upstream -strip-func-quant-types crashes on
// !quant.calibrated signatures, so it is not run here.)
// RUN: quanta-opt %s | quanta-opt | FileCheck %s
// RUN: quanta-opt %s > %t.quanta
// RUN: mlir-opt %s > %t.upstream
// RUN: diff %t.quanta %t.upstream

// CHECK-LABEL: func @calibrated_and_any
// CHECK-SAME: !quant.calibrated<f32<-0.998:1.232100e+00>>
// CHECK-SAME: !quant.any<i8<-8:7>:f32>
func.func @calibrated_and_any(%a: tensor<4x!quant.calibrated<f32<-0.998:1.2321>>>, %b: tensor<4x!quant.any<i8<-8:7>:f32>>) {
  return
}

