package dev.seq2seq.translate;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.inference.Generator;
import dev.seq2seq.inference.Seq2SeqModel.Generation;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.ngrams.LanguageIdentifier;
import dev.seq2seq.request.InputValidation;
import dev.seq2seq.request.InvalidInputException;
import dev.seq2seq.request.WorkLimits;
import dev.seq2seq.search.DecodingOptions;
import dev.seq2seq.spans.Lines;
import dev.seq2seq.spans.ProtectedSpans;
import dev.seq2seq.spans.SentenceEnds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translation with the loaded translation models: validates the request, detects the source
 * language when asked, cuts each text into sentences the model takes whole, decodes all sentences
 * for one model in one batch and puts the texts back together in order.
 */
public final class TranslationService {
    private static final double DEFAULT_LENGTH_PENALTY = 0.6;
    private static final int DEFAULT_BEAM = 5;
    private static final Pattern FIRST_WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");

    private final Map<String, List<Seq2SeqModel>> byPair = new LinkedHashMap<>();   // "es->en" -> its bundles (two: fast, best)
    private final Map<String, Set<String>> pairs;                             // source -> targets, sorted, read-only
    private final LanguageIdentifier identifier;
    private final Generator generator;
    private final WorkLimits limits;
    private final String defaultQuality;

    public TranslationService(List<Seq2SeqModel> models, LanguageIdentifier identifier, Generator generator,
                              WorkLimits limits) {
        this(models, identifier, generator, limits, BundleConfig.BEST);
    }

    /**
     * @param defaultQuality the bundle a request without {@code quality} gets where a pair has two
     *                       ({@link BundleConfig#FAST} or {@link BundleConfig#BEST})
     */
    public TranslationService(List<Seq2SeqModel> models, LanguageIdentifier identifier, Generator generator,
                              WorkLimits limits, String defaultQuality) {
        Map<String, Set<String>> pairs = new TreeMap<>();
        for (Seq2SeqModel m : models) {
            BundleConfig c = m.bundle().config();
            if (!c.task().equals(BundleConfig.TRANSLATE)) {
                throw new IllegalArgumentException(c.name() + " is a " + c.task() + " model, not a translation model");
            }
            byPair.computeIfAbsent(pair(c.sourceLanguage(), c.targetLanguage()), k -> new ArrayList<>()).add(m);
            pairs.computeIfAbsent(c.sourceLanguage(), k -> new TreeSet<>()).add(c.targetLanguage());
        }
        byPair.forEach(TranslationService::checkQualities);
        checkQuality("seq2seq.default-quality", defaultQuality);
        this.defaultQuality = defaultQuality;
        pairs.replaceAll((source, targets) -> Collections.unmodifiableSet(targets));
        this.pairs = Collections.unmodifiableMap(pairs);
        this.identifier = identifier;
        this.generator = generator;
        this.limits = limits;
    }

    /** A pair served by two bundles needs one {@code fast} and one {@code best}; by one, any. */
    private static void checkQualities(String pair, List<Seq2SeqModel> models) {
        if (models.size() == 1) {
            return;
        }
        List<String> qualities = models.stream().map(m -> String.valueOf(m.bundle().config().quality())).sorted().toList();
        if (!qualities.equals(List.of(BundleConfig.BEST, BundleConfig.FAST))) {
            throw new IllegalArgumentException(pair + " is served by " + models.stream().map(m -> m.bundle().config().name()).toList()
                    + " with qualities " + qualities + ": a pair takes one bundle, or two with \"quality\" \"fast\" and \"best\" in config.json");
        }
    }

    private static void checkQuality(String field, String quality) {
        if (!BundleConfig.FAST.equals(quality) && !BundleConfig.BEST.equals(quality)) {
            throw new InvalidInputException(field, field + " must be 'fast' or 'best', not '" + quality + "'");
        }
    }

    /**
     * The bundle for a pair: of two, the one of the asked quality (the default where none is asked);
     * the only one otherwise, whatever was asked.
     */
    private Seq2SeqModel model(String pair, String quality) {
        String wanted = quality == null ? defaultQuality : quality;
        List<Seq2SeqModel> models = byPair.get(pair);
        return models.stream().filter(m -> wanted.equals(m.bundle().config().quality())).findFirst().orElse(models.get(0));
    }


    /** Source language -> the target languages it can be translated into, both sorted. */
    public Map<String, Set<String>> languagePairs() {
        return pairs;
    }

