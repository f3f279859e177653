package dev.seq2seq.inference;

import dev.seq2seq.inference.Seq2SeqModel.Generation;
import java.util.List;

/** How services get text decoded: directly on the caller's thread, or through a batcher. */
public interface Generator {
    List<List<Generation>> generate(Seq2SeqModel model, List<String> texts, DecodingOptions options);

    /** Decodes on the caller's thread, one call per request. */
    Generator DIRECT = (model, texts, options) -> model.generate(texts, options);
}
