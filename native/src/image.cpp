// Images: PNG/JPEG decoding and PNG encoding through libpng and libjpeg, and the tensor-level
// image operations (layout, scaling, resize, flips, affine warps, random augmentation) over
// at:: ops.
//
// libpng and libjpeg report fatal errors by longjmp (libjpeg's default handler even calls
// exit()). Jumping over C++ frames that own objects with destructors is undefined, so the
// codec functions below are written C-style: plain locals, malloc'd buffers freed on both
// paths, and the message copied into a caller-provided buffer. Only after they return does
// C++ (tensors, exceptions) take over.
#include "shim.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include <png.h>
// jpeglib.h needs FILE and size_t declared before it.
#include <jpeglib.h>

using mlnd::T;
using mlnd::wrap;

namespace {

constexpr size_t kMessageSize = 256;
constexpr double kPi = 3.14159265358979323846;

// Pixels decoded into a malloc'd buffer, row-major H×W×C.
struct Raw {
  unsigned char* pixels;
  uint32_t width;
  uint32_t height;
  int channels;
};

// ---- PNG reading ---------------------------------------------------------------------

struct PngSource {
  const uint8_t* data;
  size_t size;
  size_t pos;
  char message[kMessageSize];
};

void png_on_error(png_structp png, png_const_charp msg) {
  auto* io = static_cast<PngSource*>(png_get_error_ptr(png));
  std::snprintf(io->message, kMessageSize, "%s", msg != nullptr ? msg : "unknown libpng error");
  png_longjmp(png, 1);
}

// Warnings (unknown chunks, bad ancillary CRCs) do not stop decoding, as in PIL.
void png_on_warning(png_structp, png_const_charp) {}

void png_read_from(png_structp png, png_bytep dst, png_size_t len) {
  auto* io = static_cast<PngSource*>(png_get_io_ptr(png));
  if (len > io->size - io->pos) png_error(png, "unexpected end of data (the PNG is truncated)");
  std::memcpy(dst, io->data + io->pos, len);
  io->pos += len;
}

bool decode_png(PngSource* io, Raw* out) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, io, png_on_error, png_on_warning);
  if (png == nullptr) {
    std::snprintf(io->message, kMessageSize, "out of memory");
    return false;
  }
  png_infop info = png_create_info_struct(png);
  if (info == nullptr) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    std::snprintf(io->message, kMessageSize, "out of memory");
    return false;
  }
  // Modified after setjmp and read after the jump: volatile, as setjmp requires.
  unsigned char* volatile pixels = nullptr;
  png_bytep* volatile rows = nullptr;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    std::free(pixels);
    std::free(rows);
    return false;
  }
  png_set_read_fn(png, io, png_read_from);
  png_read_info(png, info);
  // Palette → RGB, gray below 8 bits → 8 bits, tRNS → an alpha channel, 16 bits → 8.
  png_set_expand(png);
  png_set_strip_16(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  const png_uint_32 width = png_get_image_width(png, info);
  const png_uint_32 height = png_get_image_height(png, info);
  const int channels = png_get_channels(png, info);
  const size_t row_bytes = png_get_rowbytes(png, info);
  if (row_bytes != static_cast<size_t>(width) * static_cast<size_t>(channels))
    png_error(png, "unexpected row size after conversion to 8 bits per channel");
  pixels = static_cast<unsigned char*>(std::malloc(row_bytes * height));
  rows = static_cast<png_bytep*>(std::malloc(sizeof(png_bytep) * height));
  if (pixels == nullptr || rows == nullptr) png_error(png, "out of memory for the decoded image");
  for (png_uint_32 y = 0; y < height; ++y) rows[y] = pixels + y * row_bytes;
  png_read_image(png, rows);
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);
  std::free(rows);
  out->pixels = pixels;
  out->width = width;
  out->height = height;
  out->channels = channels;
  return true;
}

// ---- JPEG reading --------------------------------------------------------------------

struct JpegErrors {
  jpeg_error_mgr mgr;  // first member: libjpeg hands back a pointer to it
  jmp_buf jump;
  char message[kMessageSize];
};

void jpeg_on_error(j_common_ptr cinfo) {
  auto* errors = reinterpret_cast<JpegErrors*>(cinfo->err);
  char text[JMSG_LENGTH_MAX];
  (*cinfo->err->format_message)(cinfo, text);
  std::snprintf(errors->message, kMessageSize, "%s", text);
  std::longjmp(errors->jump, 1);
}

