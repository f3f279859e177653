package dev.seq2seq.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Learns a {@link BpeTokenizer} from a corpus: the alphabet is the characters covering
 * {@code characterCoverage} of the text (the rest fall back to bytes), then the most frequent
 * adjacent pair is merged until the vocabulary reaches its size. Pair counts are updated
 * incrementally, so training on 100k sentences takes seconds.
 */
public final class BpeTrainer {
    private final int vocabularySize;
    private final double characterCoverage;

    public BpeTrainer(int vocabularySize, double characterCoverage) {
        if (vocabularySize < Vocabulary.SPECIALS.size() + 256 + 1) {
            throw new IllegalArgumentException("vocabulary size must be at least " + (Vocabulary.SPECIALS.size() + 257));
        }
        if (!(characterCoverage > 0 && characterCoverage <= 1)) {
            throw new IllegalArgumentException("character coverage must be in (0, 1]");
        }
        this.vocabularySize = vocabularySize;
        this.characterCoverage = characterCoverage;
    }

    public BpeTokenizer train(Iterable<String> texts) {
        Map<String, Integer> segmentCounts = segmentCounts(texts);
        List<String> pieces = new ArrayList<>(Vocabulary.SPECIALS);
        for (int b = 0; b < 256; b++) {
            pieces.add(BpeTokenizer.bytePiece(b));
        }
        Map<String, Integer> symbolIds = new HashMap<>();
        for (String alphabetChar : alphabet(segmentCounts, vocabularySize - pieces.size())) {
            symbolIds.put(alphabetChar, pieces.size());
            pieces.add(alphabetChar);
        }
        Merges merges = new Merges(pieces, segmentCounts, symbolIds);
        merges.learn(vocabularySize);
        return new BpeTokenizer(new Vocabulary(pieces), merges.merges);
    }

    /** How often each segment (the pieces of text that merges never cross) occurs in the normalized texts. */
    private static Map<String, Integer> segmentCounts(Iterable<String> texts) {
        Map<String, Integer> segmentCounts = new HashMap<>();
        for (String text : texts) {
            for (String segment : BpeTokenizer.segments(TextNormalizer.normalize(text))) {
                segmentCounts.merge(segment, 1, Integer::sum);
            }
        }
        return segmentCounts;
    }

    /**
     * The merge loop over the corpus's distinct segments, each a symbol array with its count:
     * pair counts, the segments each pair occurs in, and a heap of pairs by count (stale entries
     * are skipped when polled) are updated incrementally as merges rewrite the segments.
     */
    private static final class Merges {
        private final List<String> pieces;
        private final Map<String, Integer> pieceIds = new HashMap<>();
        private final int[][] symbols;
        private final int[] counts;
        private final Map<Long, Long> pairCounts = new HashMap<>();
        private final Map<Long, Set<Integer>> pairWords = new HashMap<>();
        private final PriorityQueue<long[]> heap = new PriorityQueue<>(
                Comparator.<long[]>comparingLong(e -> -e[1]).thenComparingLong(e -> e[0]));
        final List<String[]> merges = new ArrayList<>();

        /** {@code pieces}: the vocabulary so far (merged pieces are added to it); {@code symbolIds}: the alphabet's ids. */
        Merges(List<String> pieces, Map<String, Integer> segmentCounts, Map<String, Integer> symbolIds) {
            this.pieces = pieces;
            // words as symbol arrays; -1 marks a character outside the alphabet (never merged)
            List<String> words = new ArrayList<>(segmentCounts.keySet());
            symbols = new int[words.size()][];
            counts = new int[words.size()];
            for (int w = 0; w < words.size(); w++) {
                String word = words.get(w);
                counts[w] = segmentCounts.get(word);
                symbols[w] = word.codePoints().map(cp -> symbolIds.getOrDefault(new String(Character.toChars(cp)), -1)).toArray();
            }
            for (int w = 0; w < symbols.length; w++) {
                addPairs(symbols[w], counts[w], w, pairCounts, pairWords);
            }
            pairCounts.forEach((pair, count) -> heap.add(new long[] {pair, count}));
            for (int i = 0; i < pieces.size(); i++) {
                pieceIds.put(pieces.get(i), i);
            }
        }

