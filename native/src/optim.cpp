// Optimizers: one handle type holding the parameters and their per-parameter state, so that a
// step updates every parameter in one native call. Each update rule is written once, with its
// math beside it; the rules follow torch.optim 1.13's single-tensor code path operation by
// operation (FTRL, which PyTorch lacks, follows Keras' FTRL-Proximal).
#include "shim.h"

#include <algorithm>
#include <cmath>

#include <ATen/Parallel.h>
#include <memory>

#include <torch/csrc/autograd/grad_mode.h>

using mlnd::T;

namespace {

// Parameters plus a learning rate. Subclasses hold the per-parameter state and the rule.
struct Optimizer {
  std::vector<at::Tensor> params;
  double lr;

  Optimizer(std::vector<at::Tensor> ps, double learning_rate) : params(std::move(ps)), lr(learning_rate) {
    for (size_t i = 0; i < params.size(); ++i) {
      if (!params[i].defined()) throw std::invalid_argument("parameter " + std::to_string(i) + " is undefined");
      if (!at::isFloatingType(params[i].scalar_type()))
        throw std::invalid_argument("parameter " + std::to_string(i) + " has dtype " +
                                    c10::toString(params[i].scalar_type()) + "; only floating-point tensors can be optimized");
    }
  }
  virtual ~Optimizer() = default;

  // Updates parameter `i` in place from its gradient `g`.
  virtual void update(size_t i, at::Tensor& p, const at::Tensor& g) = 0;

  void step() {
    at::NoGradGuard no_grad;
    for (size_t i = 0; i < params.size(); ++i) {
      const at::Tensor& g = params[i].grad();
      if (g.defined()) update(i, params[i], g);  // as torch.optim: a parameter without a gradient keeps its state
    }
  }

  void zero_grad() {
    for (auto& p : params) p.mutable_grad().reset();
  }
};

// An optimizer with one `State` per parameter.
template <class State>
struct Stateful : Optimizer {
  std::vector<State> state;
  Stateful(std::vector<at::Tensor> ps, double learning_rate)
      : Optimizer(std::move(ps), learning_rate), state(params.size()) {}
};

// g + λ·p, the L2 penalty torch.optim calls weight_decay (a new tensor: the gradient is never modified).
at::Tensor with_weight_decay(const at::Tensor& g, const at::Tensor& p, double weight_decay) {
  return weight_decay != 0 ? g.add(p, weight_decay) : g;
}

// ---- SGD ------------------------------------------------------------------------------------
//   g ← g + λ·p
//   b ← g (first step), then b ← μ·b + (1 − τ)·g        momentum μ, dampening τ
//   g ← g + μ·b (nesterov)  or  g ← b                    (only when μ ≠ 0)
//   p ← p − lr·g
struct SgdState { at::Tensor momentum_buffer; };
struct Sgd final : Stateful<SgdState> {
  double momentum, dampening, weight_decay;
  bool nesterov;
  Sgd(std::vector<at::Tensor> ps, double lr, double momentum, double dampening, bool nesterov, double weight_decay)
      : Stateful(std::move(ps), lr), momentum(momentum), dampening(dampening), weight_decay(weight_decay),
        nesterov(nesterov) {}

  void update(size_t i, at::Tensor& p, const at::Tensor& grad) override {
    at::Tensor g = with_weight_decay(grad, p, weight_decay);
    if (momentum != 0) {
      auto& b = state[i].momentum_buffer;
      if (!b.defined()) b = g.clone();
      else b.mul_(momentum).add_(g, 1 - dampening);
      g = nesterov ? g.add(b, momentum) : b;
    }
    p.add_(g, -lr);
  }
};

// ---- Adagrad --------------------------------------------------------------------------------
//   t ← t + 1 ;  g ← g + λ·p
//   clr = lr / (1 + (t − 1)·lr_decay)
//   s ← s + g²                                           s starts at initial_accumulator_value
//   p ← p − clr · g / (√s + ε)
struct AdagradState { int64_t step = 0; at::Tensor sum; };
struct Adagrad final : Stateful<AdagradState> {
  double lr_decay, weight_decay, eps;
  Adagrad(std::vector<at::Tensor> ps, double lr, double lr_decay, double weight_decay, double initial_accumulator_value,
          double eps)
      : Stateful(std::move(ps), lr), lr_decay(lr_decay), weight_decay(weight_decay), eps(eps) {
    at::NoGradGuard no_grad;
    for (size_t i = 0; i < params.size(); ++i) state[i].sum = at::full_like(params[i], initial_accumulator_value);
  }

