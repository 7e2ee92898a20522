// What every layer shares: forward, train/eval, device moves, parameters and buffers; and
// Sequential, whose forward runs all its children in one native call.
#include "module.h"

#include <torch/csrc/autograd/grad_mode.h>

using mlnd::LayerPtr;
using mlnd::M;
using mlnd::T;
using mlnd::wrap;

namespace {

struct Sequential : mlnd::Layer {
  std::vector<LayerPtr> children_;
  explicit Sequential(const std::vector<LayerPtr>& children) : Layer("Sequential") {
    for (size_t i = 0; i < children.size(); ++i) {
      children_.push_back(register_module(std::to_string(i), children[i]));
    }
  }
  at::Tensor forward(const at::Tensor& x) override {
    at::Tensor h = x;
    for (auto& c : children_) h = c->forward(h);
    return h;
  }
};

thread_local std::string joined_names;

}  // namespace

MLND_API mlnd_module_free(mlnd_module m) { MLND_GUARD(delete reinterpret_cast<LayerPtr*>(m)); }

MLND_API mlnd_module_forward(mlnd_module m, mlnd_tensor x, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(M(m)->forward(T(x))));
}

MLND_API mlnd_module_train(mlnd_module m, int32_t on) { MLND_GUARD(M(m)->train(on != 0)); }

MLND_API mlnd_module_is_training(mlnd_module m, int32_t* out) { MLND_GUARD(*out = M(m)->is_training() ? 1 : 0); }

// Moves every parameter and buffer to the device; only floating-point ones change dtype, so
// integer buffers (batch norm's num_batches_tracked) stay int64, as PyTorch's Module.to does.
MLND_API mlnd_module_to(mlnd_module m, int32_t device_type, int32_t device_index, int32_t dtype) {
  MLND_GUARD(
      at::NoGradGuard no_grad;
      const auto dev = mlnd::device(device_type, device_index);
      const auto type = mlnd::dtype(dtype);
      auto move = [&](at::Tensor& t) {
        if (!t.defined()) return;
        t.set_data(t.is_floating_point() ? t.to(dev, type) : t.to(dev));
      };
      for (auto& p : M(m)->parameters(true)) move(p);
      for (auto& b : M(m)->buffers(true)) move(b));
}

MLND_API mlnd_module_named_tensors(mlnd_module m, int32_t buffers, mlnd_tensor* out, int32_t capacity,
                                   int32_t* count, const char** names) {
  MLND_GUARD(
      auto dict = buffers != 0 ? M(m)->named_buffers(true) : M(m)->named_parameters(true);
      *count = static_cast<int32_t>(dict.size());
      joined_names.clear();
      int32_t i = 0;
      for (const auto& item : dict) {
        if (i > 0) joined_names += '\n';
        joined_names += item.key();
        if (out != nullptr && i < capacity) out[i] = wrap(item.value());
        ++i;
      }
      if (names != nullptr) *names = joined_names.c_str());
}

MLND_API mlnd_module_sequential(const mlnd_module* children, int32_t n, mlnd_module* out) {
  MLND_GUARD(
      std::vector<LayerPtr> v;
      for (int32_t i = 0; i < n; ++i) v.push_back(M(children[i]));
      *out = mlnd::wrap_module(std::make_shared<Sequential>(v)));
}
