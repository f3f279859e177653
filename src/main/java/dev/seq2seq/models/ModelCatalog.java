package dev.seq2seq.models;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.inference.ModelRepository;
import dev.seq2seq.inference.Seq2SeqModel;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The cards of every loaded model, read from their bundles' {@code config.json}. */
public final class ModelCatalog {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private static final String PLOT = "training.png";

    private final List<ModelCard> cards;
    private final Map<String, java.nio.file.Path> directories = new java.util.HashMap<>();

    public ModelCatalog(ModelRepository repository) {
        this.cards = repository.models().stream().map(ModelCatalog::card).toList();
        repository.models().forEach(m -> directories.put(m.bundle().config().name(), m.bundle().directory()));
    }

    /** The PNG training plot of the named bundle, where it has one. */
    public java.util.Optional<byte[]> trainingPlot(String name) {
        java.nio.file.Path directory = directories.get(name);
        if (directory == null || !java.nio.file.Files.isRegularFile(directory.resolve(PLOT))) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.nio.file.Files.readAllBytes(directory.resolve(PLOT)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + directory.resolve(PLOT), e);
        }
    }

    public List<ModelCard> cards() {
        return cards;
    }

    private static ModelCard card(Seq2SeqModel model) {
        BundleConfig c = model.bundle().config();
        return new ModelCard(c.name(), c.task(), c.sourceLanguage(), c.targetLanguage(), architecture(c),
                model.bundle().parameterCount(), c.architecture().sourceVocabularySize(),
                c.architecture().targetVocabularySize(), map(c.data()), map(c.training()),
                c.scores() == null ? Map.of() : c.scores(), c.usesConversationHistory(), c.quality());
    }

    /** The bundle's architecture; for an ensemble, with the further members' under {@code ensemble}. */
    private static Map<String, Object> architecture(BundleConfig c) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(map(c.architecture()));
        if (c.ensemble() != null && !c.ensemble().isEmpty()) {
            out.put("ensemble", c.ensemble().stream().map(m -> map(m.architecture())).toList());
        }
        return out;
    }

    private static Map<String, Object> map(Object record) {
        return record == null ? Map.of() : JSON.convertValue(record, MAP);
    }
}