// libjpeg reports corrupt or truncated data as a warning (level −1) and pads the image with
// gray; like libjpeg-turbo's TJFLAG_STOPONWARNING we make it an error, so a damaged file is
// never mistaken for a valid one. Trace messages (level ≥ 0) are dropped.
void jpeg_on_message(j_common_ptr cinfo, int level) {
  if (level < 0) jpeg_on_error(cinfo);
}

bool decode_jpeg(const uint8_t* data, size_t size, Raw* out, char* message) {
  jpeg_decompress_struct cinfo;
  JpegErrors errors;
  unsigned char* volatile pixels = nullptr;
  cinfo.err = jpeg_std_error(&errors.mgr);
  errors.mgr.error_exit = jpeg_on_error;
  errors.mgr.emit_message = jpeg_on_message;
  errors.message[0] = '\0';
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&cinfo);
    std::free(pixels);
    std::snprintf(message, kMessageSize, "%s", errors.message);
    return false;
  }
  jpeg_create_decompress(&cinfo);
  // const_cast: libjpeg 8 declares the buffer non-const, libjpeg-turbo const.
  jpeg_mem_src(&cinfo, const_cast<unsigned char*>(data), static_cast<unsigned long>(size));
  jpeg_read_header(&cinfo, TRUE);
  if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
    jpeg_destroy_decompress(&cinfo);
    std::snprintf(message, kMessageSize, "CMYK JPEG images are not supported");
    return false;
  }
  cinfo.out_color_space = cinfo.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_start_decompress(&cinfo);
  const size_t row_bytes = static_cast<size_t>(cinfo.output_width) * static_cast<size_t>(cinfo.output_components);
  pixels = static_cast<unsigned char*>(std::malloc(row_bytes * cinfo.output_height));
  if (pixels == nullptr) {
    std::snprintf(errors.message, kMessageSize, "out of memory for the decoded image");
    std::longjmp(errors.jump, 1);
  }
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = pixels + static_cast<size_t>(cinfo.output_scanline) * row_bytes;
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  out->width = cinfo.output_width;
  out->height = cinfo.output_height;
  out->channels = cinfo.output_components;
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  out->pixels = pixels;
  return true;
}

// ---- PNG writing ---------------------------------------------------------------------

struct PngSink {
  unsigned char* data;
  size_t size;
  size_t capacity;
  char message[kMessageSize];
};

void png_sink_error(png_structp png, png_const_charp msg) {
  auto* sink = static_cast<PngSink*>(png_get_error_ptr(png));
  std::snprintf(sink->message, kMessageSize, "%s", msg != nullptr ? msg : "unknown libpng error");
  png_longjmp(png, 1);
}

void png_write_to(png_structp png, png_bytep src, png_size_t len) {
  auto* sink = static_cast<PngSink*>(png_get_io_ptr(png));
  if (sink->size + len > sink->capacity) {
    size_t capacity = sink->capacity == 0 ? 4096 : sink->capacity;
    while (capacity < sink->size + len) capacity *= 2;
    auto* grown = static_cast<unsigned char*>(std::realloc(sink->data, capacity));
    if (grown == nullptr) png_error(png, "out of memory for the encoded image");
    sink->data = grown;
    sink->capacity = capacity;
  }
  std::memcpy(sink->data + sink->size, src, len);
  sink->size += len;
}

void png_flush(png_structp) {}

// On failure the caller still frees sink->data.
bool encode_png(const unsigned char* pixels, uint32_t width, uint32_t height, int channels, int level,
                PngSink* sink) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, sink, png_sink_error, png_on_warning);
  if (png == nullptr) {
    std::snprintf(sink->message, kMessageSize, "out of memory");
    return false;
  }
  png_infop info = png_create_info_struct(png);
  if (info == nullptr) {
    png_destroy_write_struct(&png, nullptr);
    std::snprintf(sink->message, kMessageSize, "out of memory");
    return false;
  }
  png_bytep* volatile rows = nullptr;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    std::free(rows);
    return false;
  }
  static const int kColorTypes[] = {PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA, PNG_COLOR_TYPE_RGB,
                                    PNG_COLOR_TYPE_RGB_ALPHA};
  png_set_write_fn(png, sink, png_write_to, png_flush);
  png_set_compression_level(png, level);
  png_set_IHDR(png, info, width, height, 8, kColorTypes[channels - 1], PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  rows = static_cast<png_bytep*>(std::malloc(sizeof(png_bytep) * height));
  if (rows == nullptr) png_error(png, "out of memory");
  const size_t row_bytes = static_cast<size_t>(width) * static_cast<size_t>(channels);
  for (uint32_t y = 0; y < height; ++y) rows[y] = const_cast<png_bytep>(pixels + y * row_bytes);
  png_write_image(png, rows);
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::free(rows);
  return true;
}

