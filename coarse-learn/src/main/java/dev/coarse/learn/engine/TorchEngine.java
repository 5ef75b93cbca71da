package dev.coarse.learn.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * The one door to DJL's PyTorch engine: every network in Coarse gets its engine, its {@link NDManager}s and its
 * {@link Model}s here, so that the engine always loads the same way.
 *
 * <p>The engine reads its configuration once, from system properties, when it first loads. Before that this class
 * supplies the defaults a Coarse run needs, unless the property (or the environment variable of the same name) is
 * already set, as the {@code coarse} launcher and the test configuration do: {@code ai.djl.offline=true} (libtorch
 * comes from the {@code pytorch-native-cpu} jar on the class path, never from the network), {@code
 * OPT_OUT_TRACKING=true} (DJL's usage report) and {@code ai.djl.pytorch.num_threads=1}: Coarse's networks are small,
 * a 1→64→1 MLP step takes 3–4 ms on one intra-op thread and 32 ms on two, and one thread also fixes the order of
 * every floating-point reduction (docs/learning.md). Where libtorch is unpacked ({@code DJL_CACHE_DIR},
 * {@code ENGINE_CACHE_DIR}) has no sensible library default: the launcher and the build put it in the repository's
 * {@code target/djl}; elsewhere DJL uses {@code ~/.djl.ai}.
 *
 * <p>Seeds: random numbers a network needs (initial weights, noise, shuffles) are best drawn from Coarse's own split
 * streams ({@link GlorotUniform}), so that concurrent trainings do not share a generator. {@link #seed(long)} seeds
 * the engine's process-wide generators too, for anything that still draws from them.
 */
public final class TorchEngine {

    /** DJL's name of the PyTorch engine. */
    public static final String NAME = "PyTorch";
    static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";
    private static final List<Default> DEFAULTS = List.of(
            new Default("ai.djl.offline", "DJL_OFFLINE", "true"),
            new Default("OPT_OUT_TRACKING", "OPT_OUT_TRACKING", "true"),
            new Default(THREADS_PROPERTY, THREADS_PROPERTY, "1"));

    private TorchEngine() {
    }

    /** The PyTorch engine, loaded (native libraries unpacked and linked) on the first call. */
    public static Engine engine() {
        return Loaded.ENGINE;
    }

    /** A new root manager on the CPU; close it (try-with-resources) to free every array it made. */
    public static NDManager newManager() {
        return engine().newBaseManager(Device.cpu());
    }

    /** A new, empty model on the PyTorch engine and the CPU; give it a block with {@link Model#setBlock}. */
    public static Model newModel(String name) {
        engine();
        return Model.newInstance(name, Device.cpu(), NAME);
    }

    /**
     * Seeds the engine's process-wide generators (PyTorch's {@code manual_seed} and DJL's own {@code Random}) from
     * a Coarse seed. They are shared by every thread of the process: a result that depends on them is reproducible
     * only while one network trains at a time.
     */
    public static void seed(long seed) {
        engine().setRandomSeed(Long.hashCode(seed));
    }

    /**
     * PyTorch's intra-op thread count as configured for this process (the {@code ai.djl.pytorch.num_threads}
     * property the engine read when it loaded); bit-identical results need the same count.
     */
    public static int intraOpThreads() {
        engine();
        return Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
    }

    /** A system property the engine reads, the environment variable DJL lets override it, and Coarse's value. */
    private record Default(String property, String environmentVariable, String value) {
    }

    /** Holds the engine, so that it loads on first use and the defaults are set before it does. */
    private static final class Loaded {
        static final Engine ENGINE = load();

        private static Engine load() {
            for (Default d : DEFAULTS) {
                if (System.getProperty(d.property()) == null && System.getenv(d.environmentVariable()) == null) {
                    System.setProperty(d.property(), d.value());
                }
            }
            try {
                return Engine.getEngine(NAME);
            } catch (EngineException | IllegalArgumentException | UnsatisfiedLinkError e) {
                throw new IllegalStateException("the PyTorch engine did not load (its native libraries come from the "
                        + "pytorch-native-cpu jar and are unpacked under DJL_CACHE_DIR or ENGINE_CACHE_DIR): "
                        + e.getMessage(), e);
            }
        }
    }
}
