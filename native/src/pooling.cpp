// Pooling: max, average and min over sliding windows (1-D: N,C,L; 2-D: N,C,H,W), and global
// pooling over all spatial positions to N x C. Min pooling is -maxpool(-x), so it shares max
// pooling's kernels and gradient.
#include "module.h"

namespace {

enum Kind { kMax = 0, kAvg = 1, kMin = 2 };

const char* kind_name(int32_t kind) { return kind == kMax ? "Max" : kind == kAvg ? "Avg" : "Min"; }

struct Pool : mlnd::Layer {
  int32_t dims, kind;
  std::vector<int64_t> kernel, stride, padding;

  Pool(int32_t dims, int32_t kind, const int64_t* k, const int64_t* s, const int64_t* p)
      : Layer(std::string(kind_name(kind)) + "Pool" + std::to_string(dims) + "d"), dims(dims), kind(kind),
        kernel(k, k + dims), stride(s, s + dims), padding(p, p + dims) {}

  at::Tensor max_pool(const at::Tensor& x) const {
    return dims == 1 ? at::max_pool1d(x, kernel, stride, padding) : at::max_pool2d(x, kernel, stride, padding);
  }

  at::Tensor forward(const at::Tensor& x) override {
    switch (kind) {
      case kMax: return max_pool(x);
      case kMin: return at::neg(max_pool(at::neg(x)));
      default:
        // count_include_pad = true, PyTorch's default: padded zeros count in the average.
        return dims == 1 ? at::avg_pool1d(x, kernel, stride, padding) : at::avg_pool2d(x, kernel, stride, padding);
    }
  }
};

struct GlobalPool : mlnd::Layer {
  int32_t dims, kind;
  GlobalPool(int32_t dims, int32_t kind)
      : Layer(std::string("Global") + kind_name(kind) + "Pool" + std::to_string(dims) + "d"), dims(dims), kind(kind) {}

  at::Tensor forward(const at::Tensor& x) override {
    TORCH_CHECK(x.dim() == dims + 2, name(), " expects a ", dims + 2, "-D input ",
                dims == 1 ? "(N, C, L)" : "(N, C, H, W)", ", got a ", x.dim(), "-D input of size ", x.sizes());
    std::vector<int64_t> spatial;
    for (int32_t i = 0; i < dims; ++i) spatial.push_back(2 + i);
    return kind == kMax ? at::amax(x, spatial) : at::mean(x, spatial);
  }
};

void check_dims(int32_t dims) {
  if (dims != 1 && dims != 2) throw std::invalid_argument("pooling supports 1 or 2 spatial dimensions, got " + std::to_string(dims));
}

}  // namespace

MLND_API mlnd_module_pool(int32_t dims, int32_t kind, const int64_t* kernel, const int64_t* stride,
                          const int64_t* padding, mlnd_module* out) {
  MLND_GUARD(check_dims(dims);
             if (kind < kMax || kind > kMin) throw std::invalid_argument("unknown pooling kind " + std::to_string(kind));
             *out = mlnd::wrap_module(std::make_shared<Pool>(dims, kind, kernel, stride, padding)));
}

MLND_API mlnd_module_global_pool(int32_t dims, int32_t kind, mlnd_module* out) {
  MLND_GUARD(check_dims(dims);
             if (kind != kMax && kind != kAvg) throw std::invalid_argument("unknown global pooling kind " + std::to_string(kind));
             *out = mlnd::wrap_module(std::make_shared<GlobalPool>(dims, kind)));
}
