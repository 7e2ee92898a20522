// Autograd: gradient mode, requires_grad, backward, gradients, detach.
#include "shim.h"

#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/grad_mode.h>

using mlnd::T;
using mlnd::wrap;

MLND_API mlnd_autograd_set_grad_enabled(int32_t enabled, int32_t* previous) {
  MLND_GUARD(*previous = at::GradMode::is_enabled() ? 1 : 0; at::GradMode::set_enabled(enabled != 0));
}

MLND_API mlnd_autograd_requires_grad(mlnd_tensor t, int32_t* out) { MLND_GUARD(*out = T(t).requires_grad() ? 1 : 0); }

MLND_API mlnd_autograd_set_requires_grad(mlnd_tensor t, int32_t requires_grad) {
  MLND_GUARD(T(t).set_requires_grad(requires_grad != 0));
}

MLND_API mlnd_autograd_backward(mlnd_tensor t, mlnd_tensor gradient, int32_t retain_graph) {
  MLND_GUARD(
      at::Tensor g = gradient != nullptr ? T(gradient) : at::Tensor();
      T(t).backward(g, retain_graph != 0 ? c10::optional<bool>(true) : c10::nullopt, false));
}

MLND_API mlnd_autograd_grad(mlnd_tensor t, mlnd_tensor* out) { MLND_GUARD(*out = wrap(T(t).grad())); }

MLND_API mlnd_autograd_zero_grad(const mlnd_tensor* ts, int32_t n) {
  MLND_GUARD(for (int32_t i = 0; i < n; ++i) {
    auto& g = T(ts[i]).mutable_grad();
    if (g.defined()) g.reset();
  });
}

MLND_API mlnd_autograd_detach(mlnd_tensor t, mlnd_tensor* out) { MLND_GUARD(*out = wrap(T(t).detach())); }

namespace {
// The checks PyTorch makes when Python code assigns `p.grad = g`.
void check_assignable(const at::Tensor& param, const at::Tensor& g) {
  if (g.sizes() != param.sizes())
    throw std::invalid_argument("assigned grad has shape " + c10::str(g.sizes()) + " but the tensor has shape " +
                                c10::str(param.sizes()));
  if (g.scalar_type() != param.scalar_type())
    throw std::invalid_argument(std::string("assigned grad has dtype ") + c10::toString(g.scalar_type()) +
                                " but the tensor has dtype " + c10::toString(param.scalar_type()));
  if (g.device() != param.device())
    throw std::invalid_argument("assigned grad is on " + g.device().str() + " but the tensor is on " +
                                param.device().str());
}
}  // namespace

MLND_API mlnd_autograd_set_grad(mlnd_tensor t, mlnd_tensor grad) {
  MLND_GUARD(
      auto& param = T(t);
      if (grad == nullptr) {
        param.mutable_grad().reset();
      } else {
        check_assignable(param, T(grad));
        param.mutable_grad() = T(grad).detach();
      });
}