  void update(size_t i, at::Tensor& p, const at::Tensor& grad) override {
    auto& s = state[i];
    s.step += 1;
    at::Tensor g = with_weight_decay(grad, p, weight_decay);
    const double clr = lr / (1 + static_cast<double>(s.step - 1) * lr_decay);
    s.sum.addcmul_(g, g, 1);
    p.addcdiv_(g, s.sum.sqrt().add_(eps), -clr);
  }
};

// ---- Adadelta -------------------------------------------------------------------------------
//   g ← g + λ·p
//   v ← ρ·v + (1 − ρ)·g²
//   Δ = √(u + ε) / √(v + ε) · g
//   u ← ρ·u + (1 − ρ)·Δ²
//   p ← p − lr·Δ
struct AdadeltaState { at::Tensor square_avg, acc_delta; };
struct Adadelta final : Stateful<AdadeltaState> {
  double rho, eps, weight_decay;
  Adadelta(std::vector<at::Tensor> ps, double lr, double rho, double eps, double weight_decay)
      : Stateful(std::move(ps), lr), rho(rho), eps(eps), weight_decay(weight_decay) {}

  void update(size_t i, at::Tensor& p, const at::Tensor& grad) override {
    auto& s = state[i];
    if (!s.square_avg.defined()) {
      s.square_avg = at::zeros_like(p);
      s.acc_delta = at::zeros_like(p);
    }
    at::Tensor g = with_weight_decay(grad, p, weight_decay);
    s.square_avg.mul_(rho).addcmul_(g, g, 1 - rho);
    at::Tensor std = s.square_avg.add(eps).sqrt_();
    at::Tensor delta = s.acc_delta.add(eps).sqrt_().div_(std).mul_(g);
    s.acc_delta.mul_(rho).addcmul_(delta, delta, 1 - rho);
    p.add_(delta, -lr);
  }
};

// ---- RMSprop --------------------------------------------------------------------------------
//   g ← g + λ·p
//   v ← α·v + (1 − α)·g²
//   ḡ ← α·ḡ + (1 − α)·g ;  d = √(v − ḡ²) + ε             (centered)
//   d = √v + ε                                           (otherwise)
//   b ← μ·b + g/d ;  p ← p − lr·b                        (momentum μ > 0)
//   p ← p − lr·g/d                                       (otherwise)
struct RmspropState { at::Tensor square_avg, grad_avg, momentum_buffer; };
struct Rmsprop final : Stateful<RmspropState> {
  double alpha, eps, weight_decay, momentum;
  bool centered;
  Rmsprop(std::vector<at::Tensor> ps, double lr, double alpha, double eps, double weight_decay, double momentum,
          bool centered)
      : Stateful(std::move(ps), lr), alpha(alpha), eps(eps), weight_decay(weight_decay), momentum(momentum),
        centered(centered) {}

