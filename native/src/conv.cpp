// Convolutions over 1 or 2 spatial dimensions (Conv1d: N,C,L; Conv2d: N,C,H,W), with PyTorch's
// parameter layout [out, in/groups, *kernel] and default initialisation.
#include "module.h"

#include <cmath>

namespace {

struct Conv : mlnd::Layer {
  int32_t dims;
  std::vector<int64_t> stride, padding, dilation;
  bool same;
  int64_t groups;
  at::Tensor weight, bias;

  Conv(int32_t dims, int64_t in, int64_t out, const int64_t* kernel, const int64_t* stride_,
       int32_t padding_mode, const int64_t* padding_, const int64_t* dilation_, int64_t groups,
       bool with_bias, const at::TensorOptions& opt)
      : Layer(dims == 1 ? "Conv1d" : "Conv2d"), dims(dims), stride(stride_, stride_ + dims),
        dilation(dilation_, dilation_ + dims), same(padding_mode == 2), groups(groups) {
    if (dims != 1 && dims != 2) throw std::invalid_argument("Conv supports 1 or 2 spatial dimensions, got " + std::to_string(dims));
    if (in <= 0 || out <= 0 || groups <= 0 || in % groups != 0 || out % groups != 0)
      throw std::invalid_argument("Conv needs positive channels divisible by groups, got in_channels=" +
                                  std::to_string(in) + ", out_channels=" + std::to_string(out) +
                                  ", groups=" + std::to_string(groups));
    if (padding_mode == 0) padding.assign(padding_, padding_ + dims);
    else if (padding_mode == 1) padding.assign(dims, 0);
    else if (padding_mode != 2) throw std::invalid_argument("unknown padding mode " + std::to_string(padding_mode));
    if (same) {
      // PyTorch rejects 'same' for strided convolutions: the output size would be ambiguous.
      for (auto s : stride)
        if (s != 1) throw std::invalid_argument("padding='same' is not supported for strided convolutions");
    }
    std::vector<int64_t> shape{out, in / groups};
    int64_t fan_in = in / groups;
    for (int32_t i = 0; i < dims; ++i) {
      if (kernel[i] <= 0) throw std::invalid_argument("kernel size must be positive, got " + std::to_string(kernel[i]));
      shape.push_back(kernel[i]);
      fan_in *= kernel[i];
    }
    // PyTorch's default: kaiming_uniform(a=sqrt(5)) on the weight and U(±1/sqrt(fan_in)) on the
    // bias; both bounds are 1/sqrt(fan_in) with fan_in = in/groups * prod(kernel).
    const double bound = 1.0 / std::sqrt(static_cast<double>(fan_in));
    weight = register_parameter("weight", at::empty(shape, opt).uniform_(-bound, bound));
    if (with_bias) bias = register_parameter("bias", at::empty({out}, opt).uniform_(-bound, bound));
  }

  at::Tensor forward(const at::Tensor& x) override {
    if (dims == 1) {
      return same ? at::conv1d(x, weight, bias, stride, "same", dilation, groups)
                  : at::conv1d(x, weight, bias, stride, padding, dilation, groups);
    }
    return same ? at::conv2d(x, weight, bias, stride, "same", dilation, groups)
                : at::conv2d(x, weight, bias, stride, padding, dilation, groups);
  }
};

}  // namespace

MLND_API mlnd_module_conv(int32_t dims, int64_t in_channels, int64_t out_channels, const int64_t* kernel,
                          const int64_t* stride, int32_t padding_mode, const int64_t* padding, const int64_t* dilation,
                          int64_t groups, int32_t bias, int32_t device_type, int32_t device_index, int32_t dtype,
                          mlnd_module* out) {
  MLND_GUARD(at::NoGradGuard no_grad;
             *out = mlnd::wrap_module(std::make_shared<Conv>(dims, in_channels, out_channels, kernel, stride,
                                                             padding_mode, padding, dilation, groups, bias != 0,
                                                             mlnd::param_options(device_type, device_index, dtype))));
}
