// Linear (dense) layer: y = x Wᵀ + b, PyTorch's layout and default initialisation.
#include "module.h"

#include <cmath>

namespace {

struct Linear : mlnd::Layer {
  at::Tensor weight, bias;
  Linear(int64_t in, int64_t out, bool with_bias, const at::TensorOptions& opt) : Layer("Linear") {
    if (in <= 0 || out <= 0)
      throw std::invalid_argument("Linear needs positive sizes, got in_features=" + std::to_string(in) +
                                  ", out_features=" + std::to_string(out));
    // PyTorch's default: kaiming_uniform(a=sqrt(5)) on W and U(-1/sqrt(in), 1/sqrt(in)) on b,
    // both of which reduce to U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
    const double bound = 1.0 / std::sqrt(static_cast<double>(in));
    weight = register_parameter("weight", at::empty({out, in}, opt).uniform_(-bound, bound));
    if (with_bias) bias = register_parameter("bias", at::empty({out}, opt).uniform_(-bound, bound));
  }
  at::Tensor forward(const at::Tensor& x) override { return at::linear(x, weight, bias); }
};

}  // namespace

MLND_API mlnd_module_linear(int64_t in_features, int64_t out_features, int32_t bias, int32_t device_type,
                            int32_t device_index, int32_t dtype, mlnd_module* out) {
  MLND_GUARD(at::NoGradGuard no_grad;
             *out = mlnd::wrap_module(std::make_shared<Linear>(
                 in_features, out_features, bias != 0, mlnd::param_options(device_type, device_index, dtype))));
}
