package dev.seq2seq.api;

import dev.seq2seq.api.generated.ModelsApi;
import dev.seq2seq.api.generated.model.ModelCard;
import dev.seq2seq.models.ModelCatalog;
import java.util.List;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;

/** {@code /models}: the card of every loaded bundle, and its training plot. */
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
                .usesConversationHistory(c.usesConversationHistory())
                .quality(c.quality() == null ? null : dev.seq2seq.api.generated.model.Quality.fromValue(c.quality()))).toList());
    }

    @Override
    public ResponseEntity<Resource> getTrainingPlot(String name) {
        byte[] png = catalog.trainingPlot(name).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no model named '" + name + "' with a training plot"), null));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                .body(new ByteArrayResource(png));
    }
}
