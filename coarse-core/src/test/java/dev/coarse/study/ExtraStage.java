package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.mc.SamplerKind;
import dev.coarse.data.Json;
import dev.coarse.mc.ChainResult;
import dev.coarse.mc.Observables;
import dev.coarse.stats.Estimate;

/**
 * A stage from outside core's five, registered for the tests only (src/test/resources/META-INF/services), the way
 * coarse-learn will add its learned stages: the energy per site of one small lattice at one temperature.
 */
public final class ExtraStage implements Stage<ExtraStage.Settings, ExtraStage.Result> {

    public static final String NAME = "extra";

    /** The lattice size and temperature. */
    public record Settings(int size, double temperature) implements StageSettings {
        public Settings {
            InvalidSettingException.between("size", size, 2, 64);
            InvalidSettingException.between("temperature", temperature, 0.1, 100);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("size", size);
            n.put("temperature", temperature);
            return n;
        }
    }

    /** The measured energy per site. */
    public record Result(Estimate energyPerSite) implements StageResult {
        @Override
        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.set("energy_per_site", Json.estimate(energyPerSite));
            return n;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public Settings defaults(StudyModel model) {
        return new Settings(8, 3.0);
    }

    @Override
    public Settings read(SpecSource section, StudyModel model) {
        return new Settings((int) section.integer("size").orElse(8), section.number("temperature").orElse(3.0));
    }

    @Override
    public Result run(StudyModel model, Settings settings, StageContext context) {
        Sampling sampling = new Sampling(SamplerKind.WOLFF, 200, 20, 1, 1);
        context.expect(sampling.work());
        ChainResult r = context.sample(model.model(settings.size(), settings.temperature()), sampling, 0);
        return new Result(Observables.measure(r).get("energy_per_site"));
    }

    @Override
    public Result readResult(JsonNode json) {
        return new Result(Json.estimate(json.path("energy_per_site")));
    }
}
