package dev.coarse.info;

class NsbEntropyContractTest extends DiscreteEstimatorContract {

    @Override
    protected EntropyEstimator estimator() {
        return new NsbEntropy();
    }
}
