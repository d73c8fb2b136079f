// cuBLASLt stand-ins for scripts/gpu-check/harness.cpp on the CPU (see
// cuda_runtime.h here): types and constants only; every call aborts, so the
// harness runs with --no-bench.
#pragma once
#include <cstdlib>
#include <cstddef>
typedef int cublasStatus_t;
enum { CUBLAS_STATUS_SUCCESS = 0 };
typedef void *cublasLtHandle_t, *cublasLtMatmulDesc_t, *cublasLtMatrixLayout_t, *cublasLtMatmulPreference_t;
struct cublasLtMatmulAlgo_t { int x; };
struct cublasLtMatmulHeuristicResult_t { cublasLtMatmulAlgo_t algo; };
typedef int cudaDataType_t, cublasComputeType_t, cublasOperation_t;
enum { CUDA_R_8F_E4M3, CUDA_R_8I, CUDA_R_16F, CUDA_R_32F, CUDA_R_32I, CUBLAS_COMPUTE_32F, CUBLAS_COMPUTE_32I, CUBLAS_OP_T, CUBLAS_OP_N,
       CUBLASLT_MATMUL_DESC_TRANSA, CUBLASLT_MATMUL_DESC_TRANSB, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES };
#define STUB(name) template <typename... A> inline cublasStatus_t name(A...) { std::abort(); }
STUB(cublasLtCreate) STUB(cublasLtDestroy) STUB(cublasLtMatmulDescCreate) STUB(cublasLtMatmulDescSetAttribute)
STUB(cublasLtMatrixLayoutCreate) STUB(cublasLtMatmulPreferenceCreate) STUB(cublasLtMatmulPreferenceSetAttribute)
STUB(cublasLtMatmulAlgoGetHeuristic) STUB(cublasLtMatmulPreferenceDestroy) STUB(cublasLtMatmul)
STUB(cublasLtMatrixLayoutDestroy) STUB(cublasLtMatmulDescDestroy)
