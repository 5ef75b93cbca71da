#!/usr/bin/python3
"""Speed peer for `coarse rgflow train` (BENCHMARKS.md, "RG-Flow"): the same network written in PyTorch.

The hierarchical flow of dev.coarse.learn.flow.HierarchicalFlow — per level (finest last in generation, first in the
RG direction used for training) a disentangler on the shifted and a decimator on the unshifted 2x2 plaquettes of the
stride-2^l grid, each a chain of RealNVP affine couplings (halves chosen by selection matrices, a tanh MLP giving
s = alpha * tanh(.) and t) — with logit preprocessing, a Laplace prior, the negative log-likelihood per dimension,
Adam and global-norm clipping, on random 8-bit images (the speed does not depend on the pixels). Prints one JSON line:
parameters, steps timed, seconds, images per second.

  /usr/bin/python3 rgflow_torch.py --size 32 --channels 3 --batch 32 --steps 30 --threads 1
"""
import argparse, json, math, time
import torch

p = argparse.ArgumentParser()
p.add_argument("--size", type=int, default=32)
p.add_argument("--channels", type=int, default=3)
p.add_argument("--couplings", type=int, default=4)
p.add_argument("--hidden-layers", type=int, default=1)
p.add_argument("--width", type=int, default=32)
p.add_argument("--batch", type=int, default=32)
p.add_argument("--steps", type=int, default=30)
p.add_argument("--warmup", type=int, default=3)
p.add_argument("--threads", type=int, default=1)
p.add_argument("--flat", action="store_true")
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(1)

L, C = a.size, a.channels
depth = int(math.log2(L))
d = 4 * C
half = d // 2
bits = (d & -d).bit_length() - 1


def selections():
    sa, sb = [], []
    for c in range(a.couplings):
        bit, side = c % bits, (c // bits) % 2
        A = torch.zeros(d, half)
        B = torch.zeros(d, half)
        ia = ib = 0
        for i in range(d):
            if ((i >> bit) & 1) == side:
                A[i, ia] = 1; ia += 1
            else:
                B[i, ib] = 1; ib += 1
        sa.append(A); sb.append(B)
    return sa, sb


SA, SB = selections()
params = []


def coupling():
    layers = []
    n_in = half
    for layer in range(a.hidden_layers + 1):
        out = d if layer == a.hidden_layers else a.width
        w = torch.empty(n_in, out)
        if layer == a.hidden_layers:
            torch.nn.init.zeros_(w)
        else:
            torch.nn.init.xavier_uniform_(w)
        b = torch.zeros(out)
        w.requires_grad_(); b.requires_grad_()
        params.extend([w, b]); layers.append((w, b)); n_in = out
    alpha = torch.ones(half, requires_grad=True)
    params.append(alpha)
    return layers, alpha


blocks = [[[coupling() for _ in range(a.couplings)] for _ in range(2)] for _ in range(depth)]


def block_inverse(x, block):
    ld = 0
    for c in reversed(range(a.couplings)):
        layers, alpha = block[c]
        xa, xb = x @ SA[c], x @ SB[c]
        h = xa
        for i, (w, b) in enumerate(layers):
            h = h @ w + b
            if i < len(layers) - 1:
                h = torch.tanh(h)
        s = torch.tanh(h[:, :half]) * alpha
        t = h[:, half:]
        xb = (xb - t) * torch.exp(-s)
        ld = ld - s.sum(1)
        x = xa @ SA[c].T + xb @ SB[c].T
    return x, ld


def roll(g, s):
    return torch.roll(g, shifts=(-s, -s), dims=(2, 3))


def on_sublattice(x, stride, shifted, block):
    B = x.shape[0]
    m = L // stride
    if stride > 1:
        split = x.reshape(B, C, m, stride, m, stride)
        first_row = split[:, :, :, 0:1]
        rest_rows = split[:, :, :, 1:]
        rest_cols = first_row[..., 1:]
        grid = first_row[..., 0:1].reshape(B, C, m, m)
    else:
        grid = x
    if shifted:
        grid = roll(grid, 1)
    q = m // 2
    pl = grid.reshape(B, C, q, 2, q, 2).permute(0, 2, 4, 1, 3, 5).reshape(B * q * q, d)
    y, ld = block_inverse(pl, block)
    g = y.reshape(B, q, q, C, 2, 2).permute(0, 3, 1, 4, 2, 5).reshape(B, C, m, m)
    ld = ld.reshape(B, q * q).sum(1)
    if shifted:
        g = roll(g, -1)
    if stride > 1:
        fr = torch.cat([g.reshape(B, C, m, 1, m, 1), rest_cols], 5)
        g = torch.cat([fr, rest_rows], 3).reshape(B, C, L, L)
    return g, ld


def log_density(y):
    alpha = 0.05
    pp = alpha + (1 - 2 * alpha) * y
    x = torch.log(pp) - torch.log1p(-pp)
    ld = (math.log(1 - 2 * alpha) - torch.log(pp) - torch.log1p(-pp)).flatten(1).sum(1)
    for level in range(depth):
        stride = 1 if a.flat else 2 ** level
        for kind in (1, 0):  # the RG direction: disentangler (shifted), then decimator
            x, l = on_sublattice(x, stride, kind == 1, blocks[level][kind])
            ld = ld + l
    z = x.flatten(1)
    return -z.abs().sum(1) - z.shape[1] * math.log(2) + ld


opt = torch.optim.Adam(params, lr=1e-3)
D = C * L * L
data = torch.randint(0, 256, (a.batch * (a.steps + a.warmup), C, L, L)).float()
seconds = 0.0
for step in range(a.warmup + a.steps):
    began = time.perf_counter()
    y = (data[step * a.batch:(step + 1) * a.batch] + torch.rand(a.batch, C, L, L)) / 256
    loss = -log_density(y).mean() / D
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, 50.0)
    opt.step()
    if step >= a.warmup:
        seconds += time.perf_counter() - began
print(json.dumps({"peer": "pytorch " + torch.__version__, "flat": a.flat,
                  "parameters": sum(p.numel() for p in params), "batch": a.batch, "steps": a.steps,
                  "seconds": seconds, "images_per_second": a.batch * a.steps / seconds,
                  "bits_per_dim_last": loss.item() / math.log(2) + 8}))
