package dev.coarse.mc;

import dev.coarse.data.ChainBlock;
import dev.coarse.data.ChainCheckpoint;
import dev.coarse.data.ChainProgress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ChainCheckpoint} in memory for the runners' checkpoint tests: keeps the finished units, records every
 * progress saved, and resumes a unit from the progress put in {@link #resumeFrom}.
 */
final class RecordingCheckpoint implements ChainCheckpoint {
    final Map<Integer, ChainBlock> units = new ConcurrentHashMap<>();
    final List<Map.Entry<Integer, ChainProgress>> saved = Collections.synchronizedList(new ArrayList<>());
    final Map<Integer, ChainProgress> resumeFrom = new ConcurrentHashMap<>();

    @Override
    public Optional<ChainBlock> load(int unit) {
        return Optional.ofNullable(units.get(unit));
    }

    @Override
    public void save(int unit, ChainBlock block) {
        units.put(unit, block);
    }

    @Override
    public Optional<ChainProgress> loadProgress(int unit) {
        return Optional.ofNullable(resumeFrom.get(unit));
    }

    @Override
    public void saveProgress(int unit, ChainProgress progress) {
        saved.add(Map.entry(unit, progress));
    }
}
