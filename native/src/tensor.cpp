// Tensor creation, copies in and out of caller memory, and metadata.
#include "shim.h"

#include <cstring>

#include <torch/csrc/autograd/grad_mode.h>

using mlnd::T;
using mlnd::wrap;

namespace {
at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
  return at::TensorOptions().dtype(mlnd::dtype(dtype)).device(mlnd::device(device_type, device_index));
}
}  // namespace

MLND_API mlnd_tensor_free(mlnd_tensor t) { MLND_GUARD(delete reinterpret_cast<at::Tensor*>(t)); }

MLND_API mlnd_tensor_from_data(const void* data, int64_t nbytes, int32_t dtype, const int64_t* shape,
                               int32_t ndim, int32_t device_type, int32_t device_index, mlnd_tensor* out) {
  MLND_GUARD(
      auto cpu = at::empty(mlnd::shape(shape, ndim), at::TensorOptions().dtype(mlnd::dtype(dtype)));
      const int64_t expected = cpu.numel() * static_cast<int64_t>(cpu.element_size());
      if (nbytes != expected)
        throw std::invalid_argument("data holds " + std::to_string(nbytes) + " bytes but shape " +
                                    c10::str(cpu.sizes()) + " needs " + std::to_string(expected));
      if (expected > 0) std::memcpy(cpu.data_ptr(), data, static_cast<size_t>(expected));
      auto dev = mlnd::device(device_type, device_index);
      *out = wrap(dev.is_cpu() ? cpu : cpu.to(dev)));
}

MLND_API mlnd_tensor_copy_to(mlnd_tensor t, void* dst, int64_t nbytes) {
  MLND_GUARD(
      auto src = T(t).detach().to(at::kCPU).contiguous();
      const int64_t have = src.numel() * static_cast<int64_t>(src.element_size());
      if (nbytes != have)
        throw std::invalid_argument("destination holds " + std::to_string(nbytes) + " bytes but tensor has " +
                                    std::to_string(have));
      if (have > 0) std::memcpy(dst, src.data_ptr(), static_cast<size_t>(have)));
}

MLND_API mlnd_tensor_ndim(mlnd_tensor t, int32_t* out) { MLND_GUARD(*out = static_cast<int32_t>(T(t).dim())); }

MLND_API mlnd_tensor_shape(mlnd_tensor t, int64_t* out_shape, int32_t capacity) {
  MLND_GUARD(auto sizes = T(t).sizes();
             if (static_cast<int64_t>(sizes.size()) > capacity) throw std::invalid_argument("shape buffer too small");
             for (size_t i = 0; i < sizes.size(); ++i) out_shape[i] = sizes[i]);
}

MLND_API mlnd_tensor_dtype(mlnd_tensor t, int32_t* out) {
  MLND_GUARD(*out = static_cast<int32_t>(T(t).scalar_type()));
}

MLND_API mlnd_tensor_device(mlnd_tensor t, int32_t* out_type, int32_t* out_index) {
  MLND_GUARD(auto d = T(t).device(); *out_type = d.is_cuda() ? 1 : 0; *out_index = d.has_index() ? d.index() : -1);
}

MLND_API mlnd_tensor_numel(mlnd_tensor t, int64_t* out) { MLND_GUARD(*out = T(t).numel()); }

MLND_API mlnd_tensor_defined(mlnd_tensor t, int32_t* out) { MLND_GUARD(*out = T(t).defined() ? 1 : 0); }

MLND_API mlnd_tensor_zeros(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type,
                           int32_t device_index, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::zeros(mlnd::shape(shape, ndim), options(dtype, device_type, device_index))));
}

MLND_API mlnd_tensor_ones(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type,
                          int32_t device_index, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::ones(mlnd::shape(shape, ndim), options(dtype, device_type, device_index))));
}

MLND_API mlnd_tensor_full(const int64_t* shape, int32_t ndim, double value, int32_t dtype, int32_t device_type,
                          int32_t device_index, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::full(mlnd::shape(shape, ndim), value, options(dtype, device_type, device_index))));
}

MLND_API mlnd_tensor_rand(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type,
                          int32_t device_index, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::rand(mlnd::shape(shape, ndim), options(dtype, device_type, device_index))));
}

MLND_API mlnd_tensor_randn(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type,
                           int32_t device_index, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::randn(mlnd::shape(shape, ndim), options(dtype, device_type, device_index))));
}

MLND_API mlnd_tensor_randperm(int64_t n, int32_t device_type, int32_t device_index, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::randperm(n, options(4, device_type, device_index))));
}

MLND_API mlnd_tensor_arange(double start, double end, double step, int32_t dtype, int32_t device_type,
                            int32_t device_index, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::arange(start, end, step, options(dtype, device_type, device_index))));
}

MLND_API mlnd_tensor_to(mlnd_tensor t, int32_t device_type, int32_t device_index, int32_t dtype, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(T(t).to(mlnd::device(device_type, device_index), mlnd::dtype(dtype))));
}

MLND_API mlnd_tensor_clone(mlnd_tensor t, mlnd_tensor* out) { MLND_GUARD(*out = wrap(T(t).clone())); }

MLND_API mlnd_tensor_item(mlnd_tensor t, double* out) { MLND_GUARD(*out = T(t).item<double>()); }

MLND_API mlnd_tensor_copy_(mlnd_tensor dst, mlnd_tensor src) {
  MLND_GUARD(at::NoGradGuard no_grad; T(dst).copy_(T(src)));
}

MLND_API mlnd_tensor_fill_(mlnd_tensor dst, double value) { MLND_GUARD(at::NoGradGuard no_grad; T(dst).fill_(value)); }
