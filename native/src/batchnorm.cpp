// Batch normalization over the channel dimension (BatchNorm1d: N,C or N,C,L; BatchNorm2d:
// N,C,H,W), with PyTorch's parameters, buffers and running-statistics update:
//   train: y = (x - mean_B) / sqrt(var_B + eps) * weight + bias   (biased var_B)
//          running = (1 - m) * running + m * stat_B                 (unbiased var for running_var)
//          with m = momentum, or 1 / num_batches_tracked when momentum is None (m < 0 here)
//   eval:  the same with running_mean / running_var in place of the batch statistics.
#include "module.h"

namespace {

struct BatchNorm : mlnd::Layer {
  int32_t dims;
  double eps, momentum;
  bool track;
  at::Tensor weight, bias, running_mean, running_var, num_batches_tracked;

  BatchNorm(int32_t dims, int64_t features, double eps, double momentum, bool affine, bool track,
            const at::TensorOptions& opt)
      : Layer(dims == 1 ? "BatchNorm1d" : "BatchNorm2d"), dims(dims), eps(eps), momentum(momentum), track(track) {
    if (dims != 1 && dims != 2) throw std::invalid_argument("BatchNorm supports 1 or 2 spatial dimensions, got " + std::to_string(dims));
    if (features <= 0) throw std::invalid_argument("BatchNorm needs a positive num_features, got " + std::to_string(features));
    if (!(eps > 0)) throw std::invalid_argument("BatchNorm needs eps > 0, got " + std::to_string(eps));
    if (affine) {
      weight = register_parameter("weight", at::ones({features}, opt));
      bias = register_parameter("bias", at::zeros({features}, opt));
    }
    if (track) {
      running_mean = register_buffer("running_mean", at::zeros({features}, opt));
      running_var = register_buffer("running_var", at::ones({features}, opt));
      num_batches_tracked = register_buffer("num_batches_tracked", at::zeros({}, opt.dtype(at::kLong)));
    }
  }

  at::Tensor forward(const at::Tensor& x) override {
    // at::batch_norm accepts any rank >= 2; the rank rule and messages are PyTorch's module checks.
    if (dims == 1) {
      TORCH_CHECK(x.dim() == 2 || x.dim() == 3, "expected 2D or 3D input (got ", x.dim(), "D input)");
    } else {
      TORCH_CHECK(x.dim() == 4, "expected 4D input (got ", x.dim(), "D input)");
    }
    const bool use_batch_stats = is_training() || !track;
    if (use_batch_stats) {
      const int64_t per_channel = x.numel() / x.size(1);
      TORCH_CHECK(per_channel > 1, "Expected more than 1 value per channel when training, got input size ", x.sizes());
    }
    double factor = momentum;
    if (is_training() && track) {
      {
        at::NoGradGuard no_grad;
        num_batches_tracked.add_(1);
      }
      if (momentum < 0) factor = 1.0 / static_cast<double>(num_batches_tracked.item<int64_t>());
    }
    return at::batch_norm(x, weight, bias, track ? running_mean : at::Tensor(), track ? running_var : at::Tensor(),
                          use_batch_stats, factor, eps, at::globalContext().userEnabledCuDNN());
  }
};

}  // namespace

MLND_API mlnd_module_batch_norm(int32_t dims, int64_t num_features, double eps, double momentum, int32_t affine,
                                int32_t track_running_stats, int32_t device_type, int32_t device_index, int32_t dtype,
                                mlnd_module* out) {
  MLND_GUARD(at::NoGradGuard no_grad;
             *out = mlnd::wrap_module(std::make_shared<BatchNorm>(
                 dims, num_features, eps, momentum, affine != 0, track_running_stats != 0,
                 mlnd::param_options(device_type, device_index, dtype))));
}
