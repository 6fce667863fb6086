package io.batchtrack.status.internal;

import io.batchtrack.spi.RunRecord;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The page's links from a traced run to its trace ({@code status.trace-url}): a template whose
 * {@value #PLACEHOLDER} is replaced by the run's {@code batch_runs.trace_id}. Checked once, when the
 * server is configured, so that a typo is an error at start and not a page of dead links. The trace
 * id put in is always 32 hex digits (the store's check), so the link needs no escaping of its own.
 */
public final class TraceLinks {
    /** What the template holds where the trace id goes. */
    public static final String PLACEHOLDER = "{trace_id}";
    /** The rule a template must follow, for error messages. */
    public static final String RULE = "an absolute http:// or https:// URL with a host that contains {trace_id}"
            + " and no other {...}, such as https://tempo.example/trace/{trace_id}";
    /** No links. */
    public static final TraceLinks NONE = new TraceLinks(null);

    private final String template;

    private TraceLinks(String template) {
        this.template = template;
    }

    /** Links by {@code template}; throws as {@link #requireTemplate} does. */
    public static TraceLinks of(String template) {
        return new TraceLinks(requireTemplate(template));
    }

    /**
     * @return the template, stripped
     * @throws IllegalArgumentException naming the value and {@link #RULE} if it breaks the rule
     */
    public static String requireTemplate(String template) {
        String t = template == null ? "" : template.strip();
        String withoutPlaceholder = t.replace(PLACEHOLDER, "");
        boolean ok = t.contains(PLACEHOLDER) && withoutPlaceholder.indexOf('{') < 0 && withoutPlaceholder.indexOf('}') < 0;
        if (ok) {
            try {
                URI uri = new URI(t.replace(PLACEHOLDER, "0af7651916cd43dd8448eb211c80319c"));
                ok = ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null && !uri.getHost().isEmpty();
            } catch (URISyntaxException e) {
                ok = false;
            }
        }
        if (!ok) {
            String shown = t.length() > 200 ? t.substring(0, 200) + "…" : t;
            throw new IllegalArgumentException("'" + shown + "' is not " + RULE);
        }
        return t;
    }

    /** The link of a run's trace, or null when there is no template or the run has no (valid) trace id. */
    public String link(String traceId) {
        return template == null || !RunRecord.isTraceId(traceId) ? null : template.replace(PLACEHOLDER, traceId);
    }

    /** Whether links are configured. */
    public boolean enabled() {
        return template != null;
    }

    @Override
    public String toString() {
        return template == null ? "no trace links" : template;
    }
}
