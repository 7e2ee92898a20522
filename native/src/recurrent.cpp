// Recurrent layers (Elman RNN, LSTM, GRU) with PyTorch's parameter names, shapes and initialisation,
// running libtorch's fused functional kernels (at::lstm, at::gru, at::rnn_tanh, at::rnn_relu); and
// LastTimeStep, which turns a sequence output into one feature vector per example.
#include "module.h"

#include <cmath>
#include <tuple>

using mlnd::M;
using mlnd::T;
using mlnd::wrap;

namespace {

// Codes of mlnd_module_recurrent's `cell` argument.
enum Cell : int32_t { kRnnTanh = 0, kRnnRelu = 1, kLstm = 2, kGru = 3 };

const char* cell_name(int32_t cell) {
  switch (cell) {
    case kRnnTanh: case kRnnRelu: return "RNN";
    case kLstm: return "LSTM";
    case kGru: return "GRU";
    default: throw std::invalid_argument("unknown recurrent cell code " + std::to_string(cell));
  }
}

// Rows of the stacked gate matrices: LSTM (i, f, g, o), GRU (r, z, n), plain RNN one block.
int64_t gates(int32_t cell) { return cell == kLstm ? 4 : cell == kGru ? 3 : 1; }

struct Recurrent : mlnd::Layer {
  int32_t cell;
  int64_t input_size, hidden_size, num_layers;
  bool bias, batch_first, bidirectional;
  double dropout;
  // PyTorch's _flat_weights order: layer by layer, forward then reverse direction, each as
  // w_ih, w_hh[, b_ih, b_hh]. The fused kernels take exactly this list.
  std::vector<at::Tensor> flat;

  Recurrent(int32_t cell, int64_t input_size, int64_t hidden_size, int64_t num_layers, bool bias, bool batch_first,
            double dropout, bool bidirectional, const at::TensorOptions& opt)
      : Layer(cell_name(cell)), cell(cell), input_size(input_size), hidden_size(hidden_size), num_layers(num_layers),
        bias(bias), batch_first(batch_first), bidirectional(bidirectional), dropout(dropout) {
    if (input_size <= 0) throw std::invalid_argument("expected a positive input_size, got input_size=" + std::to_string(input_size));
    if (hidden_size <= 0) throw std::invalid_argument("expected a positive hidden_size, got hidden_size=" + std::to_string(hidden_size));
    if (num_layers <= 0) throw std::invalid_argument("expected a positive num_layers, got num_layers=" + std::to_string(num_layers));
    if (!(dropout >= 0.0 && dropout <= 1.0)) throw std::invalid_argument("expected dropout in [0, 1], got dropout=" + std::to_string(dropout));
    // PyTorch's reset_parameters: every weight and bias uniform on ±1/sqrt(hidden_size).
    const double bound = 1.0 / std::sqrt(static_cast<double>(hidden_size));
    const int64_t rows = gates(cell) * hidden_size;
    const int64_t dirs = bidirectional ? 2 : 1;
    for (int64_t layer = 0; layer < num_layers; ++layer) {
      const int64_t in = layer == 0 ? input_size : hidden_size * dirs;
      for (int64_t d = 0; d < dirs; ++d) {
        const std::string suffix = "_l" + std::to_string(layer) + (d == 1 ? "_reverse" : "");
        auto param = [&](const std::string& name, at::IntArrayRef shape) {
          flat.push_back(register_parameter(name + suffix, at::empty(shape, opt).uniform_(-bound, bound)));
        };
        param("weight_ih", {rows, in});
        param("weight_hh", {rows, hidden_size});
        if (bias) {
          param("bias_ih", {rows});
          param("bias_hh", {rows});
        }
      }
    }
  }

