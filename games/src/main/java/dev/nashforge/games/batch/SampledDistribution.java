package dev.nashforge.games.batch;

import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.games.layout.GameStructure;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link GameDistribution} given by an {@link InstanceSampler}: instance {@code b} of {@code sample(size, seed)}
 * is {@code sampler.sample(InstanceSeeds.random(seed, b))}. Hence the same seed gives the same batch bit for bit,
 * and batches of different sizes agree on their common prefix. Immutable and thread-safe if the sampler is.
 */
public final class SampledDistribution implements GameDistribution {

    private final String name;
    private final GameStructure structure;
    private final InstanceSampler sampler;

    /**
     * @param name      canonical catalog string with all parameters
     * @param structure the structure every instance shares
     * @param sampler   draws one instance over {@code structure}
     */
    public SampledDistribution(String name, GameStructure structure, InstanceSampler sampler) {
        this.name = name;
        this.structure = structure;
        this.sampler = sampler;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public GameStructure structure() {
        return structure;
    }

    /**
     * @throws IllegalArgumentException if {@code size < 1}
     */
    @Override
    public GameBatch sample(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException(name + ": batch size must be at least 1, got " + size);
        }
        List<GameInstance> instances = new ArrayList<>(size);
        for (int b = 0; b < size; b++) {
            instances.add(sampler.sample(InstanceSeeds.random(seed, b)));
        }
        return new GameBatch(structure, instances);
    }

    @Override
    public String toString() {
        return name;
    }
}
