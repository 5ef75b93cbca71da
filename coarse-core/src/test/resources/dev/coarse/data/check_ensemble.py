"""Checks Coarse ensemble files from the Python side (run by EnsembleFileTest with Debian's python3-h5py).

  check FILE LEVEL N,L,... MODEL CHECKSUM   open FILE as docs/ensemble-format.md shows and assert its contents
  make FILE                                 write a small ensemble with h5py in the documented layout
  doc-read DOC FILE N,L,...                 run the reading snippet of DOC (docs/ensemble-format.md) on FILE
  doc-write DOC FILE                        run the writing snippet of DOC, writing FILE
  check-dof FILE LEVEL N,... DTYPE DOF SUPPORT COMPONENTS STATES CHECKSUM
                                            assert a format-2 level: shape, dtype, degrees-of-freedom attributes, and
                                            the checksum sum_n sum_i (i+1)*x_i over the flattened values (to 1e-9)
  make-field FILE                           write a complex field (format 2) with h5py: chunked, gzip, big-endian
"""
import re
import sys

import h5py
import numpy as np


def load(path, level=0):
    # --- the snippet of docs/ensemble-format.md ---
    with h5py.File(path, "r") as f:
        assert f.attrs["coarse_format"] == b"coarse-ensemble"
        assert f.attrs["format_version"] in (1, 2)
        group = f[f"level{level}"]
        spins = group["configurations"][...]          # int8 array [N, L, ..., L]
        meta = {k: (v.decode() if isinstance(v, bytes) else v.item()) for k, v in group.attrs.items()}
    # --- end of snippet ---
    return spins, meta


def check(path, level, shape, model, checksum):
    with h5py.File(path, "r") as f:
        levels = int(f.attrs["levels"])
        assert levels >= 1, levels
        for k in range(levels):
            assert f"level{k}" in f, k
    spins, meta = load(path, int(level))
    expected_shape = tuple(int(s) for s in shape.split(","))
    assert spins.shape == expected_shape, (spins.shape, expected_shape)
    assert spins.dtype == np.int8, spins.dtype
    assert meta["model"] == model, meta
    assert meta["dimension"] == len(expected_shape) - 1, meta
    assert meta["L"] == expected_shape[1], meta
    for key in ("T", "h", "q", "sampler", "seed", "sweeps", "thermalize", "thin", "chains", "tau_int",
                "coarse_version", "provenance.source"):
        assert key in meta, (key, meta)
    assert isinstance(meta["T"], float) and isinstance(meta["seed"], int), meta
    flat = spins.reshape(spins.shape[0], -1).astype(np.int64)
    weights = np.arange(1, flat.shape[1] + 1, dtype=np.int64)
    got = int((flat @ weights).sum()) % 2147483647
    assert got == int(checksum), (got, checksum)


def check_dof(path, level, shape, dtype, dof, support, components, states, checksum):
    with h5py.File(path, "r") as f:
        assert f.attrs["format_version"] == 2, f.attrs["format_version"]
        group = f[f"level{level}"]
        data = group["configurations"][...]
        attrs = {k: (v.decode() if isinstance(v, bytes) else v.item()) for k, v in group.attrs.items()}
    assert data.shape == tuple(int(s) for s in shape.split(",")), (data.shape, shape)
    assert data.dtype == np.dtype(dtype), (data.dtype, dtype)
    assert attrs["degrees_of_freedom"] == dof, attrs
    assert attrs["support"] == support, attrs
    assert attrs["components"] == int(components), attrs
    assert attrs["states"] == int(states), attrs
    flat = data.reshape(data.shape[0], -1).astype(np.float64)
    weights = np.arange(1, flat.shape[1] + 1, dtype=np.float64)
    got = float((flat @ weights).sum())
    want = float(checksum)
    assert abs(got - want) <= 1e-9 * max(1.0, abs(want)), (got, want)


def make_field(path):
    n, L = 12, 6
    sample = np.arange(n)[:, None, None]
    x = np.arange(L)[None, :, None]
    y = np.arange(L)[None, None, :]
    field = np.stack([0.5 * sample + x - 0.25 * y, sample * 0.125 - x * y], axis=-1).astype(">f8")
    with h5py.File(path, "w") as f:
        f.attrs["coarse_format"] = "coarse-ensemble"
        f.attrs["format_version"] = 2
        f.attrs["levels"] = 1
        g = f.create_group("level0")
        g.create_dataset("configurations", data=field, chunks=(4, L, L, 2), compression="gzip")
        g.attrs.update({"model": "phi4-complex", "dimension": 2, "L": L, "T": 1.0, "h": 0.0, "q": 2,
                        "sampler": "external", "seed": 0, "sweeps": n, "thermalize": 0, "thin": 1,
                        "chains": 1, "tau_int": float("nan"), "coarse_version": "python",
                        "degrees_of_freedom": "complex", "states": 0, "support": "sites", "components": 1,
                        "parameter.mu": -0.5, "parameter.t": 1.0})


def make(path):
    n, L = 100, 8
    index = np.arange(n)[:, None] + np.arange(L * L)[None, :]
    spins = np.where(index % 2 == 0, 1, -1).astype(np.int8).reshape(n, L, L)
    with h5py.File(path, "w") as f:
        f.attrs["coarse_format"] = "coarse-ensemble"
        f.attrs["format_version"] = 1
        f.attrs["levels"] = 1
        g = f.create_group("level0")
        g.create_dataset("configurations", data=spins, chunks=(10, L, L), compression="gzip")
        g.attrs.update({"model": "ising2d", "dimension": 2, "L": L, "T": 2.5, "h": 0.0, "q": 2,
                        "sampler": "external", "seed": 0, "sweeps": n, "thermalize": 0, "thin": 1,
                        "chains": 1, "tau_int": float("nan"), "coarse_version": "python",
                        "provenance.source": "numpy"})


def snippets(doc):
    with open(doc, encoding="utf-8") as f:
        return re.findall(r"```python\n(.*?)```", f.read(), re.S)


def doc_read(doc, path, shape):
    code = snippets(doc)[0]
    assert '"ising.h5"' in code, code
    namespace = {}
    exec(code.replace('"ising.h5"', repr(path)), namespace)
    assert namespace["spins"].shape == tuple(int(s) for s in shape.split(",")), namespace["spins"].shape
    assert namespace["meta"]["model"] == "ising2d", namespace["meta"]


def doc_write(doc, path):
    code = snippets(doc)[1]
    assert "spins = ...  " in code and '"mine.h5"' in code, code
    spins = "np.ones((20, 6, 6), dtype=np.int64)"  # int64 on purpose: the snippet must convert
    exec(code.replace("spins = ...", "spins = " + spins).replace('"mine.h5"', repr(path)), {})


if __name__ == "__main__":
    if sys.argv[1] == "check":
        check(*sys.argv[2:7])
    elif sys.argv[1] == "make":
        make(sys.argv[2])
    elif sys.argv[1] == "doc-read":
        doc_read(*sys.argv[2:5])
    elif sys.argv[1] == "doc-write":
        doc_write(*sys.argv[2:4])
    elif sys.argv[1] == "check-dof":
        check_dof(*sys.argv[2:11])
    elif sys.argv[1] == "make-field":
        make_field(sys.argv[2])
    else:
        sys.exit(f"unknown mode {sys.argv[1]}")
