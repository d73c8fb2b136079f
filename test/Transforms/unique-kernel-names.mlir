// RUN: quanta-opt %s --quanta-unique-kernel-names | FileCheck %s

// Each kernel is named after its gpu.module (several kernels of one module:
// <module>_<kernel>), and the launches follow.
// CHECK-LABEL: gpu.module @f_kernel
// CHECK: gpu.func @f_kernel() kernel
// CHECK-LABEL: gpu.module @f_kernel_0
// CHECK: gpu.func @f_kernel_0() kernel
// CHECK-LABEL: gpu.module @g_kernel
// CHECK: gpu.func @g_kernel_a() kernel
// CHECK: gpu.func @g_kernel_b() kernel
// CHECK: func.func @helper_stays
// CHECK-LABEL: func.func @f
// CHECK: gpu.launch_func @f_kernel::@f_kernel
// CHECK: gpu.launch_func @f_kernel_0::@f_kernel_0
// CHECK: gpu.launch_func @g_kernel::@g_kernel_a
// CHECK: gpu.launch_func @g_kernel::@g_kernel_b
module attributes {gpu.container_module} {
  gpu.module @f_kernel {
    gpu.func @f_kernel() kernel {
      gpu.return
    }
  }
  gpu.module @f_kernel_0 {
    gpu.func @f_kernel() kernel {
      gpu.return
    }
  }
  gpu.module @g_kernel {
    gpu.func @a() kernel {
      gpu.return
    }
    gpu.func @b() kernel {
      gpu.return
    }
    func.func @helper_stays() {
      return
    }
  }
  func.func @f() {
    %c1 = arith.constant 1 : index
    gpu.launch_func @f_kernel::@f_kernel blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1)
    gpu.launch_func @f_kernel_0::@f_kernel blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1)
    gpu.launch_func @g_kernel::@a blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1)
    gpu.launch_func @g_kernel::@b blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1)
    return
  }
}
