# Quanta's two set-up commands: `make demo` and `make check`. Each installs
# what is missing (Debian 12 packages), configures, builds incrementally and
# then does its job.

BUILD ?= build
LLVM_PREFIX ?= /usr/lib/llvm-22
# libomp-22-dev: the OpenMP runtime of `quanta-compile --openmp` objects.
# libdnnl-dev (oneDNN, the matmul benchmark's baseline) has a CMake package
# that needs the OpenCL headers.
APT_PACKAGES := cmake ninja-build ccache clang-22 lld-22 llvm-22-dev \
  libmlir-22-dev mlir-22-tools libfmt-dev libgtest-dev libbenchmark-dev \
  libdnnl-dev ocl-icd-opencl-dev libomp-22-dev nlohmann-json3-dev qemu-user \
  g++-aarch64-linux-gnu
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
JOBS ?= $(shell nproc)

.PHONY: demo check bench docs deps configure build clean

demo: build
	@./scripts/demo.sh $(BUILD)

check: build
	ninja -C $(BUILD) -j $(JOBS) check-quanta

bench: build
	ninja -C $(BUILD) quanta-bench quanta-matmul-bench
	$(BUILD)/bin/quanta-bench
	$(BUILD)/bin/quanta-matmul-bench

docs: configure
	ninja -C $(BUILD) mlir-doc
	@echo "Generated docs are in $(BUILD)/docs"

deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi

configure: deps
	@if [ ! -f $(BUILD)/build.ninja ]; then \
	  cmake -G Ninja -S . -B $(BUILD) \
	    -DCMAKE_BUILD_TYPE=Release \
	    -DCMAKE_C_COMPILER=$(LLVM_PREFIX)/bin/clang \
	    -DCMAKE_CXX_COMPILER=$(LLVM_PREFIX)/bin/clang++ \
	    -DLLVM_USE_LINKER=lld \
	    -DCMAKE_C_COMPILER_LAUNCHER=ccache \
	    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
	    -DMLIR_DIR=$(LLVM_PREFIX)/lib/cmake/mlir \
	    -DLLVM_EXTERNAL_LIT=$(LLVM_PREFIX)/bin/lit; \
	fi

build: configure
	ninja -C $(BUILD) -j $(JOBS)

clean:
	rm -rf $(BUILD)