// ---- channel conversion --------------------------------------------------------------

// PIL's convert("L"): L = (19595 R + 38470 G + 7471 B + 2^15) >> 16, the ITU-R 601-2 luma.
at::Tensor luma(const at::Tensor& hwc) {
  auto rgb = hwc.narrow(2, 0, 3).to(at::kInt);
  auto l = rgb.select(2, 0) * 19595 + rgb.select(2, 1) * 38470 + rgb.select(2, 2) * 7471 + 32768;
  return l.div(65536, "floor").to(at::kByte).unsqueeze(2);
}

at::Tensor convert_channels(const at::Tensor& hwc, int32_t target) {
  const int64_t have = hwc.size(2);
  if (target == 0 || target == have) return hwc;
  const auto h = hwc.size(0), w = hwc.size(1);
  auto opaque = [&] { return at::full({h, w, 1}, 255, hwc.options()); };
  at::Tensor gray = have <= 2 ? hwc.narrow(2, 0, 1) : luma(hwc);
  switch (target) {
    case 1: return gray.contiguous();
    case 3: return (have <= 2 ? gray.expand({h, w, 3}) : hwc.narrow(2, 0, 3)).contiguous();
    case 4:
      if (have == 1) return at::cat({gray.expand({h, w, 3}), opaque()}, 2);
      if (have == 2) return at::cat({gray.expand({h, w, 3}), hwc.narrow(2, 1, 1)}, 2);
      return at::cat({hwc, opaque()}, 2);
    default: throw std::invalid_argument("unsupported channel count " + std::to_string(target));
  }
}

