// Process-wide libtorch settings: the random seed, intra-op threads, devices.
#include "shim.h"

#include <ATen/Parallel.h>
#include <ATen/Context.h>
#include <torch/version.h>
#include <torch/cuda.h>
#include <torch/utils.h>

MLND_API mlnd_runtime_manual_seed(uint64_t seed) { MLND_GUARD(torch::manual_seed(seed)); }

MLND_API mlnd_runtime_set_num_threads(int32_t n) {
  MLND_GUARD(if (n < 1) throw std::invalid_argument("thread count must be >= 1, got " + std::to_string(n));
             at::set_num_threads(n));
}

MLND_API mlnd_runtime_get_num_threads(int32_t* out) { MLND_GUARD(*out = at::get_num_threads()); }

MLND_API mlnd_runtime_cuda_device_count(int32_t* out) {
  MLND_GUARD(*out = static_cast<int32_t>(torch::cuda::device_count()));
}

MLND_API mlnd_runtime_version(const char** out) { MLND_GUARD(*out = TORCH_VERSION); }
