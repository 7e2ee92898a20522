// Loss functions: thin wrappers over at:: losses. `reduction` uses at::Reduction's numbering
// (0 none, 1 mean, 2 sum). Optional tensors (weights) are NULL handles when absent and are
// converted to the prediction's dtype and device, so a float32 CPU weight serves any model.
#include "shim.h"

using mlnd::T;
using mlnd::wrap;

namespace {

int64_t reduction(int32_t code) {
  if (code < 0 || code > 2) throw std::invalid_argument("unknown reduction code " + std::to_string(code));
  return code;
}

c10::optional<at::Tensor> optional(mlnd_tensor h, const at::Tensor& like) {
  if (h == nullptr) return c10::nullopt;
  return T(h).to(like.options());
}

// Elementwise losses refuse targets of another shape instead of broadcasting: [N] against
// [N, 1] would otherwise silently become an [N, N] loss. Same check and wording as PyTorch's
// torch.nn.functional, which does it in Python, above the at:: ops.
void same_shape(const at::Tensor& input, const at::Tensor& target) {
  TORCH_CHECK(input.sizes() == target.sizes(), "Using a target size (", target.sizes(),
              ") that is different to the input size (", input.sizes(), ") is not supported. ",
              "Please ensure they have the same size.");
}

at::Tensor reduce(const at::Tensor& loss, int64_t r) {
  switch (r) {
    case at::Reduction::None: return loss;
    case at::Reduction::Mean: return loss.mean();
    default: return loss.sum();
  }
}

// Keras' categorical cross-entropy over `dim`: targets are one-hot or probabilities.
// from_logits: log p = log_softmax(x); otherwise x are probabilities, renormalised over `dim`
// and clipped to [eps, 1 − eps] as Keras does. Class weights scale each class's term, so with
// logits this equals PyTorch's cross_entropy with probability targets.
at::Tensor categorical_cross_entropy(const at::Tensor& input, const at::Tensor& target,
                                     const c10::optional<at::Tensor>& weight, bool from_logits, double eps,
                                     int64_t dim, int64_t r) {
  same_shape(input, target);
  TORCH_CHECK(input.dim() >= 1, "categorical cross-entropy needs at least one dimension (the classes)");
  const int64_t d = c10::maybe_wrap_dim(dim, input.dim());
  at::Tensor log_p;
  if (from_logits) {
    log_p = at::log_softmax(input, d);
  } else {
    log_p = at::log(at::clamp(input / input.sum(d, /*keepdim=*/true), eps, 1.0 - eps));
  }
  at::Tensor terms = target * log_p;
  if (weight.has_value()) {
    const auto& w = *weight;
    TORCH_CHECK(w.dim() == 1 && w.size(0) == input.size(d), "weight should be a 1D tensor of size ", input.size(d),
                " (one per class), got shape ", w.sizes());
    std::vector<int64_t> view(static_cast<size_t>(input.dim()), 1);
    view[static_cast<size_t>(d)] = w.size(0);
    terms = terms * w.view(view);
  }
  return reduce(-terms.sum(d), r);
}

}  // namespace

MLND_API mlnd_loss_mse(mlnd_tensor input, mlnd_tensor target, int32_t reduction_code, double scale, mlnd_tensor* out) {
  MLND_GUARD(same_shape(T(input), T(target));
             auto loss = at::mse_loss(T(input), T(target), reduction(reduction_code));
             *out = wrap(scale == 1.0 ? loss : loss * scale));
}

MLND_API mlnd_loss_l1(mlnd_tensor input, mlnd_tensor target, int32_t reduction_code, mlnd_tensor* out) {
  MLND_GUARD(same_shape(T(input), T(target));
             *out = wrap(at::l1_loss(T(input), T(target), reduction(reduction_code))));
}

MLND_API mlnd_loss_huber(mlnd_tensor input, mlnd_tensor target, int32_t reduction_code, double delta, mlnd_tensor* out) {
  MLND_GUARD(same_shape(T(input), T(target));
             *out = wrap(at::huber_loss(T(input), T(target), reduction(reduction_code), delta)));
}

MLND_API mlnd_loss_bce(mlnd_tensor input, mlnd_tensor target, mlnd_tensor weight, int32_t reduction_code,
                       mlnd_tensor* out) {
  MLND_GUARD(const auto& x = T(input); same_shape(x, T(target));
             *out = wrap(at::binary_cross_entropy(x, T(target), optional(weight, x), reduction(reduction_code))));
}

MLND_API mlnd_loss_bce_with_logits(mlnd_tensor input, mlnd_tensor target, mlnd_tensor weight, mlnd_tensor pos_weight,
                                   int32_t reduction_code, mlnd_tensor* out) {
  MLND_GUARD(const auto& x = T(input);
             TORCH_CHECK(x.sizes() == T(target).sizes(), "Target size (", T(target).sizes(),
                         ") must be the same as input size (", x.sizes(), ")");
             *out = wrap(at::binary_cross_entropy_with_logits(x, T(target), optional(weight, x),
                                                              optional(pos_weight, x), reduction(reduction_code))));
}

MLND_API mlnd_loss_categorical_cross_entropy(mlnd_tensor input, mlnd_tensor target, mlnd_tensor weight,
                                             int32_t from_logits, double eps, int64_t dim, int32_t reduction_code,
                                             mlnd_tensor* out) {
  MLND_GUARD(const auto& x = T(input);
             *out = wrap(categorical_cross_entropy(x, T(target), optional(weight, x), from_logits != 0, eps, dim,
                                                   reduction(reduction_code))));
}

MLND_API mlnd_loss_sparse_categorical_cross_entropy(mlnd_tensor input, mlnd_tensor target, mlnd_tensor weight,
                                                    int32_t log_probabilities, int64_t ignore_index,
                                                    int32_t reduction_code, mlnd_tensor* out) {
  MLND_GUARD(const auto& x = T(input); auto w = optional(weight, x);
             *out = wrap(log_probabilities != 0
                             ? at::nll_loss_nd(x, T(target), w, reduction(reduction_code), ignore_index)
                             : at::cross_entropy_loss(x, T(target), w, reduction(reduction_code), ignore_index)));
}
