"""Writes .npy files with numpy for NpyFileTest (run with Debian's python3-numpy).

  write_npy.py DIR L   reads DIR/dimers.raw (int8 bond occupations [N, L, L, 2], written by the test) and writes
                       DIR/spins.raw (int8 [5, L, L], the spins the spin files hold) and the .npy files below
"""
import sys

import numpy as np

out, L = sys.argv[1], int(sys.argv[2])
rng = np.random.RandomState(7)

spins = rng.choice([-1, 1], size=(5, L, L)).astype(np.int8)
spins.tofile(f"{out}/spins.raw")
np.save(f"{out}/spins_i1.npy", spins)
np.save(f"{out}/spins_f8_flat.npy", spins.reshape(5, -1).astype("<f8"))
np.save(f"{out}/spins_f4_be_fortran.npy", np.asfortranarray(spins.astype(">f4")))
with open(f"{out}/spins_i8_be_v2.npy", "wb") as f:
    np.lib.format.write_array(f, spins.astype(">i8"), version=(2, 0))
np.save(f"{out}/spins_as_01.npy", ((1 + spins) // 2).astype(np.int8))

dimers = np.fromfile(f"{out}/dimers.raw", dtype=np.int8).reshape(-1, L, L, 2)
n = len(dimers)
np.save(f"{out}/dimers_b1.npy", dimers.astype(bool))
with open(f"{out}/dimers_u2_flat_v3.npy", "wb") as f:
    np.lib.format.write_array(f, dimers.reshape(n, -1).astype("<u2"), version=(3, 0))
np.save(f"{out}/dimers_fortran.npy", np.asfortranarray(dimers.astype("<i4")))
# RSMI-NE's sites_bonds grid: [2x, 2y+1] the bond (x, y)-(x, y+1), [2x+1, 2y] the bond (x, y)-(x+1, y), random
# decoys on the sites [2x, 2y] copied to the plaquette centres [2x+1, 2y+1] (its "site_corr" option), float64
grid = np.zeros((n, 2 * L, 2 * L))
grid[:, 0::2, 1::2] = dimers[..., 1]
grid[:, 1::2, 0::2] = dimers[..., 0]
grid[:, 0::2, 0::2] = rng.randint(0, 2, size=(n, L, L))
grid[:, 1::2, 1::2] = grid[:, 0::2, 0::2]
np.save(f"{out}/dimers_grid.npy", grid)

field = rng.normal(size=(3, L, L))
field[1, 2, 3] = np.nan
np.save(f"{out}/field_nan.npy", field)
np.save(f"{out}/complex.npy", np.zeros((2, L, L), dtype=np.complex128))
np.save(f"{out}/text.npy", np.array([["a"] * L] * 2))
np.save(f"{out}/records.npy", np.zeros((2, L), dtype=[("a", "<i4"), ("b", "<f8")]))