        /** Merges the most frequent pair until the vocabulary has {@code vocabularySize} pieces or no pair occurs twice. */
        void learn(int vocabularySize) {
            while (pieces.size() < vocabularySize && !heap.isEmpty()) {
                long[] top = heap.poll();
                Long current = pairCounts.get(top[0]);
                if (current == null || current != top[1]) {
                    continue;   // stale heap entry
                }
                if (current < 2) {
                    break;
                }
                merge(top[0]);
            }
        }

        /** Adds the pair's piece and merge, rewrites the segments holding it and requeues the pairs whose counts changed. */
        private void merge(long pair) {
            int left = (int) (pair >>> 32);
            int right = (int) pair;
            String merged = pieces.get(left) + pieces.get(right);
            int mergedId = pieceIds.computeIfAbsent(merged, p -> {
                pieces.add(p);
                return pieces.size() - 1;
            });
            merges.add(new String[] {pieces.get(left), pieces.get(right)});
            Set<Long> touched = new HashSet<>();
            for (int w : new ArrayList<>(pairWords.getOrDefault(pair, Set.of()))) {
                int[] old = symbols[w];
                int[] updated = replace(old, left, right, mergedId);
                if (updated == old) {
                    continue;
                }
                removePairs(old, counts[w], pairCounts, touched);
                symbols[w] = updated;
                addPairs(updated, counts[w], w, pairCounts, pairWords);
                collectPairs(updated, touched);
            }
            pairWords.remove(pair);
            for (long p : touched) {
                Long c = pairCounts.get(p);
                if (c != null && c > 0) {
                    heap.add(new long[] {p, c});
                }
            }
        }
    }

    private List<String> alphabet(Map<String, Integer> segmentCounts, int budget) {
        Map<String, Long> charCounts = new HashMap<>();
        long total = 0;
        for (Map.Entry<String, Integer> e : segmentCounts.entrySet()) {
            for (int cp : e.getKey().codePoints().toArray()) {
                charCounts.merge(new String(Character.toChars(cp)), (long) e.getValue(), Long::sum);
                total += e.getValue();
            }
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(charCounts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> alphabet = new ArrayList<>();
        long covered = 0;
        for (Map.Entry<String, Long> e : sorted) {
            if (alphabet.size() >= budget || (alphabet.size() > 0 && covered >= characterCoverage * total)) {
                break;
            }
            alphabet.add(e.getKey());
            covered += e.getValue();
        }
        return alphabet;
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xffffffffL);
    }

    private static int[] replace(int[] word, int left, int right, int merged) {
        int[] out = null;
        int n = 0;
        for (int i = 0; i < word.length; i++) {
            if (i + 1 < word.length && word[i] == left && word[i + 1] == right) {
                if (out == null) {
                    out = new int[word.length - 1];
                    System.arraycopy(word, 0, out, 0, i);
                    n = i;
                }
                out[n++] = merged;
                i++;
            } else if (out != null) {
                out[n++] = word[i];
            }
        }
        return out == null ? word : java.util.Arrays.copyOf(out, n);
    }

    private static void addPairs(int[] word, int count, int w, Map<Long, Long> pairCounts, Map<Long, Set<Integer>> pairWords) {
        for (int i = 0; i + 1 < word.length; i++) {
            if (word[i] < 0 || word[i + 1] < 0) {
                continue;
            }
            long k = key(word[i], word[i + 1]);
            pairCounts.merge(k, (long) count, Long::sum);
            pairWords.computeIfAbsent(k, x -> new HashSet<>()).add(w);
        }
    }

    private static void removePairs(int[] word, int count, Map<Long, Long> pairCounts, Set<Long> touched) {
        for (int i = 0; i + 1 < word.length; i++) {
            if (word[i] < 0 || word[i + 1] < 0) {
                continue;
            }
            long k = key(word[i], word[i + 1]);
            pairCounts.merge(k, (long) -count, Long::sum);
            touched.add(k);
        }
    }

    private static void collectPairs(int[] word, Set<Long> touched) {
        for (int i = 0; i + 1 < word.length; i++) {
            if (word[i] >= 0 && word[i + 1] >= 0) {
                touched.add(key(word[i], word[i + 1]));
            }
        }
    }
}