    /** The English name of a language code ("es" -> "Spanish"). */
    public static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    /** Languages the identifier knows, most likely first. */
    public List<Detection> detect(String text) {
        InputValidation.checkText("q", text, limits.maxCharacters());
        return identifier.identify(text, null).stream().map(TranslationService::detection).toList();
    }

    public List<Translation> translate(TranslationRequest request) {
        check(request);
        List<String> texts = request.texts();
        String target = request.target();
        String source = request.source() == null || request.source().isBlank() ? TranslationRequest.AUTO : request.source();
        Detection[] detected = new Detection[texts.size()];
        String[] sourceOf = source.equals(TranslationRequest.AUTO) ? detectSources(texts, target, detected) : givenSource(source, target, texts.size());

        Translation[] out = new Translation[texts.size()];
        Map<String, List<Integer>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            if (sourceOf[i].equals(target)) {   // detected as already in the target language
                out[i] = new Translation(texts.get(i), List.of(), 0, detected[i], request.detail() == SegmentTrace.Detail.NONE ? null : List.of());
            } else {
                byModel.computeIfAbsent(pair(sourceOf[i], target), k -> new ArrayList<>()).add(i);
            }
        }
        byModel.forEach((key, indices) -> {
            List<Translation> done = translateWith(model(key, request.quality()), indices.stream().map(texts::get).toList(), request);
            for (int k = 0; k < indices.size(); k++) {
                Translation t = done.get(k);
                out[indices.get(k)] = new Translation(t.text(), t.alternatives(), t.score(), detected[indices.get(k)], t.traces());
            }
        });
        return List.of(out);
    }

    /** Refuses a request that asks for too much or is malformed, naming the field. */
    private void check(TranslationRequest request) {
        List<String> texts = request.texts();
        if (texts == null || texts.isEmpty()) {
            throw new InvalidInputException("q", "q is required: a text or an array of 1 to " + limits.maxTexts() + " texts");
        }
        if (texts.size() > limits.maxTexts()) {
            throw new InvalidInputException("q", "q has " + texts.size() + " texts; the limit is " + limits.maxTexts() + " per request");
        }
        for (int i = 0; i < texts.size(); i++) {
            InputValidation.checkText(field(texts, i), texts.get(i), limits.maxCharacters());
        }
        limits.checkRequestCharacters("q", texts.stream().mapToLong(String::length).sum());
        if (request.format() != null && !request.format().equals("text")) {
            throw new InvalidInputException("format", "format '" + request.format() + "' is not supported; use 'text'");
        }
        limits.checkAlternatives(request.alternatives());
        limits.checkBeamSize(request.beamSize());
        if (request.quality() != null) {
            checkQuality("quality", request.quality());
        }
        InputValidation.checkLanguage("target", request.target());
    }

    /** How a text of the request is named in errors: {@code q}, or {@code q[i]} in an array of several. */
    private static String field(List<String> texts, int i) {
        return texts.size() == 1 ? "q" : "q[" + i + "]";
    }

    /** Each text's language, detected among those a model translates into the target (and the target itself). */
    private String[] detectSources(List<String> texts, String target, Detection[] detected) {
        Set<String> candidates = new TreeSet<>();
        languagePairs().forEach((s, targets) -> {
            if (targets.contains(target)) {
                candidates.add(s);
            }
        });
        if (candidates.isEmpty()) {
            throw new InvalidInputException("target", "no model translates into '" + target + "'; available pairs: " + pairList());
        }
        candidates.add(target);
        String[] sourceOf = new String[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            List<LanguageIdentifier.Guess> guesses = identifier.identify(texts.get(i), candidates);
            if (guesses.isEmpty()) {
                String field = field(texts, i);
                throw new InvalidInputException(field, field + ": cannot detect its language; give source");
            }
            detected[i] = detection(guesses.get(0));
            sourceOf[i] = guesses.get(0).language();
        }
        return sourceOf;
    }

    /** The source language the request gives, for every text, once a model is known to translate it. */
    private String[] givenSource(String source, String target, int texts) {
        InputValidation.checkLanguage("source", source);
        if (source.equals(target)) {
            throw new InvalidInputException("target", "source and target are both '" + source + "'");
        }
        if (!byPair.containsKey(pair(source, target))) {
            throw new InvalidInputException("source", "no model translates " + source + "->" + target
                    + "; available pairs: " + pairList());
        }
        String[] sourceOf = new String[texts];
        Arrays.fill(sourceOf, source);
        return sourceOf;
    }

    /** One sentence to decode: where it belongs, and how it went in. */
    private record Segment(int text, int line, ProtectedSpans.Masked masked, boolean shouted) {}

    /**
     * Translates texts line by line (blank lines, indentation and list markers kept), sentence by
     * sentence, all sentences in one batch. Lines in capitals go in lower case and come back in
     * capitals; where the model carries placeholders, numbers, codes, addresses and symbols go
     * through as placeholders and come back exactly, from the best hypothesis that holds each once.
     */
    private List<Translation> translateWith(Seq2SeqModel model, List<String> texts, TranslationRequest request) {
        boolean protect = model.carriesPlaceholders();
        if (!protect && !request.terms().isEmpty()) {
            throw new InvalidInputException(request.terms().keep().isEmpty() ? "glossary" : "keep", "the " + model.bundle().config().name()
                    + " model cannot apply keep or glossary terms (its vocabulary has no placeholders); leave them out for this pair");
        }
        List<List<Lines.Line>> layouts = texts.stream().map(Lines::split).toList();
        List<Segment> segments = segments(model, layouts, protect, request.terms());
        List<List<Generation>> decoded = generator.generate(model,
                segments.stream().map(seg -> seg.masked().text()).toList(), options(model, request));
        List<Translation> out = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            out.add(assemble(model, t, layouts.get(t), segments, decoded, request));
        }
        return out;
    }

    /** Every sentence of every non-empty line of the texts, as the model gets it, with where it came from. */
    private static List<Segment> segments(Seq2SeqModel model, List<List<Lines.Line>> layouts, boolean protect, Terms terms) {
        String language = model.bundle().config().sourceLanguage();
        List<Segment> segments = new ArrayList<>();
        for (int t = 0; t < layouts.size(); t++) {
            List<Lines.Line> lines = layouts.get(t);
            for (int l = 0; l < lines.size(); l++) {
                String content = lines.get(l).content();
                if (content.isEmpty()) {
                    continue;
                }
                boolean shouted = Lines.shouted(content);
                String input = SentenceEnds.complete(shouted ? Lines.lower(content, language) : content, language);
                boolean uncased = input.codePoints().noneMatch(Character::isUpperCase);
                for (String sentence : Segments.of(model, input)) {
                    segments.add(new Segment(t, l, prepare(model, sentence, uncased, protect, terms), shouted));
                }
            }
        }
        return segments;
    }

    /** Text {@code t} put back together from its decoded segments: the best, its distinct alternatives, score and traces. */
    private static Translation assemble(Seq2SeqModel model, int t, List<Lines.Line> layout, List<Segment> segments,
                                        List<List<Generation>> decoded, TranslationRequest request) {
        List<String> ranked = new ArrayList<>();
        for (int rank = 0; rank <= request.alternatives(); rank++) {
            String joined = render(model, t, layout, segments, decoded, rank);
            if (rank == 0 || !ranked.contains(joined)) {
                ranked.add(joined);
            }
        }
        double logProb = 0;
        long tokens = 0;
        List<SegmentTrace> traces = request.detail() == SegmentTrace.Detail.NONE ? null : new ArrayList<>();
        for (int k = 0; k < segments.size(); k++) {
            Segment seg = segments.get(k);
            if (seg.text() != t) {
                continue;
            }
            Generation best = pick(decoded.get(k), seg.masked(), 0);
            logProb += best.logProb();
            tokens += best.scoredTokens();
            if (traces != null) {
                traces.add(trace(model, seg.masked().text(), best, request.detail()));
            }
        }
        return new Translation(ranked.get(0), List.copyOf(ranked.subList(1, ranked.size())),
                tokens == 0 ? 0 : logProb / tokens, null, traces);
    }

    /** Text {@code t} with the hypothesis of the given rank for each of its segments, in its lines, spans restored. */
    private static String render(Seq2SeqModel model, int t, List<Lines.Line> layout, List<Segment> segments,
                                 List<List<Generation>> decoded, int rank) {
        String language = model.bundle().config().targetLanguage();
        List<StringBuilder> lines = new ArrayList<>();
        for (Lines.Line line : layout) {
            lines.add(new StringBuilder(line.prefix()));
        }
        for (int k = 0; k < segments.size(); k++) {
            Segment seg = segments.get(k);
            if (seg.text() != t) {
                continue;
            }
            Generation g = pick(decoded.get(k), seg.masked(), rank);
            String text = seg.masked().restore(seg.shouted() ? Lines.upper(g.text(), language) : g.text());
            StringBuilder line = lines.get(seg.line());
            boolean first = line.length() == layout.get(seg.line()).prefix().length();
            line.append(first || text.isEmpty() ? "" : " ").append(text);
        }
        return String.join("\n", lines);
    }

    /** What the model did while writing the chosen output for one sentence (as the model got it, placeholders and all). */
    private static SegmentTrace trace(Seq2SeqModel model, String input, Generation chosen, SegmentTrace.Detail detail) {
        Seq2SeqModel.Inspection inspection = model.inspect(input, chosen.tokens());
        var trace = inspection.trace();
        SegmentTrace.Gates gates = detail == SegmentTrace.Detail.GATES && trace.forget() != null
                ? new SegmentTrace.Gates(trace.forget(), trace.input(), trace.output(), trace.cell()) : null;
        return new SegmentTrace(inspection.sourcePieces(), inspection.targetPieces(), trace.attention(), gates);
    }

    /**
     * A sentence as the model gets it: the accents and apostrophes a typist dropped put back where one
     * word of the bundle's {@code source.words} fits; typed without capitals, it starts with one where the model
     * knows its first word so written (as its training sentences did); where the model carries
     * placeholders, the request's terms and the protected spans are swapped for them.
     */
    private static ProtectedSpans.Masked prepare(Seq2SeqModel model, String sentence, boolean uncased, boolean protect, Terms terms) {
        String s = model.bundle().sourceWords().restoreMarks(sentence);   // "cancion" -> "canción", "isnt" -> "isn't"
        if (uncased) {
            String capitalized = Lines.capitalizeFirst(s, model.bundle().config().sourceLanguage());
            Matcher first = FIRST_WORD.matcher(capitalized);
            if (first.find() && model.knowsWord(first.group())) {
                s = capitalized;
            }
        }
        if (!protect) {
            return new ProtectedSpans.Masked(s, List.of());
        }
        return ProtectedSpans.mask(s, ProtectedSpans.find(s, model::knowsWord, model::isCommonWord, model::isNoun, terms.find(s)));
    }

    /**
     * The hypothesis of the given rank among those that carry every placeholder exactly once (the
     * search returns a whole beam of them); where fewer do, the others follow in their order.
     */
    private static Generation pick(List<Generation> hypotheses, ProtectedSpans.Masked masked, int rank) {
        if (masked.spans().isEmpty()) {
            return hypotheses.get(Math.min(rank, hypotheses.size() - 1));
        }
        List<Generation> ordered = new ArrayList<>(hypotheses.size());
        hypotheses.stream().filter(g -> masked.complete(g.text())).forEach(ordered::add);
        hypotheses.stream().filter(g -> !masked.complete(g.text())).forEach(ordered::add);
        return ordered.get(Math.min(rank, ordered.size() - 1));
    }

    /** Beam search with the bundle's defaults, overridden by the request (invalid settings name their field). */
    private static DecodingOptions options(Seq2SeqModel model, TranslationRequest request) {
        DecodingOptions d = model.defaultOptions();
        boolean beamDefault = d.strategy() == DecodingOptions.Strategy.BEAM;
        int beam = request.beamSize() != null ? request.beamSize() : beamDefault ? d.beamSize() : DEFAULT_BEAM;
        beam = Math.max(beam, request.alternatives() + 1);
        double lengthPenalty = beamDefault ? d.lengthPenalty() : DEFAULT_LENGTH_PENALTY;
        int maxLength = request.maxLength() != null ? request.maxLength() : DecodingOptions.MAX_LENGTH;
        // the whole beam comes back: the first hypothesis that keeps every protected span is chosen
        return DecodingOptions.beam(beam, beam, lengthPenalty, maxLength);
    }

    private static Detection detection(LanguageIdentifier.Guess g) {
        return new Detection(g.language(), Math.round(g.probability() * 1000) / 10.0);
    }

    private String pairList() {
        return byPair.isEmpty() ? "none (no translation model is loaded)" : String.join(", ", byPair.keySet());
    }

    private static String pair(String source, String target) {
        return source + "->" + target;
    }
}
