package io.batchtrack.status.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Markup kept in a resource beside the code, cut into named fragments, each with slots.
 *
 * <pre>
 * {{! a comment: anything between fragments must be a comment or white space }}
 * {{#status}}&lt;span class="status status-{{code}}"&gt;{{symbol}} {{code}}&lt;/span&gt;{{/status}}
 * </pre>
 *
 * <p>A fragment is exactly the text between {@code {{#name}}} and {@code {{/name}}}, line breaks
 * included. A slot {@code {{key}}} is filled by {@link #render}: with {@link Markup} as it is,
 * with anything else as escaped text ({@link Html#escape}; null is empty). Every slot of a
 * fragment must be filled and every value given must have a slot, so a typo fails the first
 * render instead of leaving a hole in the page. Parsed once; thread-safe.
 */
final class Template {
    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    private final String resource;
    private final Map<String, Fragment> fragments;

    private Template(String resource, Map<String, Fragment> fragments) {
        this.resource = resource;
        this.fragments = fragments;
    }

    /**
     * Reads and parses a resource next to {@code anchor} (a relative name, so that it moves with the
     * class when the agent relocates both).
     *
     * @throws IllegalStateException if it is missing or malformed: a build fault, not the user's
     */
    static Template load(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the template " + name + " is missing beside " + anchor.getName());
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the template " + name + " cannot be read", e);
        }
    }

    static Template parse(String resource, String text) {
        Map<String, Fragment> fragments = new HashMap<>();
        int at = 0;
        while (true) {
            int open = text.indexOf(OPEN, at);
            requireBlank(resource, text.substring(at, open < 0 ? text.length() : open));
            if (open < 0) {
                return new Template(resource, fragments);
            }
            int close = closing(resource, text, open);
            String tag = text.substring(open + OPEN.length(), close);
            at = close + CLOSE.length();
            if (tag.startsWith("!")) {
                continue; // a comment
            }
            if (!tag.startsWith("#")) {
                throw malformed(resource, "{{" + tag + "}} outside a fragment");
            }
            String name = tag.substring(1);
            String end = OPEN + "/" + name + CLOSE;
            int endAt = text.indexOf(end, at);
            if (endAt < 0) {
                throw malformed(resource, "fragment " + name + " has no " + end);
            }
            if (fragments.put(name, Fragment.parse(resource, name, text.substring(at, endAt))) != null) {
                throw malformed(resource, "fragment " + name + " is defined twice");
            }
            at = endAt + end.length();
        }
    }

    /** The fragment called {@code name}. */
    Fragment fragment(String name) {
        Fragment f = fragments.get(name);
        if (f == null) {
            throw new IllegalArgumentException(resource + " has no fragment " + name);
        }
        return f;
    }

    private static void requireBlank(String resource, String between) {
        if (!between.isBlank()) {
            throw malformed(resource, "text outside a fragment: '" + between.strip() + "'");
        }
    }

    private static int closing(String resource, String text, int open) {
        int close = text.indexOf(CLOSE, open);
        if (close < 0) {
            throw malformed(resource, "a {{ without }}");
        }
        return close;
    }

    private static IllegalStateException malformed(String resource, String what) {
        return new IllegalStateException("the template " + resource + " is malformed: " + what);
    }

    /** One fragment: literal text and slots, alternating. */
    static final class Fragment {
        private final String name;
        private final List<String> literals; // one more than slots
        private final List<String> slots;
        private final Set<String> keys;

        private Fragment(String name, List<String> literals, List<String> slots) {
            this.name = name;
            this.literals = literals;
            this.slots = slots;
            this.keys = new LinkedHashSet<>(slots);
        }

        static Fragment parse(String resource, String name, String body) {
            List<String> literals = new ArrayList<>();
            List<String> slots = new ArrayList<>();
            int at = 0;
            for (int open = body.indexOf(OPEN); open >= 0; open = body.indexOf(OPEN, at)) {
                int close = closing(resource, body, open);
                String key = body.substring(open + OPEN.length(), close);
                if (!key.matches("[a-zA-Z][a-zA-Z0-9]*")) {
                    throw malformed(resource, "slot {{" + key + "}} in fragment " + name + " is not a plain name");
                }
                literals.add(body.substring(at, open));
                slots.add(key);
                at = close + CLOSE.length();
            }
            literals.add(body.substring(at));
            return new Fragment(name, List.copyOf(literals), List.copyOf(slots));
        }

        /**
         * @param keysAndValues slot names and their values, alternating
         * @throws IllegalArgumentException if a slot is left empty or a value has no slot
         */
        Markup render(Object... keysAndValues) {
            if (keysAndValues.length % 2 != 0) {
                throw new IllegalArgumentException("fragment " + name + ": keys and values must alternate");
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                String key = (String) keysAndValues[i];
                Object v = keysAndValues[i + 1];
                values.put(key, v instanceof Markup m ? m.toString() : Html.escape(v == null ? null : v.toString()));
            }
            if (!values.keySet().equals(keys)) {
                throw new IllegalArgumentException("fragment " + name + " has the slots " + keys + ", given "
                        + values.keySet());
            }
            StringBuilder b = new StringBuilder(64);
            for (int i = 0; i < slots.size(); i++) {
                b.append(literals.get(i)).append(values.get(slots.get(i)));
            }
            return new Markup(b.append(literals.get(slots.size())).toString());
        }
    }
}
