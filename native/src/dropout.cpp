// Inverted dropout: in training each element is zeroed with probability p and the survivors are
// scaled by 1/(1-p), so evaluation (identity) needs no rescaling.
#include "module.h"

namespace {

struct Dropout : mlnd::Layer {
  double p;
  explicit Dropout(double p) : Layer("Dropout"), p(p) {
    if (!(p >= 0.0 && p < 1.0)) throw std::invalid_argument("Dropout needs 0 <= p < 1, got p=" + std::to_string(p));
  }
  at::Tensor forward(const at::Tensor& x) override { return at::dropout(x, p, is_training()); }
};

}  // namespace

MLND_API mlnd_module_dropout(double p, mlnd_module* out) {
  MLND_GUARD(*out = mlnd::wrap_module(std::make_shared<Dropout>(p)));
}
