package dev.seq2seq;

import dev.seq2seq.bundle.ModelBundleException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start that fails on a model bundle ends with the file and the problem, not a stack trace. */
class ModelLoadFailureAnalyzer extends AbstractFailureAnalyzer<ModelBundleException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ModelBundleException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix or remove that bundle, or point seq2seq.models-dir (SEQ2SEQ_MODELS_DIR) at a directory of valid bundles.",
                cause);
    }
}
