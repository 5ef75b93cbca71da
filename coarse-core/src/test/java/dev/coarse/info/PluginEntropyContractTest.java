package dev.coarse.info;

class PluginEntropyContractTest extends DiscreteEstimatorContract {

    @Override
    protected EntropyEstimator estimator() {
        return new PluginEntropy();
    }
}
