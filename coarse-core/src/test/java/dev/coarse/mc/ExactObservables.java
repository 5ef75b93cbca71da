package dev.coarse.mc;

import dev.coarse.exact.ExactDistribution;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The observables of {@link Observables#measure} computed exactly by summing over an enumerated Ising
 * distribution, with the same definitions (SCIENCE.md §2) written out independently.
 */
final class ExactObservables {

    private ExactObservables() {
    }

    static Map<String, Double> of(ExactDistribution exact) {
        Model model = exact.model();
        if (!(model instanceof IsingModel)) {
            throw new IllegalArgumentException("Ising only");
        }
        Lattice lattice = model.lattice();
        int n = lattice.siteCount();
        int l = lattice.linearSize();
        int d = lattice.dimension();
        double t = model.temperature();
        double e1 = 0, e2 = 0, m1 = 0, m2 = 0, m4 = 0, bigM2 = 0, fk = 0;
        double[] p = exact.probabilities();
        for (int code = 0; code < p.length; code++) {
            byte[] s = exact.decode(code);
            double e = model.energy(s) / n;
            double m = IsingModel.magnetization(s) / (double) n;
            double kmin = 0;
            for (int axis = 0; axis < d; axis++) {
                double re = 0, im = 0;
                for (int site = 0; site < n; site++) {
                    double phase = 2 * Math.PI * lattice.coordinates(site)[axis] / l;
                    re += s[site] * Math.cos(phase);
                    im += s[site] * Math.sin(phase);
                }
                kmin += (re * re + im * im) / d;
            }
            e1 += p[code] * e;
            e2 += p[code] * e * e;
            m1 += p[code] * Math.abs(m);
            m2 += p[code] * m * m;
            m4 += p[code] * m * m * m * m;
            bigM2 += p[code] * (m * n) * (m * n) / n;
            fk += p[code] * kmin / n;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("energy_per_site", e1);
        out.put("abs_magnetization", m1);
        out.put("m2", m2);
        out.put("binder", 1 - m4 / (3 * m2 * m2));
        out.put("specific_heat", n * (e2 - e1 * e1) / (t * t));
        out.put("susceptibility", n * (m2 - m1 * m1) / t);
        out.put("correlation_length", Math.sqrt(bigM2 / fk - 1) / (2 * Math.sin(Math.PI / l)));
        return out;
    }
}