at::Tensor decode(const uint8_t* bytes, int64_t n, int32_t channels) {
  if (channels != 0 && channels != 1 && channels != 3 && channels != 4)
    throw std::invalid_argument("channels must be 0 (keep), 1 (gray), 3 (RGB) or 4 (RGBA), got " +
                                std::to_string(channels));
  if (bytes == nullptr || n <= 0) throw std::invalid_argument("cannot decode an image from empty data");
  static const uint8_t kPng[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  Raw raw{};
  if (n >= 8 && std::memcmp(bytes, kPng, 8) == 0) {
    PngSource io{bytes, static_cast<size_t>(n), 0, {0}};
    if (!decode_png(&io, &raw)) throw std::runtime_error(std::string("corrupt PNG data: ") + io.message);
  } else if (n >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) {
    char message[kMessageSize] = {0};
    if (!decode_jpeg(bytes, static_cast<size_t>(n), &raw, message))
      throw std::runtime_error(std::string("corrupt JPEG data: ") + message);
  } else {
    char head[64];
    const int64_t k = std::min<int64_t>(n, 4);
    int len = std::snprintf(head, sizeof head, "first bytes:");
    for (int64_t i = 0; i < k; ++i) len += std::snprintf(head + len, sizeof head - len, " %02x", bytes[i]);
    throw std::invalid_argument(std::string("unknown image format: expected PNG or JPEG data (") + head + ")");
  }
  auto t = at::from_blob(raw.pixels, {raw.height, raw.width, raw.channels}, [](void* p) { std::free(p); },
                         at::TensorOptions().dtype(at::kByte));
  return convert_channels(t, channels);
}

// ---- image tensor helpers ------------------------------------------------------------

void require_image(const at::Tensor& image, const char* op) {
  if (image.dim() != 3 && image.dim() != 4)
    throw std::invalid_argument(std::string(op) + " expects a C×H×W or N×C×H×W image, got shape " +
                                c10::str(image.sizes()));
  if (image.scalar_type() != at::kByte && !at::isFloatingType(image.scalar_type()))
    throw std::invalid_argument(std::string(op) + " expects a uint8 or floating image, got " +
                                c10::toString(image.scalar_type()));
}

// Runs `f` on a floating N×C×H×W view of `image` and returns the result in the input's rank
// and dtype; uint8 goes through float32 and is rounded and clamped back.
template <class F>
at::Tensor on_batch(const at::Tensor& image, const char* op, F f) {
  require_image(image, op);
  const bool single = image.dim() == 3;
  const bool bytes = image.scalar_type() == at::kByte;
  auto x = single ? image.unsqueeze(0) : image;
  auto y = f(bytes ? x.to(at::kFloat) : x);
  if (bytes) y = y.round().clamp(0, 255).to(at::kByte);
  return single ? y.squeeze(0) : y;
}

// One affine sampling matrix per image for at::affine_grid_generator (output → input, in
// normalized coordinates with align_corners = false). In centred pixel coordinates the forward
// map is p_out = zoom · R(degrees) · p_in + shift, R rotating counter-clockwise on screen
// (y points down), so p_in = M (p_out − shift) with M = R(−degrees) / zoom.
at::Tensor affine_theta(const double* degrees, const double* shift_x, const double* shift_y, const double* zoom,
                        int64_t n, int64_t height, int64_t width) {
  std::vector<double> theta(static_cast<size_t>(n) * 6);
  const double w = static_cast<double>(width), h = static_cast<double>(height);
  for (int64_t i = 0; i < n; ++i) {
    const double a = degrees[i] * kPi / 180.0;
    const double c = std::cos(a) / zoom[i], s = std::sin(a) / zoom[i];
    const double m00 = c, m01 = -s, m10 = s, m11 = c;
    double* t = theta.data() + i * 6;
    t[0] = m00;
    t[1] = m01 * h / w;
    t[2] = -(m00 * shift_x[i] + m01 * shift_y[i]) * 2.0 / w;
    t[3] = m10 * w / h;
    t[4] = m11;
    t[5] = -(m10 * shift_x[i] + m11 * shift_y[i]) * 2.0 / h;
  }
  return at::from_blob(theta.data(), {n, 2, 3}, at::TensorOptions().dtype(at::kDouble)).clone();
}

// Samples a floating N×C×H×W batch through per-image affine matrices; outside pixels are 0.
at::Tensor warp(const at::Tensor& x, const at::Tensor& theta, bool nearest) {
  std::array<int64_t, 4> size{x.size(0), x.size(1), x.size(2), x.size(3)};
  auto grid = at::affine_grid_generator(theta.to(x.options()), at::IntArrayRef(size), false);
  return at::grid_sampler(x, grid, nearest ? 1 : 0, /*padding zeros*/ 0, false);
}

}  // namespace

MLND_API mlnd_image_decode(const uint8_t* bytes, int64_t n, int32_t channels, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(decode(bytes, n, channels)));
}

MLND_API mlnd_image_encode_png(mlnd_tensor image, int32_t compression_level, mlnd_tensor* out) {
  MLND_GUARD(
      auto x = T(image);
      if (x.scalar_type() != at::kByte)
        throw std::invalid_argument("PNG encoding expects a uint8 image, got " + std::string(c10::toString(x.scalar_type())));
      if (x.dim() == 2) x = x.unsqueeze(2);
      if (x.dim() != 3 || x.size(2) < 1 || x.size(2) > 4)
        throw std::invalid_argument("PNG encoding expects an H×W×C image with C = 1..4 or an H×W image, got shape " +
                                    c10::str(T(image).sizes()));
      if (x.size(0) < 1 || x.size(1) < 1 || x.size(0) > 0x7fffffff || x.size(1) > 0x7fffffff)
        throw std::invalid_argument("PNG encoding needs a height and width between 1 and 2^31 - 1, got shape " +
                                    c10::str(T(image).sizes()));
      if (compression_level < 0 || compression_level > 9)
        throw std::invalid_argument("compression level must be 0..9, got " + std::to_string(compression_level));
      x = x.to(at::kCPU).contiguous();
      PngSink sink{nullptr, 0, 0, {0}};
      const bool ok = encode_png(x.data_ptr<uint8_t>(), static_cast<uint32_t>(x.size(1)), static_cast<uint32_t>(x.size(0)),
                                 static_cast<int>(x.size(2)), compression_level, &sink);
      std::unique_ptr<unsigned char, decltype(&std::free)> owned(sink.data, &std::free);
      if (!ok) throw std::runtime_error(std::string("PNG encoding failed: ") + sink.message);
      auto bytes = at::empty({static_cast<int64_t>(sink.size)}, at::TensorOptions().dtype(at::kByte));
      std::memcpy(bytes.data_ptr(), sink.data, sink.size);
      *out = wrap(bytes));
}

