package dev.coarse.info;

class MillerMadowEntropyContractTest extends DiscreteEstimatorContract {

    @Override
    protected EntropyEstimator estimator() {
        return new MillerMadowEntropy();
    }
}
