package dev.seq2seq.training;

import java.util.ArrayList;
import java.util.List;

/** Progress of a training run, saved beside the checkpoint so that an interrupted run resumes. */
public final class TrainingState {
    /** A point of the loss curve. */
    public record LossPoint(long step, double loss) {}

    /** Dev scores after an epoch. */
    public record DevPoint(int epoch, long step, double bleu, double chrf, double loss) {}

    /**
     * The options a resumed run must share with the one that wrote the checkpoint: the network's
     * shape (the graph is restored from the checkpoint) and what orders the batches (the run
     * continues at batch {@link #nextBatch} of the same plan). Null in checkpoints written before
     * it was recorded.
     */
    public record Fixed(String cell, int sourceVocabularySize, int targetVocabularySize, int embeddingSize,
                        int hiddenSize, int decoderSize, int attentionSize, double dropout,
                        int batchSize, int maxPairs, int maxTokens, long seed) {
        static Fixed of(TrainingOptions o) {
            return new Fixed(o.cell(), o.sourceVocabularySize(), o.targetVocabularySize(), o.embeddingSize(),
                    o.hiddenSize(), o.decoderSize(), o.attentionSize(), o.dropout(),
                    o.batchSize(), o.maxPairs(), o.maxTokens(), o.seed());
        }

        /** The options that differ, as "--name X (checkpoint: Y)", empty when none do. */
        List<String> differences(Fixed checkpoint) {
            List<String> out = new ArrayList<>();
            Object[] mine = {cell, sourceVocabularySize, targetVocabularySize, embeddingSize, hiddenSize, decoderSize,
                    attentionSize, dropout, batchSize, maxPairs, maxTokens, seed};
            Object[] theirs = {checkpoint.cell, checkpoint.sourceVocabularySize, checkpoint.targetVocabularySize,
                    checkpoint.embeddingSize, checkpoint.hiddenSize, checkpoint.decoderSize, checkpoint.attentionSize,
                    checkpoint.dropout, checkpoint.batchSize, checkpoint.maxPairs, checkpoint.maxTokens, checkpoint.seed};
            String[] names = {"--cell", "--source-vocab", "--target-vocab", "--embedding", "--hidden", "--decoder",
                    "--attention", "--dropout", "--batch-size", "--max-pairs", "--max-tokens", "--seed"};
            for (int i = 0; i < names.length; i++) {
                if (!mine[i].equals(theirs[i])) {
                    out.add(names[i] + " " + mine[i] + " (checkpoint: " + theirs[i] + ")");
                }
            }
            return out;
        }
    }

    public Fixed fixed;               // null in checkpoints from before it was recorded
    public double resumeLearningRateApplied = 0;   // the last --resume-learning-rate applied (0: none)
    public int epoch = 1;             // the epoch in progress (1-based)
    public int nextBatch = 0;         // first batch of that epoch not yet trained on
    public long step = 0;
    public double learningRate;
    public double bestBleu = -1;     // dev BLEU of the kept epoch (picked by --select-by)
    public Double bestDevLoss;       // per-token dev loss of the kept epoch; null before the first
    public Double bestChrf;          // dev chrF of the kept epoch; null before the first
    public int bestEpoch = 0;
    public int epochsWithoutImprovement = 0;
    public double seconds = 0;        // training time so far, dev evaluation excluded
    public long targetTokens = 0;     // target tokens trained on so far
    public boolean stoppedEarly = false;
    public List<LossPoint> losses = new ArrayList<>();
    public List<DevPoint> dev = new ArrayList<>();
}
