package dev.seq2seq.api;

import dev.seq2seq.translate.Terms;
import java.util.AbstractMap;
import java.util.Map;

import dev.seq2seq.api.generated.TranslateApi;
import dev.seq2seq.api.generated.model.DetectRequest;
import dev.seq2seq.api.generated.model.DetectedLanguage;
import dev.seq2seq.api.generated.model.ExplainRequest;
import dev.seq2seq.api.generated.model.ExplainResponse;
import dev.seq2seq.api.generated.model.Gates;
import dev.seq2seq.api.generated.model.Language;
import dev.seq2seq.api.generated.model.TranslateRequest;
import dev.seq2seq.api.generated.model.TranslateResponse;
import dev.seq2seq.request.InvalidInputException;
import dev.seq2seq.translate.Detection;
import dev.seq2seq.translate.SegmentTrace;
import dev.seq2seq.translate.Translation;
import dev.seq2seq.translate.TranslationRequest;
import dev.seq2seq.translate.TranslationService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code /translate}, {@code /detect} and {@code /languages} in LibreTranslate's shapes, and {@code /explain}. */
@RestController
public class TranslateController implements TranslateApi {
    private final TranslationService translations;

    public TranslateController(TranslationService translations) {
        this.translations = translations;
    }

    @Override
    public ResponseEntity<TranslateResponse> translate(TranslateRequest body) {
        boolean array = body.getQ() instanceof List<?>;
        List<String> texts = texts(body.getQ());
        int alternatives = body.getAlternatives() == null ? 0 : body.getAlternatives();
        boolean attention = Boolean.TRUE.equals(body.getReturnAttention());
        List<Translation> done = translations.translate(new TranslationRequest(texts, body.getSource(), body.getTarget(),
                body.getFormat(), alternatives, body.getBeamSize(), body.getMaxLength(), terms(body),
                attention ? SegmentTrace.Detail.ATTENTION : SegmentTrace.Detail.NONE,
                body.getQuality() == null ? null : body.getQuality().getValue()));
        boolean scores = Boolean.TRUE.equals(body.getReturnScores());
        return ResponseEntity.ok(array ? forTexts(done, alternatives > 0, scores, attention)
                : forText(done.get(0), alternatives > 0, scores, attention));
    }

    /** The response to a list of texts: each field a list, one entry per text. */
    private static TranslateResponse forTexts(List<Translation> done, boolean alternatives, boolean scores, boolean attention) {
        TranslateResponse response = emptyResponse();
        response.setTranslatedText(done.stream().map(Translation::text).toList());
        if (alternatives) {
            response.setAlternatives(new ArrayList<>(done.stream().map(Translation::alternatives).toList()));
        }
        if (done.get(0).detected() != null) {
            response.setDetectedLanguage(done.stream().map(t -> detected(t.detected())).toList());
        }
        if (scores) {
            response.setScores(done.stream().map(Translation::score).toList());
        }
        if (attention) {
            response.setAttention(new ArrayList<>(done.stream().map(t -> segments(t.traces())).toList()));
        }
        return response;
    }

    /** The response to a single text. */
    private static TranslateResponse forText(Translation t, boolean alternatives, boolean scores, boolean attention) {
        TranslateResponse response = emptyResponse();
        response.setTranslatedText(t.text());
        if (alternatives) {
            response.setAlternatives(new ArrayList<>(t.alternatives()));
        }
        if (t.detected() != null) {
            response.setDetectedLanguage(detected(t.detected()));
        }
        if (scores) {
            response.setScores(t.score());
        }
        if (attention) {
            response.setAttention(new ArrayList<>(segments(t.traces())));
        }
        return response;
    }

    /** A response without the fields a request did not ask for (the generated model starts them as empty lists). */
    private static TranslateResponse emptyResponse() {
        TranslateResponse response = new TranslateResponse();
        response.setAlternatives(null);
        response.setAttention(null);
        return response;
    }

    @Override
    public ResponseEntity<ExplainResponse> explain(ExplainRequest body) {
        if (body.getQ() == null) {
            throw new InvalidInputException("q", "q is required: the text to translate");
        }
        Translation t = translations.translate(new TranslationRequest(List.of(body.getQ()), body.getSource(), body.getTarget(),
                null, 0, body.getBeamSize(), null, Terms.NONE, SegmentTrace.Detail.GATES,
                body.getQuality() == null ? null : body.getQuality().getValue())).get(0);
        ExplainResponse response = new ExplainResponse(t.text(), segments(t.traces()));
        if (t.detected() != null) {
            response.setDetectedLanguage(detected(t.detected()));
        }
        return ResponseEntity.ok(response);
    }

    private static List<dev.seq2seq.api.generated.model.SegmentTrace> segments(List<SegmentTrace> traces) {
        return traces.stream().map(TranslateController::segment).toList();
    }

    private static dev.seq2seq.api.generated.model.SegmentTrace segment(SegmentTrace trace) {
        List<List<Float>> attention = new ArrayList<>(trace.attention().length);
        for (float[] row : trace.attention()) {
            List<Float> weights = new ArrayList<>(row.length);
            for (float w : row) {
                weights.add(w);
            }
            attention.add(weights);
        }
        var out = new dev.seq2seq.api.generated.model.SegmentTrace(trace.source(), trace.target(), attention);
        if (trace.gates() != null) {
            SegmentTrace.Gates g = trace.gates();
            out.setGates(new Gates(list(g.forget()), list(g.input()), list(g.output()), list(g.cell())));
        }
        return out;
    }

    private static List<Double> list(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    @Override
    public ResponseEntity<List<DetectedLanguage>> detect(DetectRequest body) {
        return ResponseEntity.ok(translations.detect(body.getQ()).stream().map(TranslateController::detected).toList());
    }

    @Override
    public ResponseEntity<List<Language>> listLanguages() {
        List<Language> languages = new ArrayList<>();
        translations.languagePairs().forEach((code, targets) -> languages.add(
                new Language(code, TranslationService.languageName(code), List.copyOf(targets))));
        return ResponseEntity.ok(languages);
    }

    private static Terms terms(TranslateRequest body) {
        List<Map.Entry<String, String>> glossary = body.getGlossary() == null ? null
                : body.getGlossary().stream().map(g -> new AbstractMap.SimpleEntry<>(g.getSource(), g.getTarget())).map(e -> (Map.Entry<String, String>) e).toList();
        return Terms.of(body.getKeep(), glossary);
    }

    /** {@code q} as JSON gives a string or a list; anything else is the caller's mistake. */
    private static List<String> texts(Object q) {
        if (q instanceof String s) {
            return List.of(s);
        }
        if (q instanceof List<?> list) {
            List<String> texts = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String s)) {
                    throw new InvalidInputException("q", "q[" + i + "] must be a string, not " + jsonType(list.get(i)));
                }
                texts.add(s);
            }
            return texts;
        }
        throw new InvalidInputException("q", q == null ? "q is required: a text or an array of texts"
                : "q must be a string or an array of strings, not " + jsonType(q));
    }

    private static String jsonType(Object value) {
        if (value == null) return "null";
        if (value instanceof Number) return "a number";
        if (value instanceof Boolean) return "a boolean";
        if (value instanceof List<?>) return "an array";
        return "an object";
    }

    private static DetectedLanguage detected(Detection d) {
        return new DetectedLanguage(d.language(), d.confidence());
    }
}
