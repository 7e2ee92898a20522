// Internal: the native layer type behind mlnd_module handles.
#pragma once

#include "shim.h"

#include <torch/nn/module.h>

#include <memory>

namespace mlnd {

// A layer is a torch::nn::Module with a single-tensor forward. Parameters and buffers are
// registered under PyTorch's names (weight, bias, running_mean, weight_ih_l0, ...) so state
// maps one-to-one onto PyTorch's state_dict.
struct Layer : torch::nn::Module {
  explicit Layer(const std::string& name) : torch::nn::Module(name) {}
  virtual at::Tensor forward(const at::Tensor& x) = 0;
};

using LayerPtr = std::shared_ptr<Layer>;

inline LayerPtr& M(mlnd_module h) {
  if (h == nullptr) throw std::invalid_argument("module handle is null");
  return *reinterpret_cast<LayerPtr*>(h);
}

inline mlnd_module wrap_module(LayerPtr p) { return reinterpret_cast<mlnd_module>(new LayerPtr(std::move(p))); }

// Tensor options for a new layer's parameters.
inline at::TensorOptions param_options(int32_t device_type, int32_t device_index, int32_t dtype) {
  return at::TensorOptions().dtype(mlnd::dtype(dtype)).device(mlnd::device(device_type, device_index));
}

}  // namespace mlnd
