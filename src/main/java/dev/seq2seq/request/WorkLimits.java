package dev.seq2seq.request;

/**
 * How much work one request may ask for, so that no client can hold a model for long: the
 * characters of each text and of the whole request, the texts per request, and the search
 * settings that multiply the work (beam size, alternatives, chat samples). Over a limit, the
 * request is refused naming its field ({@link InvalidInputException}).
 */
public record WorkLimits(int maxCharacters, int maxTexts, int maxRequestCharacters, int maxBeamSize,
                         int maxAlternatives, int maxSamples) {
    /** The service's defaults (see {@code seq2seq.limits.*}). */
    public static final WorkLimits DEFAULT = new WorkLimits(5000, 50, 20_000, 8, 5, 16);

    public WorkLimits {
        if (maxCharacters < 1 || maxTexts < 1 || maxRequestCharacters < 1 || maxBeamSize < 1 || maxAlternatives < 0 || maxSamples < 1) {
            throw new IllegalArgumentException("work limits must be at least 1 (alternatives at least 0): " + this);
        }
    }

    /** These limits with other per-text and per-request text counts (the rest as they are). */
    public WorkLimits withTexts(int maxCharacters, int maxTexts) {
        return new WorkLimits(maxCharacters, maxTexts, Math.max(maxRequestCharacters, maxCharacters), maxBeamSize, maxAlternatives, maxSamples);
    }

    public void checkRequestCharacters(String field, long characters) {
        if (characters > maxRequestCharacters) {
            throw new InvalidInputException(field, field + " has " + characters + " characters in all; the limit is "
                    + maxRequestCharacters + " per request");
        }
    }

    public void checkBeamSize(Integer beamSize) {
        if (beamSize != null && (beamSize < 1 || beamSize > maxBeamSize)) {
            throw new InvalidInputException("beamSize", "beamSize must be between 1 and " + maxBeamSize + ", not " + beamSize);
        }
    }

    public void checkAlternatives(int alternatives) {
        if (alternatives < 0 || alternatives > maxAlternatives) {
            throw new InvalidInputException("alternatives", "alternatives must be between 0 and " + maxAlternatives + ", not " + alternatives);
        }
    }

    public void checkSamples(Integer samples) {
        if (samples != null && (samples < 1 || samples > maxSamples)) {
            throw new InvalidInputException("samples", "samples must be between 1 and " + maxSamples + ", not " + samples);
        }
    }
}