  // Returns (output, h_n, c_n); c_n is undefined except for LSTM. Accepts batched input
  // (N, T, F) / (T, N, F) and, like PyTorch, unbatched (T, F) with unbatched states.
  std::tuple<at::Tensor, at::Tensor, at::Tensor> run(const at::Tensor& x, at::Tensor h0, at::Tensor c0) {
    if (x.dim() != 2 && x.dim() != 3)
      throw std::invalid_argument(std::string(name()) + " expects a 3-D input (" +
                                  (batch_first ? "batch, time, features" : "time, batch, features") +
                                  ") or a 2-D unbatched one (time, features), got a " + std::to_string(x.dim()) +
                                  "-D tensor");
    if (x.size(-1) != input_size)
      throw std::invalid_argument(std::string(name()) + " expects " + std::to_string(input_size) +
                                  " input features, got " + std::to_string(x.size(-1)));
    if (cell != kLstm && c0.defined()) throw std::invalid_argument(std::string(name()) + " has no cell state; pass no c0");
    const bool unbatched = x.dim() == 2;
    const at::Tensor input = unbatched ? x.unsqueeze(batch_first ? 0 : 1) : x;
    const int64_t batch = input.size(batch_first ? 0 : 1);
    const int64_t states = num_layers * (bidirectional ? 2 : 1);
    auto state = [&](at::Tensor s, const char* what) {
      if (!s.defined()) return at::zeros({states, batch, hidden_size}, input.options());
      if (unbatched) {
        if (s.dim() != 2) throw std::invalid_argument(std::string(what) + " of an unbatched input must be 2-D");
        s = s.unsqueeze(1);
      }
      if (s.dim() != 3 || s.size(0) != states || s.size(1) != batch || s.size(2) != hidden_size)
        throw std::invalid_argument(std::string(what) + " must have shape (" + std::to_string(states) + ", " +
                                    std::to_string(batch) + ", " + std::to_string(hidden_size) + "), got " +
                                    c10::str(s.sizes()));
      return s;
    };
    const at::Tensor h = state(h0, "h0");
    const bool train = is_training();
    at::Tensor out, hn, cn;
    switch (cell) {
      case kLstm:
        std::tie(out, hn, cn) = at::lstm(input, {h, state(c0, "c0")}, flat, bias, num_layers, dropout, train,
                                         bidirectional, batch_first);
        break;
      case kGru:
        std::tie(out, hn) = at::gru(input, h, flat, bias, num_layers, dropout, train, bidirectional, batch_first);
        break;
      case kRnnTanh:
        std::tie(out, hn) = at::rnn_tanh(input, h, flat, bias, num_layers, dropout, train, bidirectional, batch_first);
        break;
      default:
        std::tie(out, hn) = at::rnn_relu(input, h, flat, bias, num_layers, dropout, train, bidirectional, batch_first);
        break;
    }
    if (unbatched) {
      out = out.squeeze(batch_first ? 0 : 1);
      hn = hn.squeeze(1);
      if (cn.defined()) cn = cn.squeeze(1);
    }
    return {out, hn, cn};
  }

  at::Tensor forward(const at::Tensor& x) override { return std::get<0>(run(x, at::Tensor(), at::Tensor())); }
};

// (N, T, F) -> (N, F): the output at the last time step (time is dim 0 when not batch-first).
struct LastTimeStep : mlnd::Layer {
  bool batch_first;
  explicit LastTimeStep(bool batch_first) : Layer("LastTimeStep"), batch_first(batch_first) {}
  at::Tensor forward(const at::Tensor& x) override {
    if (x.dim() != 3)
      throw std::invalid_argument("LastTimeStep expects a 3-D sequence (" +
                                  std::string(batch_first ? "batch, time, features" : "time, batch, features") +
                                  "), got a " + std::to_string(x.dim()) + "-D tensor");
    return x.select(batch_first ? 1 : 0, -1);
  }
};

}  // namespace

MLND_API mlnd_module_recurrent(int32_t cell, int64_t input_size, int64_t hidden_size, int64_t num_layers, int32_t bias,
                               int32_t batch_first, double dropout, int32_t bidirectional, int32_t device_type,
                               int32_t device_index, int32_t dtype, mlnd_module* out) {
  MLND_GUARD(at::NoGradGuard no_grad;
             *out = mlnd::wrap_module(std::make_shared<Recurrent>(
                 cell, input_size, hidden_size, num_layers, bias != 0, batch_first != 0, dropout, bidirectional != 0,
                 mlnd::param_options(device_type, device_index, dtype))));
}

MLND_API mlnd_module_recurrent_forward_state(mlnd_module m, mlnd_tensor x, mlnd_tensor h0, mlnd_tensor c0,
                                             mlnd_tensor* out, mlnd_tensor* h_n, mlnd_tensor* c_n) {
  MLND_GUARD(
      auto* rnn = dynamic_cast<Recurrent*>(M(m).get());
      if (rnn == nullptr) throw std::invalid_argument("module " + M(m)->name() + " is not a recurrent layer");
      auto result = rnn->run(T(x), h0 != nullptr ? T(h0) : at::Tensor(),
                             c0 != nullptr ? T(c0) : at::Tensor());
      *out = wrap(std::get<0>(result));
      *h_n = wrap(std::get<1>(result));
      *c_n = std::get<2>(result).defined() ? wrap(std::get<2>(result)) : nullptr);
}

MLND_API mlnd_module_last_time_step(int32_t batch_first, mlnd_module* out) {
  MLND_GUARD(*out = mlnd::wrap_module(std::make_shared<LastTimeStep>(batch_first != 0)));
}