  void update(size_t i, at::Tensor& p, const at::Tensor& grad) override {
    auto& s = state[i];
    if (!s.square_avg.defined()) {
      s.square_avg = at::zeros_like(p);
      if (momentum > 0) s.momentum_buffer = at::zeros_like(p);
      if (centered) s.grad_avg = at::zeros_like(p);
    }
    at::Tensor g = with_weight_decay(grad, p, weight_decay);
    s.square_avg.mul_(alpha).addcmul_(g, g, 1 - alpha);
    at::Tensor avg;
    if (centered) {
      s.grad_avg.mul_(alpha).add_(g, 1 - alpha);
      avg = s.square_avg.addcmul(s.grad_avg, s.grad_avg, -1).sqrt_();
    } else {
      avg = s.square_avg.sqrt();
    }
    avg.add_(eps);
    if (momentum > 0) {
      s.momentum_buffer.mul_(momentum).addcdiv_(g, avg);
      p.add_(s.momentum_buffer, -lr);
    } else {
      p.addcdiv_(g, avg, -lr);
    }
  }
};

// ---- Adam and AdamW -------------------------------------------------------------------------
//   t ← t + 1
//   g ← g + λ·p              (Adam: L2 penalty)   or   p ← p·(1 − lr·λ)   (AdamW: decoupled decay)
//   m ← β₁·m + (1 − β₁)·g
//   v ← β₂·v + (1 − β₂)·g²
//   v ← max(v_max, v), kept as v_max                     (amsgrad)
//   p ← p − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
struct AdamState { int64_t step = 0; at::Tensor exp_avg, exp_avg_sq, max_exp_avg_sq; };
struct Adam final : Stateful<AdamState> {
  double beta1, beta2, eps, weight_decay;
  bool amsgrad, decoupled;
  Adam(std::vector<at::Tensor> ps, double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad,
       bool decoupled)
      : Stateful(std::move(ps), lr), beta1(beta1), beta2(beta2), eps(eps), weight_decay(weight_decay),
        amsgrad(amsgrad), decoupled(decoupled) {}

  void update(size_t i, at::Tensor& p, const at::Tensor& grad) override {
    auto& s = state[i];
    if (!s.exp_avg.defined()) {
      s.exp_avg = at::zeros_like(p);
      s.exp_avg_sq = at::zeros_like(p);
      if (amsgrad) s.max_exp_avg_sq = at::zeros_like(p);
    }
    s.step += 1;
    if (fused_cpu(p, grad, s)) return;
    at::Tensor g = grad;
    if (decoupled) p.mul_(1 - lr * weight_decay);
    else g = with_weight_decay(grad, p, weight_decay);
    s.exp_avg.mul_(beta1).add_(g, 1 - beta1);
    s.exp_avg_sq.mul_(beta2).addcmul_(g, g, 1 - beta2);
    const double t = static_cast<double>(s.step);
    const double step_size = lr / (1 - std::pow(beta1, t));
    const double bias_correction2_sqrt = std::sqrt(1 - std::pow(beta2, t));
    at::Tensor v = s.exp_avg_sq;
    if (amsgrad) {
      at::maximum_out(s.max_exp_avg_sq, s.max_exp_avg_sq, s.exp_avg_sq);
      v = s.max_exp_avg_sq;
    }
    p.addcdiv_(s.exp_avg, (v.sqrt() / bias_correction2_sqrt).add_(eps), -step_size);
  }

  // The same rule as one loop over the elements, for contiguous CPU tensors of one floating
  // type: at the batch sizes of small tabular models, the ~8 dispatched ops per parameter
  // above cost more than the arithmetic. Each element goes through the same operations in
  // the same order and precision as the tensor code, so results agree to rounding.
  bool fused_cpu(at::Tensor& p, const at::Tensor& grad, AdamState& s) {
    const auto type = p.scalar_type();
    if (!p.device().is_cpu() || !grad.device().is_cpu() || grad.scalar_type() != type || !p.is_contiguous() ||
        !grad.is_contiguous() || (type != at::kFloat && type != at::kDouble))
      return false;
    if (type == at::kFloat) run_fused<float>(p, grad, s);
    else run_fused<double>(p, grad, s);
    return true;
  }

