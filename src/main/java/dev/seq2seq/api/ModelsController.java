package dev.seq2seq.api;

import dev.seq2seq.api.generated.ModelsApi;
import dev.seq2seq.api.generated.model.ModelCard;
import dev.seq2seq.models.ModelCatalog;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code /models}: the card of every loaded bundle. */
@RestController
public class ModelsController implements ModelsApi {
    private final ModelCatalog catalog;

    public ModelsController(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ResponseEntity<List<ModelCard>> listModels() {
        return ResponseEntity.ok(catalog.cards().stream().map(c -> new ModelCard()
                .name(c.name()).task(ModelCard.TaskEnum.fromValue(c.task()))
                .sourceLanguage(c.sourceLanguage()).targetLanguage(c.targetLanguage())
                .architecture(c.architecture()).parameters(c.parameters())
                .sourceVocabularySize(c.sourceVocabularySize()).targetVocabularySize(c.targetVocabularySize())
                .data(c.data()).training(c.training()).scores(c.scores())
                .usesConversationHistory(c.usesConversationHistory())).toList());
    }
}
