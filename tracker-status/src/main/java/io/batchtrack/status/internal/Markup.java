package io.batchtrack.status.internal;

import java.util.List;

/**
 * HTML that a {@link Template} produced, so that a slot inserts it as it is; any other text put
 * into a slot is escaped. Only templates make it (and the renderer, for the style sheet it loads
 * from its own resources), so text from the database can never become markup.
 */
final class Markup {
    static final Markup EMPTY = new Markup("");

    private final String html;

    Markup(String html) {
        this.html = html;
    }

    /** The pieces one after another, as one piece of markup. */
    static Markup concat(List<Markup> parts) {
        StringBuilder b = new StringBuilder();
        for (Markup m : parts) {
            b.append(m.html);
        }
        return new Markup(b.toString());
    }

    boolean isEmpty() {
        return html.isEmpty();
    }

    @Override
    public String toString() {
        return html;
    }
}