MLND_API mlnd_image_hwc_to_chw(mlnd_tensor image, mlnd_tensor* out) {
  MLND_GUARD(
      const auto& x = T(image);
      if (x.dim() == 3) *out = wrap(x.permute({2, 0, 1}).contiguous());
      else if (x.dim() == 4) *out = wrap(x.permute({0, 3, 1, 2}).contiguous());
      else throw std::invalid_argument("expected an H×W×C or N×H×W×C image, got shape " + c10::str(x.sizes())));
}

MLND_API mlnd_image_chw_to_hwc(mlnd_tensor image, mlnd_tensor* out) {
  MLND_GUARD(
      const auto& x = T(image);
      if (x.dim() == 3) *out = wrap(x.permute({1, 2, 0}).contiguous());
      else if (x.dim() == 4) *out = wrap(x.permute({0, 2, 3, 1}).contiguous());
      else throw std::invalid_argument("expected a C×H×W or N×C×H×W image, got shape " + c10::str(x.sizes())));
}

MLND_API mlnd_image_to_float(mlnd_tensor image, const double* mean, const double* std, int32_t n_stats, int32_t dtype,
                             mlnd_tensor* out) {
  MLND_GUARD(
      const auto& x = T(image);
      const auto type = mlnd::dtype(dtype);
      if (x.scalar_type() != at::kByte)
        throw std::invalid_argument("expected a uint8 image, got " + std::string(c10::toString(x.scalar_type())));
      if (!at::isFloatingType(type))
        throw std::invalid_argument("expected a floating result type, got " + std::string(c10::toString(type)));
      auto y = x.to(type).div(255.0);
      if (n_stats > 0) {
        if (x.dim() < 3) throw std::invalid_argument("mean/std need a C×H×W or N×C×H×W image, got shape " + c10::str(x.sizes()));
        const int64_t c = x.size(-3);
        if (n_stats != 1 && n_stats != c)
          throw std::invalid_argument("expected 1 or " + std::to_string(c) + " mean/std values (one per channel), got " +
                                      std::to_string(n_stats));
        for (int32_t i = 0; i < n_stats; ++i)
          if (!(std[i] != 0.0) || !std::isfinite(std[i]) || !std::isfinite(mean[i]))
            throw std::invalid_argument("std must be finite and non-zero and mean finite, got mean " +
                                        std::to_string(mean[i]) + ", std " + std::to_string(std[i]));
        auto opts = at::TensorOptions().dtype(at::kDouble);
        auto m = at::from_blob(const_cast<double*>(mean), {n_stats, 1, 1}, opts).to(y.options());
        auto s = at::from_blob(const_cast<double*>(std), {n_stats, 1, 1}, opts).to(y.options());
        y = (y - m) / s;
      }
      *out = wrap(y));
}

MLND_API mlnd_image_to_uint8(mlnd_tensor image, mlnd_tensor* out) {
  MLND_GUARD(
      const auto& x = T(image);
      if (!at::isFloatingType(x.scalar_type()))
        throw std::invalid_argument("expected a floating image, got " + std::string(c10::toString(x.scalar_type())));
      *out = wrap(x.detach().clamp(0, 1).mul(255).round().to(at::kByte)));
}

MLND_API mlnd_image_resize(mlnd_tensor image, int64_t height, int64_t width, mlnd_tensor* out) {
  MLND_GUARD(
      if (height < 1 || width < 1)
        throw std::invalid_argument("resize needs a positive height and width, got " + std::to_string(height) + "×" +
                                    std::to_string(width));
      std::array<int64_t, 2> size{height, width};
      *out = wrap(on_batch(T(image), "resize", [&](const at::Tensor& x) {
        return at::upsample_bilinear2d(x, at::IntArrayRef(size), false, c10::nullopt, c10::nullopt);
      })));
}

