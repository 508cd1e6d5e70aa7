package dev.nashforge.host.meta.train;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the output head's weights on the hidden state ({@code w_h} of {@code PredictorNetwork}) start a training run.
 * The head is {@code o = w_h · h + w_φ · φ + b} and starts with {@code w_φ} reading the normalized regret only.
 */
public enum HeadStart {
    /**
     * Small random {@code w_h} drawn from the seed (the default, and what every model trained before this option
     * used). The untrained network then adds a random term of about 0.05 to {@code o = r/B_I}; on three-player
     * Leduc that makes it far worse than PCFR+ (held-out NashGap 0.24 against 0.018 after 272 alternating
     * iterations).
     */
    RANDOM("random"),
    /**
     * {@code w_h = 0} (after the draw, or after {@code --init}'s weights): the untrained network predicts exactly
     * {@code m = B_I · tanh(r/B_I)}, PCFR+'s prediction damped where {@code |r|} nears the bound, whatever the
     * recurrent state. Gradients reach the recurrent weights once {@code w_h} has moved.
     */
    REGRET("regret");

    private final String label;

    HeadStart(String label) {
        this.label = label;
    }

    /** The label used by {@code nash train --head-start} and in model files. */
    public String label() {
        return label;
    }

    /** Parses a {@link #label()} (case-insensitive). */
    public static HeadStart fromLabel(String text) {
        for (HeadStart h : values()) {
            if (h.label.equalsIgnoreCase(text.trim())) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown head start '" + text + "': use " + Arrays.stream(values())
                .map(HeadStart::label).collect(Collectors.joining(" or ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