  template <class F>
  void run_fused(at::Tensor& p, const at::Tensor& grad, AdamState& s) {
    const double t = static_cast<double>(s.step);
    const F step_size = static_cast<F>(lr / (1 - std::pow(beta1, t)));
    const F bc2_sqrt = static_cast<F>(std::sqrt(1 - std::pow(beta2, t)));
    const F b1 = static_cast<F>(beta1), b2 = static_cast<F>(beta2), one_b1 = static_cast<F>(1 - beta1),
            one_b2 = static_cast<F>(1 - beta2), e = static_cast<F>(eps), wd = static_cast<F>(weight_decay),
            decay = static_cast<F>(1 - lr * weight_decay);
    F* pp = p.data_ptr<F>();
    const F* gp = grad.data_ptr<F>();
    F* mp = s.exp_avg.data_ptr<F>();
    F* vp = s.exp_avg_sq.data_ptr<F>();
    F* vmax = amsgrad ? s.max_exp_avg_sq.data_ptr<F>() : nullptr;
    const bool l2 = !decoupled && weight_decay != 0, decay_p = decoupled && weight_decay != 0;
    at::parallel_for(0, p.numel(), 32768, [&](int64_t begin, int64_t end) {
      for (int64_t k = begin; k < end; ++k) {
        if (decay_p) pp[k] = pp[k] * decay;
        const F g = l2 ? gp[k] + wd * pp[k] : gp[k];
        mp[k] = mp[k] * b1 + one_b1 * g;
        vp[k] = vp[k] * b2 + one_b2 * (g * g);
        F v = vp[k];
        if (vmax != nullptr) v = vmax[k] = std::max(vmax[k], v);
        pp[k] = pp[k] + (-step_size) * (mp[k] / (std::sqrt(v) / bc2_sqrt + e));
      }
    });
  }
};

// ---- Adamax ---------------------------------------------------------------------------------
//   t ← t + 1 ;  g ← g + λ·p
//   m ← β₁·m + (1 − β₁)·g
//   u ← max(β₂·u, |g| + ε)
//   p ← p − lr/(1 − β₁ᵗ) · m/u
struct AdamaxState { int64_t step = 0; at::Tensor exp_avg, exp_inf; };
struct Adamax final : Stateful<AdamaxState> {
  double beta1, beta2, eps, weight_decay;
  Adamax(std::vector<at::Tensor> ps, double lr, double beta1, double beta2, double eps, double weight_decay)
      : Stateful(std::move(ps), lr), beta1(beta1), beta2(beta2), eps(eps), weight_decay(weight_decay) {}

  void update(size_t i, at::Tensor& p, const at::Tensor& grad) override {
    auto& s = state[i];
    if (!s.exp_avg.defined()) {
      s.exp_avg = at::zeros_like(p);
      s.exp_inf = at::zeros_like(p);
    }
    s.step += 1;
    at::Tensor g = with_weight_decay(grad, p, weight_decay);
    s.exp_avg.mul_(beta1).add_(g, 1 - beta1);
    at::maximum_out(s.exp_inf, s.exp_inf.mul_(beta2), g.abs().add_(eps));
    const double clr = lr / (1 - std::pow(beta1, static_cast<double>(s.step)));
    p.addcdiv_(s.exp_avg, s.exp_inf, -clr);
  }
};

// ---- NAdam ----------------------------------------------------------------------------------
//   t ← t + 1 ;  g ← g + λ·p
//   μₜ = β₁·(1 − ½·0.96^(t·ψ)) ;  μₜ₊₁ = β₁·(1 − ½·0.96^((t+1)·ψ))      momentum_decay ψ
//   Π ← Π·μₜ                                             (Π starts at 1)
//   m ← β₁·m + (1 − β₁)·g ;  v ← β₂·v + (1 − β₂)·g²
//   d = √(v / (1 − β₂ᵗ)) + ε
//   p ← p − lr·(1 − μₜ)/(1 − Π) · g/d − lr·μₜ₊₁/(1 − Π·μₜ·μₜ₊₁) · m/d
// The last denominator is PyTorch 1.13's (2.x uses 1 − Π·μₜ₊₁); we match the version we test against.
struct NadamState { int64_t step = 0; double mu_product = 1; at::Tensor exp_avg, exp_avg_sq; };
struct Nadam final : Stateful<NadamState> {
  double beta1, beta2, eps, weight_decay, momentum_decay;
  Nadam(std::vector<at::Tensor> ps, double lr, double beta1, double beta2, double eps, double weight_decay,
        double momentum_decay)
      : Stateful(std::move(ps), lr), beta1(beta1), beta2(beta2), eps(eps), weight_decay(weight_decay),
        momentum_decay(momentum_decay) {}

