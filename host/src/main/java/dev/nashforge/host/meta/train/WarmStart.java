package dev.nashforge.host.meta.train;

/**
 * Where a training run's initial weights came from when they are not drawn from its seed: an earlier model, named
 * and identified by the CRC-32 of its weights ({@code ModelFile}'s {@code parametersCrc32}). A run that starts
 * from a model, e.g. a three-player model fine-tuned from a two-player one, records it here so that the model file
 * tells its whole history. Immutable.
 *
 * @param model         the model's name or file name as given to {@code nash train --init}
 * @param weightsCrc32  eight lower-case hex digits: the CRC-32 of the initial weights
 */
public record WarmStart(String model, String weightsCrc32) {

    public WarmStart {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("warm start: the model name is required");
        }
        if (weightsCrc32 == null || !weightsCrc32.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("warm start: weightsCrc32 must be eight lower-case hex digits, got "
                    + weightsCrc32);
        }
    }

    @Override
    public String toString() {
        return model + " (crc " + weightsCrc32 + ")";
    }
}
