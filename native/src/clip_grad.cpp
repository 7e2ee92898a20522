// Gradient clipping over many tensors in one call, as torch.nn.utils.clip_grad_norm_ and
// clip_grad_value_ (1.13): tensors without a gradient are skipped, gradients change in place.
#include "shim.h"

#include <cmath>

#include <torch/csrc/autograd/grad_mode.h>

namespace {

std::vector<at::Tensor> defined_grads(const mlnd_tensor* params, int32_t n) {
  if (n < 0) throw std::invalid_argument("negative tensor count");
  std::vector<at::Tensor> grads;
  for (const auto& p : mlnd::tensors(params, n))
    if (p.grad().defined()) grads.push_back(p.grad());
  return grads;
}

// total = ‖(‖g₁‖ₚ, …, ‖gₖ‖ₚ)‖ₚ (max |gᵢ| for p = ∞) ;  gᵢ ← gᵢ · min(1, max_norm / (total + 1e-6))
double clip_grad_norm(const std::vector<at::Tensor>& grads, double max_norm, double norm_type) {
  if (grads.empty()) return 0;
  at::NoGradGuard no_grad;
  const auto device = grads[0].device();
  std::vector<at::Tensor> norms;
  norms.reserve(grads.size());
  at::Tensor total;
  if (std::isinf(norm_type)) {
    for (const auto& g : grads) norms.push_back(g.abs().max().to(device));
    total = norms.size() == 1 ? norms[0] : at::stack(norms).max();
  } else {
    for (const auto& g : grads) norms.push_back(at::norm(g, norm_type).to(device));
    total = at::norm(at::stack(norms), norm_type);
  }
  // The same operations as PyTorch's `max_norm / (total + 1e-6)`, which computes a reciprocal first.
  at::Tensor coef = at::clamp_max((total + 1e-6).reciprocal() * max_norm, 1.0);
  for (const auto& g : grads) {
    at::Tensor grad = g;  // shares the gradient's storage: the scaling happens in place
    grad.mul_(coef.to(g.device()));
  }
  return total.item<double>();
}

}  // namespace

MLND_API mlnd_clip_grad_norm(const mlnd_tensor* params, int32_t n, double max_norm, double norm_type,
                             double* total_norm) {
  MLND_GUARD(*total_norm = clip_grad_norm(defined_grads(params, n), max_norm, norm_type));
}

MLND_API mlnd_clip_grad_value(const mlnd_tensor* params, int32_t n, double clip_value) {
  MLND_GUARD(at::NoGradGuard no_grad;
             for (auto& g : defined_grads(params, n)) g.clamp_(-clip_value, clip_value));
}