  void update(size_t i, at::Tensor& p, const at::Tensor& grad) override {
    auto& s = state[i];
    if (!s.exp_avg.defined()) {
      s.exp_avg = at::zeros_like(p);
      s.exp_avg_sq = at::zeros_like(p);
    }
    s.step += 1;
    const double t = static_cast<double>(s.step);
    const double bias_correction2 = 1 - std::pow(beta2, t);
    at::Tensor g = with_weight_decay(grad, p, weight_decay);
    const double mu = beta1 * (1 - 0.5 * std::pow(0.96, t * momentum_decay));
    const double mu_next = beta1 * (1 - 0.5 * std::pow(0.96, (t + 1) * momentum_decay));
    s.mu_product *= mu;
    const double mu_product_next = s.mu_product * mu * mu_next;
    s.exp_avg.mul_(beta1).add_(g, 1 - beta1);
    s.exp_avg_sq.mul_(beta2).addcmul_(g, g, 1 - beta2);
    at::Tensor denom = s.exp_avg_sq.div(bias_correction2).sqrt().add_(eps);
    p.addcdiv_(g, denom, -lr * (1 - mu) / (1 - s.mu_product));
    p.addcdiv_(s.exp_avg, denom, -lr * mu_next / (1 - mu_product_next));
  }
};

// ---- FTRL-Proximal (Keras / TensorFlow) -----------------------------------------------------
// With n the squared-gradient accumulator, z the linear term and c = learning_rate_power:
//   g' = g + 2·l2_shrinkage·p
//   n' = n + g²
//   z ← z + g' − (n'^(−c) − n^(−c)) / lr · p
//   q = n'^(−c) / lr + 2·(l2 + β/(2·lr))
//   p ← (clip(z, −l1, l1) − z) / q                       (0 wherever |z| ≤ l1)
//   n ← n'
struct FtrlState { at::Tensor accumulator, linear; };
struct Ftrl final : Stateful<FtrlState> {
  double lr_power, l1, l2, l2_shrinkage, beta;
  Ftrl(std::vector<at::Tensor> ps, double lr, double lr_power, double initial_accumulator_value, double l1, double l2,
       double l2_shrinkage, double beta)
      : Stateful(std::move(ps), lr), lr_power(lr_power), l1(l1), l2(l2), l2_shrinkage(l2_shrinkage), beta(beta) {
    at::NoGradGuard no_grad;
    for (size_t i = 0; i < params.size(); ++i) {
      state[i].accumulator = at::full_like(params[i], initial_accumulator_value);
      state[i].linear = at::zeros_like(params[i]);
    }
  }

  void update(size_t i, at::Tensor& p, const at::Tensor& g) override {
    auto& s = state[i];
    at::Tensor g_shrunk = l2_shrinkage != 0 ? g.add(p, 2 * l2_shrinkage) : g;
    at::Tensor new_accumulator = s.accumulator.addcmul(g, g, 1);
    at::Tensor sigma = (new_accumulator.pow(-lr_power) - s.accumulator.pow(-lr_power)).div_(lr);
    s.linear.add_(g_shrunk).sub_(sigma.mul_(p));
    at::Tensor quadratic = new_accumulator.pow(-lr_power).div_(lr).add_(2 * (l2 + beta / (2 * lr)));
    p.copy_((s.linear.clamp(-l1, l1) - s.linear).div_(quadratic));
    s.accumulator = new_accumulator;
  }
};

Optimizer& O(mlnd_optimizer h) {
  if (h == nullptr) throw std::invalid_argument("optimizer handle is null");
  return *reinterpret_cast<Optimizer*>(h);
}

template <class Algorithm, class... Args>
mlnd_optimizer make(const mlnd_tensor* params, int32_t n, Args... args) {
  if (n < 0) throw std::invalid_argument("negative parameter count");
  std::unique_ptr<Optimizer> o = std::make_unique<Algorithm>(mlnd::tensors(params, n), args...);
  return reinterpret_cast<mlnd_optimizer>(o.release());
}

}  // namespace

