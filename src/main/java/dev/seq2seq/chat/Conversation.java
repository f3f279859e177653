package dev.seq2seq.chat;

import java.util.ArrayList;
import java.util.List;

/** A conversation: its id, its language and its turns, oldest first. Immutable. */
public record Conversation(String id, String language, List<Turn> turns) {
    /** One exchange: the user's message and the model's reply, numbered from 1. */
    public record Turn(int number, String message, String reply) {}

    public Conversation {
        turns = List.copyOf(turns);
    }

    /** This conversation with one more turn, keeping at most {@code maxTurns} of the latest. */
    public Conversation with(String message, String reply, int maxTurns) {
        List<Turn> next = new ArrayList<>(turns);
        int number = turns.isEmpty() ? 1 : turns.get(turns.size() - 1).number() + 1;
        next.add(new Turn(number, message, reply));
        while (next.size() > maxTurns) {
            next.remove(0);
        }
        return new Conversation(id, language, next);
    }
}
