// Internal helpers shared by the shim's sources: handle conversions and the one guard.
#pragma once

#include "mlnd.h"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace mlnd {

void set_error(const char* message);

inline at::Tensor& T(mlnd_tensor h) {
  if (h == nullptr) throw std::invalid_argument("tensor handle is null");
  return *reinterpret_cast<at::Tensor*>(h);
}

inline mlnd_tensor wrap(at::Tensor t) {
  return reinterpret_cast<mlnd_tensor>(new at::Tensor(std::move(t)));
}

inline at::Device device(int32_t type, int32_t index) {
  switch (type) {
    case 0: return at::Device(at::kCPU);
    case 1: return at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(index));
    default: throw std::invalid_argument("unknown device type " + std::to_string(type));
  }
}

inline at::ScalarType dtype(int32_t code) {
  switch (code) {
    case 0: case 3: case 4: case 6: case 7: case 11: return static_cast<at::ScalarType>(code);
    default: throw std::invalid_argument("unsupported dtype code " + std::to_string(code));
  }
}

inline at::IntArrayRef shape(const int64_t* dims, int32_t ndim) {
  if (ndim < 0) throw std::invalid_argument("negative ndim");
  return at::IntArrayRef(dims, static_cast<size_t>(ndim));
}

inline std::vector<at::Tensor> tensors(const mlnd_tensor* hs, int32_t n) {
  std::vector<at::Tensor> v;
  v.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) v.push_back(T(hs[i]));
  return v;
}

}  // namespace mlnd

// Every export is `MLND_API name(args) { MLND_GUARD(body); }`: the body runs inside one
// try/catch that turns any exception into a status code and a thread-local message.
#define MLND_API extern "C" MLND_EXPORT int

#define MLND_GUARD(...)                                   \
  try {                                                   \
    __VA_ARGS__;                                          \
    return 0;                                             \
  } catch (const c10::Error& e) {                         \
    mlnd::set_error(e.what_without_backtrace());          \
  } catch (const std::exception& e) {                     \
    mlnd::set_error(e.what());                            \
  } catch (...) {                                         \
    mlnd::set_error("unknown native error");              \
  }                                                       \
  return 1