MLND_API mlnd_image_flip(mlnd_tensor image, int32_t horizontal, int32_t vertical, mlnd_tensor* out) {
  MLND_GUARD(
      const auto& x = T(image);
      if (x.dim() < 2) throw std::invalid_argument("flip expects an image of at least 2 dimensions, got shape " + c10::str(x.sizes()));
      std::vector<int64_t> dims;
      if (vertical) dims.push_back(-2);
      if (horizontal) dims.push_back(-1);
      *out = wrap(dims.empty() ? x.clone() : x.flip(dims)));
}

MLND_API mlnd_image_affine(mlnd_tensor image, double degrees, double shift_x, double shift_y, double zoom,
                           int32_t nearest, mlnd_tensor* out) {
  MLND_GUARD(
      if (!(zoom > 0) || !std::isfinite(zoom)) throw std::invalid_argument("zoom must be positive, got " + std::to_string(zoom));
      if (!std::isfinite(degrees) || !std::isfinite(shift_x) || !std::isfinite(shift_y))
        throw std::invalid_argument("rotation and shift must be finite");
      *out = wrap(on_batch(T(image), "affine", [&](const at::Tensor& x) {
        const int64_t n = x.size(0);
        std::vector<double> d(n, degrees), sx(n, shift_x), sy(n, shift_y), z(n, zoom);
        return warp(x, affine_theta(d.data(), sx.data(), sy.data(), z.data(), n, x.size(2), x.size(3)), nearest != 0);
      })));
}

MLND_API mlnd_image_random_augment(mlnd_tensor image, int32_t flip_horizontal, int32_t flip_vertical,
                                   double max_degrees, double max_shift_x, double max_shift_y, double zoom_low,
                                   double zoom_high, int32_t has_seed, uint64_t seed, mlnd_tensor* out) {
  MLND_GUARD(
      if (!(max_degrees >= 0) || !(max_shift_x >= 0) || !(max_shift_y >= 0) || !std::isfinite(max_degrees) ||
          !std::isfinite(max_shift_x) || !std::isfinite(max_shift_y))
        throw std::invalid_argument("rotation and shift ranges must be finite and non-negative");
      if (!(zoom_low > 0) || !(zoom_high >= zoom_low) || !std::isfinite(zoom_high))
        throw std::invalid_argument("zoom range must satisfy 0 < low <= high, got [" + std::to_string(zoom_low) + ", " +
                                    std::to_string(zoom_high) + "]");
      *out = wrap(on_batch(T(image), "augment", [&](const at::Tensor& batch) {
        const int64_t n = batch.size(0);
        c10::optional<at::Generator> gen;
        if (has_seed) gen = at::make_generator<at::CPUGeneratorImpl>(seed);
        // Six draws per image, always all six and in this order, so that enabling one option
        // does not change the draws of the others.
        auto u = at::rand({n, 6}, gen, at::TensorOptions().dtype(at::kDouble)).contiguous();
        const double* p = u.data_ptr<double>();
        auto x = batch;
        for (int flip = 0; flip < 2; ++flip) {
          if (!(flip == 0 ? flip_horizontal : flip_vertical)) continue;
          std::vector<uint8_t> mask(n);
          for (int64_t i = 0; i < n; ++i) mask[i] = p[i * 6 + flip] < 0.5;
          auto m = at::from_blob(mask.data(), {n, 1, 1, 1}, at::TensorOptions().dtype(at::kBool)).to(x.device());
          x = at::where(m, x.flip({flip == 0 ? -1 : -2}), x);
        }
        const bool geometric = max_degrees > 0 || max_shift_x > 0 || max_shift_y > 0 || zoom_low != 1 || zoom_high != 1;
        if (!geometric) return flip_horizontal || flip_vertical ? x : x.clone();
        const double w = static_cast<double>(x.size(3)), h = static_cast<double>(x.size(2));
        std::vector<double> d(n), sx(n), sy(n), z(n);
        for (int64_t i = 0; i < n; ++i) {
          d[i] = (2 * p[i * 6 + 2] - 1) * max_degrees;
          sx[i] = (2 * p[i * 6 + 3] - 1) * max_shift_x * w;
          sy[i] = (2 * p[i * 6 + 4] - 1) * max_shift_y * h;
          z[i] = zoom_low + (zoom_high - zoom_low) * p[i * 6 + 5];
        }
        return warp(x, affine_theta(d.data(), sx.data(), sy.data(), z.data(), n, x.size(2), x.size(3)), false);
      })));
}
