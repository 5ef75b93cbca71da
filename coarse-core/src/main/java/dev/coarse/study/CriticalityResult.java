package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.stats.Estimate;
import java.util.List;
import java.util.Optional;

/**
 * What the criticality stage measured.
 *
 * @param sandpiles one entry per sandpile side
 * @param scaling   the moment-scaling collapse across the sides (D and τ), when there are two or more
 * @param network   the deep-network phase diagram and critical point
 */
public record CriticalityResult(List<Sandpile> sandpiles, Optional<Scaling> scaling, Network network)
        implements StageResult {

    public CriticalityResult {
        sandpiles = List.copyOf(sandpiles);
    }

    /**
     * One sandpile size.
     *
     * @param size         side L
     * @param grains       avalanches recorded
     * @param meanTopplings topplings per added grain, with a jackknife error
     * @param exactMean    Dhar's exact value, the mean of the inverse toppling matrix's row sums
     * @param tau          effective exponent of P(s) ∝ s^−τ on [windowLow, windowHigh]
     * @param windowLow    smallest size in the fit
     * @param windowHigh   largest size in the fit
     * @param sizeCentres  log-bin centres of the avalanche sizes
     * @param sizeDensity  probability density per bin
     */
    public record Sandpile(int size, int grains, Estimate meanTopplings, double exactMean, Estimate tau,
            long windowLow, long windowHigh, double[] sizeCentres, double[] sizeDensity) {
        public Sandpile {
            sizeCentres = sizeCentres.clone();
            sizeDensity = sizeDensity.clone();
        }

        @Override
        public double[] sizeCentres() {
            return sizeCentres.clone();
        }

        @Override
        public double[] sizeDensity() {
            return sizeDensity.clone();
        }
    }

    /** The moment-scaling fit: σ(q) = D(q − τ + 1), from the sizes' moments ⟨s^q⟩ ∝ L^σ(q). */
    public record Scaling(Estimate d, Estimate tau) {
    }

    /**
     * The order-to-chaos transition of deep random networks (mean field).
     *
     * @param activation       tanh or relu
     * @param sigmaB2          σ_b² of the reported critical point
     * @param criticalSigmaW2  σ_w² with χ₁ = 1 at that σ_b²
     * @param gridSigmaW2      the diagram's σ_w² values (columns)
     * @param gridSigmaB2      its σ_b² values (rows)
     * @param xiC              ξ_c[row][column] (NaN where q diverges)
     * @param lineSigmaW2      σ_w² of χ₁ = 1 for each σ_b² row (NaN if none in range)
     */
    public record Network(String activation, double sigmaB2, double criticalSigmaW2, double[] gridSigmaW2,
            double[] gridSigmaB2, double[][] xiC, double[] lineSigmaW2) {
        public Network {
            gridSigmaW2 = gridSigmaW2.clone();
            gridSigmaB2 = gridSigmaB2.clone();
            xiC = deepCopy(xiC);
            lineSigmaW2 = lineSigmaW2.clone();
        }

        @Override
        public double[][] xiC() {
            return deepCopy(xiC);
        }

        @Override
        public double[] gridSigmaW2() {
            return gridSigmaW2.clone();
        }

        @Override
        public double[] gridSigmaB2() {
            return gridSigmaB2.clone();
        }

        @Override
        public double[] lineSigmaW2() {
            return lineSigmaW2.clone();
        }

        private static double[][] deepCopy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        ArrayNode piles = n.putArray("sandpiles");
        for (Sandpile p : sandpiles) {
            ObjectNode o = piles.addObject();
            o.put("L", p.size());
            o.put("grains", p.grains());
            o.set("mean_topplings", Json.estimate(p.meanTopplings()));
            o.put("exact_mean_topplings", p.exactMean());
            o.set("size_exponent", Json.estimate(p.tau()));
            o.put("window_low", p.windowLow());
            o.put("window_high", p.windowHigh());
            o.set("size_centres", Json.numbers(p.sizeCentres()));
            o.set("size_density", Json.numbers(p.sizeDensity()));
        }
        scaling.ifPresent(s -> {
            ObjectNode o = n.putObject("moment_scaling");
            o.set("D", Json.estimate(s.d()));
            o.set("tau", Json.estimate(s.tau()));
        });
        ObjectNode net = n.putObject("deep_network");
        net.put("activation", network.activation());
        net.put("sigma_b2", network.sigmaB2());
        Json.putNumber(net, "critical_sigma_w2", network.criticalSigmaW2());
        net.set("grid_sigma_w2", Json.numbers(network.gridSigmaW2()));
        net.set("grid_sigma_b2", Json.numbers(network.gridSigmaB2()));
        ArrayNode rows = net.putArray("xi_c");
        for (double[] row : network.xiC()) {
            rows.add(Json.numbers(row));
        }
        net.set("line_sigma_w2", Json.numbers(network.lineSigmaW2()));
        return n;
    }

    public static CriticalityResult fromJson(JsonNode json) {
        List<Sandpile> piles = Json.list(json.get("sandpiles"), o -> new Sandpile(o.get("L").asInt(),
                o.get("grains").asInt(), Json.estimate(o.get("mean_topplings")),
                Json.number(o.get("exact_mean_topplings")), Json.estimate(o.get("size_exponent")),
                o.get("window_low").asLong(), o.get("window_high").asLong(), Json.doubles(o.get("size_centres")),
                Json.doubles(o.get("size_density"))));
        JsonNode m = json.get("moment_scaling");
        Optional<Scaling> scaling = m == null ? Optional.empty()
                : Optional.of(new Scaling(Json.estimate(m.get("D")), Json.estimate(m.get("tau"))));
        JsonNode net = json.get("deep_network");
        List<double[]> rows = Json.list(net.get("xi_c"), Json::doubles);
        return new CriticalityResult(piles, scaling, new Network(net.get("activation").asText(),
                Json.number(net.get("sigma_b2")), Json.number(net.get("critical_sigma_w2")),
                Json.doubles(net.get("grid_sigma_w2")), Json.doubles(net.get("grid_sigma_b2")),
                rows.toArray(new double[0][]), Json.doubles(net.get("line_sigma_w2"))));
    }
}
