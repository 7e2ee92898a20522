// Activation functions, as tensor functions and as parameter-free layers (one layer type, chosen by
// a kind code), plus PReLU, whose slope is a learnable parameter named "weight" as in PyTorch.
#include "module.h"

#include <cmath>

using mlnd::T;
using mlnd::wrap;

namespace {

// Codes of the `kind` argument; they equal MlNetDeep.Torch.Nn.ActivationKind's values.
enum Kind : int32_t {
  kIdentity = 0, kBinaryStep = 1, kSigmoid = 2, kTanh = 3, kRelu = 4, kLeakyRelu = 5, kPRelu = 6, kElu = 7,
  kSelu = 8, kSilu = 9, kGelu = 10, kSoftplus = 11, kSoftmax = 12, kLogSoftmax = 13, kMaxout = 14,
};

const char* kind_name(int32_t kind) {
  static const char* names[] = {"Identity", "BinaryStep", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "PReLU", "ELU",
                                "SELU", "SiLU", "GELU", "Softplus", "Softmax", "LogSoftmax", "Maxout"};
  if (kind < 0 || kind > kMaxout) throw std::invalid_argument("unknown activation kind code " + std::to_string(kind));
  return names[kind];
}

int64_t as_dim(double v) { return static_cast<int64_t>(v); }

// Max over groups of `pieces` consecutive features of the last dimension.
at::Tensor maxout(const at::Tensor& x, int64_t pieces) {
  if (x.dim() == 0) throw std::invalid_argument("Maxout expects at least a 1-D input, got a 0-D tensor");
  const int64_t features = x.size(-1);
  if (pieces <= 0 || features % pieces != 0)
    throw std::invalid_argument("Maxout expects pieces to divide the last dimension (" + std::to_string(features) +
                                "), got pieces=" + std::to_string(pieces));
  auto shape = x.sizes().vec();
  shape.back() = features / pieces;
  shape.push_back(pieces);
  return std::get<0>(x.reshape(shape).max(-1));
}

// p0, p1: the kind's hyper-parameters (LeakyReLU slope; ELU alpha; Softplus beta, threshold;
// Softmax/LogSoftmax dim; Maxout pieces).
at::Tensor activate(int32_t kind, const at::Tensor& x, double p0, double p1) {
  switch (kind) {
    case kIdentity: return x;
    // Heaviside step (1 for x > 0, else 0) built from ops whose derivative is zero, so the
    // result stays in the graph (a later backward works) and passes back a zero gradient.
    case kBinaryStep: return at::relu(at::sign(x));
    case kSigmoid: return at::sigmoid(x);
    case kTanh: return at::tanh(x);
    case kRelu: return at::relu(x);
    case kLeakyRelu: return at::leaky_relu(x, p0);
    case kElu: return at::elu(x, p0);
    case kSelu: return at::selu(x);
    case kSilu: return at::silu(x);
    case kGelu: return at::gelu(x);
    case kSoftplus: return at::softplus(x, p0, p1);
    case kSoftmax: return at::softmax(x, as_dim(p0));
    case kLogSoftmax: return at::log_softmax(x, as_dim(p0));
    case kMaxout: return maxout(x, static_cast<int64_t>(p0));
    case kPRelu: throw std::invalid_argument("PReLU has a learnable weight; use mlnd_activation_prelu");
    default: throw std::invalid_argument("unknown activation kind code " + std::to_string(kind));
  }
}

struct Activation : mlnd::Layer {
  int32_t kind;
  double p0, p1;
  Activation(int32_t kind, double p0, double p1) : Layer(kind_name(kind)), kind(kind), p0(p0), p1(p1) {
    if (kind == kPRelu) throw std::invalid_argument("PReLU has a learnable weight; use mlnd_module_prelu");
    if (kind == kMaxout && !(p0 >= 1)) throw std::invalid_argument("Maxout expects pieces >= 1, got pieces=" + std::to_string(p0));
  }
  at::Tensor forward(const at::Tensor& x) override { return activate(kind, x, p0, p1); }
};

// y = max(0, x) + weight · min(0, x), one slope per channel (dim 1) or one shared slope.
struct PRelu : mlnd::Layer {
  at::Tensor weight;
  PRelu(int64_t num_parameters, double init, const at::TensorOptions& opt) : Layer("PReLU") {
    if (num_parameters <= 0)
      throw std::invalid_argument("expected a positive num_parameters, got num_parameters=" + std::to_string(num_parameters));
    weight = register_parameter("weight", at::full({num_parameters}, init, opt));
  }
  at::Tensor forward(const at::Tensor& x) override { return at::prelu(x, weight); }
};

}  // namespace

MLND_API mlnd_activation_apply(mlnd_tensor x, int32_t kind, double p0, double p1, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(activate(kind, T(x), p0, p1)));
}

MLND_API mlnd_activation_prelu(mlnd_tensor x, mlnd_tensor weight, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::prelu(T(x), T(weight))));
}

MLND_API mlnd_module_activation(int32_t kind, double p0, double p1, mlnd_module* out) {
  MLND_GUARD(*out = mlnd::wrap_module(std::make_shared<Activation>(kind, p0, p1)));
}

MLND_API mlnd_module_prelu(int64_t num_parameters, double init, int32_t device_type, int32_t device_index,
                           int32_t dtype, mlnd_module* out) {
  MLND_GUARD(at::NoGradGuard no_grad;
             *out = mlnd::wrap_module(std::make_shared<PRelu>(num_parameters, init,
                                                              mlnd::param_options(device_type, device_index, dtype))));
}
