package dev.seq2seq.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Progress of a training run, saved beside the checkpoint so that an interrupted run resumes. */
public final class TrainingState {
    /** A point of the loss curve. */
    public record LossPoint(long step, double loss) {}

    /** Dev scores after an epoch. */
    public record DevPoint(int epoch, long step, double bleu, double chrf, double loss) {}

    public Map<String, String> fixed;   // TrainingOptions.fixedOnResume() of the run; null in older checkpoints
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
