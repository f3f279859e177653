package dev.seq2seq.inference;

import dev.seq2seq.inference.Seq2SeqModel.Generation;
import dev.seq2seq.search.DecodingOptions;
import java.util.List;

/** How services get text decoded; the serving package's {@code Batchers} is the implementation the service uses. */
public interface Generator {
    List<List<Generation>> generate(Seq2SeqModel model, List<String> texts, DecodingOptions options);
}