MLND_API mlnd_optimizer_sgd(const mlnd_tensor* params, int32_t n, double lr, double momentum, double dampening,
                            int32_t nesterov, double weight_decay, mlnd_optimizer* out) {
  MLND_GUARD(*out = make<Sgd>(params, n, lr, momentum, dampening, nesterov != 0, weight_decay));
}

MLND_API mlnd_optimizer_adagrad(const mlnd_tensor* params, int32_t n, double lr, double lr_decay, double weight_decay,
                                double initial_accumulator_value, double eps, mlnd_optimizer* out) {
  MLND_GUARD(*out = make<Adagrad>(params, n, lr, lr_decay, weight_decay, initial_accumulator_value, eps));
}

MLND_API mlnd_optimizer_adadelta(const mlnd_tensor* params, int32_t n, double lr, double rho, double eps,
                                 double weight_decay, mlnd_optimizer* out) {
  MLND_GUARD(*out = make<Adadelta>(params, n, lr, rho, eps, weight_decay));
}

MLND_API mlnd_optimizer_rmsprop(const mlnd_tensor* params, int32_t n, double lr, double alpha, double eps,
                                double weight_decay, double momentum, int32_t centered, mlnd_optimizer* out) {
  MLND_GUARD(*out = make<Rmsprop>(params, n, lr, alpha, eps, weight_decay, momentum, centered != 0));
}

MLND_API mlnd_optimizer_adam(const mlnd_tensor* params, int32_t n, double lr, double beta1, double beta2, double eps,
                             double weight_decay, int32_t amsgrad, int32_t decoupled_weight_decay,
                             mlnd_optimizer* out) {
  MLND_GUARD(*out = make<Adam>(params, n, lr, beta1, beta2, eps, weight_decay, amsgrad != 0,
                               decoupled_weight_decay != 0));
}

MLND_API mlnd_optimizer_adamax(const mlnd_tensor* params, int32_t n, double lr, double beta1, double beta2, double eps,
                               double weight_decay, mlnd_optimizer* out) {
  MLND_GUARD(*out = make<Adamax>(params, n, lr, beta1, beta2, eps, weight_decay));
}

MLND_API mlnd_optimizer_nadam(const mlnd_tensor* params, int32_t n, double lr, double beta1, double beta2, double eps,
                              double weight_decay, double momentum_decay, mlnd_optimizer* out) {
  MLND_GUARD(*out = make<Nadam>(params, n, lr, beta1, beta2, eps, weight_decay, momentum_decay));
}

MLND_API mlnd_optimizer_ftrl(const mlnd_tensor* params, int32_t n, double learning_rate, double learning_rate_power,
                             double initial_accumulator_value, double l1_regularization_strength,
                             double l2_regularization_strength, double l2_shrinkage_regularization_strength,
                             double beta, mlnd_optimizer* out) {
  MLND_GUARD(*out = make<Ftrl>(params, n, learning_rate, learning_rate_power, initial_accumulator_value,
                               l1_regularization_strength, l2_regularization_strength,
                               l2_shrinkage_regularization_strength, beta));
}

MLND_API mlnd_optimizer_step(mlnd_optimizer o) { MLND_GUARD(O(o).step()); }

MLND_API mlnd_optimizer_zero_grad(mlnd_optimizer o) { MLND_GUARD(O(o).zero_grad()); }

MLND_API mlnd_optimizer_get_lr(mlnd_optimizer o, double* out) { MLND_GUARD(*out = O(o).lr); }

MLND_API mlnd_optimizer_set_lr(mlnd_optimizer o, double lr) { MLND_GUARD(O(o).lr = lr); }

MLND_API mlnd_optimizer_free(mlnd_optimizer o) { MLND_GUARD(delete reinterpret_cast<Optimizer*>(o)); }
