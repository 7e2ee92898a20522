"""Writes the image fixtures: tiny PNG/JPEG files saved by PIL (Fixtures/images/*) and
images.json with PIL's decoded pixels (kept mode and converted to L/RGB/RGBA) and PyTorch's
bilinear resizes (torch.nn.functional.interpolate, align_corners=False). Run with Debian's
python3-pil and python3-torch:
    /usr/bin/python3 make_images.py"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

here = os.path.dirname(os.path.abspath(__file__))
out_dir = os.path.join(here, "images")
os.makedirs(out_dir, exist_ok=True)
rng = np.random.RandomState(20240602)
H, W = 6, 8


def arr(a):
    a = np.asarray(a)
    if a.ndim == 2:
        a = a[:, :, None]
    return {"shape": list(a.shape), "data": a.flatten().tolist()}


def tj(t):
    return {"shape": list(t.shape), "data": t.flatten().tolist()}


rgb = rng.randint(0, 256, size=(H, W, 3), dtype=np.uint8)
gray = rng.randint(0, 256, size=(H, W), dtype=np.uint8)
rgba = rng.randint(0, 256, size=(H, W, 4), dtype=np.uint8)
# A smooth picture so that JPEG keeps it recognisable.
yy, xx = np.mgrid[0:16, 0:16]
smooth = np.stack([xx * 16, yy * 16, (xx + yy) * 8], axis=2).astype(np.uint8)

files = {}
Image.fromarray(rgb, "RGB").save(os.path.join(out_dir, "rgb.png"))
Image.fromarray(gray, "L").save(os.path.join(out_dir, "gray.png"))
Image.fromarray(rgba, "RGBA").save(os.path.join(out_dir, "rgba.png"))
pal = Image.fromarray(rgb, "RGB").quantize(colors=5)
pal.info["transparency"] = 0
pal.save(os.path.join(out_dir, "palette.png"), transparency=0)
Image.fromarray(smooth, "RGB").save(os.path.join(out_dir, "rgb.jpg"), quality=90)
Image.fromarray(smooth[:, :, 0], "L").save(os.path.join(out_dir, "gray.jpg"), quality=90)

for name in ["rgb.png", "gray.png", "rgba.png", "palette.png", "rgb.jpg", "gray.jpg"]:
    im = Image.open(os.path.join(out_dir, name))
    im.load()
    entry = {"mode": im.mode}
    if im.mode != "P":
        entry["keep"] = arr(im)
    entry["L"] = arr(im.convert("L"))
    entry["RGB"] = arr(im.convert("RGB"))
    entry["RGBA"] = arr(im.convert("RGBA"))
    files[name] = entry

torch.manual_seed(20240602)
x = torch.rand(3, 6, 8)
batch = torch.rand(2, 3, 5, 7)
x8 = torch.randint(0, 256, (3, 6, 8), dtype=torch.uint8)


def interp(t, size):
    return F.interpolate(t.unsqueeze(0) if t.dim() == 3 else t, size=size, mode="bilinear",
                         align_corners=False)


resize = [
    {"name": "down", "input": tj(x), "size": [4, 5], "output": tj(interp(x, (4, 5)).squeeze(0))},
    {"name": "up", "input": tj(x), "size": [9, 11], "output": tj(interp(x, (9, 11)).squeeze(0))},
    {"name": "batch", "input": tj(batch), "size": [3, 10], "output": tj(interp(batch, (3, 10)))},
    {"name": "uint8", "input": tj(x8), "size": [4, 11],
     "output": tj(interp(x8.float(), (4, 11)).squeeze(0).round().clamp(0, 255))},
]

with open(os.path.join(here, "images.json"), "w") as f:
    json.dump({"files": files, "resize": resize}, f)
