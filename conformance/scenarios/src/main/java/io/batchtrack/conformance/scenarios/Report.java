package io.batchtrack.conformance.scenarios;

/**
 * What a job returns: a fresh object, so the caller can check it receives the very instance the body
 * created ({@link #last()}).
 */
public final class Report {
    private static volatile Report last;

    private final String job;
    private final long count;

    private Report(String job, long count) {
        this.job = job;
        this.count = count;
    }

    static Report created(String job, long count) {
        Report r = new Report(job, count);
        last = r;
        return r;
    }

    /** The report a job body created most recently. */
    static Report last() {
        return last;
    }

    @Override
    public String toString() {
        return job + ":" + count;
    }
}
