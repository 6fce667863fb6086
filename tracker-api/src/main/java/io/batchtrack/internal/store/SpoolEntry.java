package io.batchtrack.internal.store;

import io.batchtrack.internal.JsonReader;
import io.batchtrack.spi.RunRecord;
import java.util.Map;

/**
 * One line of the spool: {@code {"op":"start"|"finish","run":{...}}}, the record in its one JSON
 * form ({@link RunRecordJson}). Nothing else goes into it: no configuration, no secret.
 *
 * @param op what the lifecycle was handing to the store when it could not
 * @param record the record
 */
public record SpoolEntry(Op op, RunRecord record) {

    /** What the lifecycle was handing to the store when it could not. */
    public enum Op {
        START, FINISH;

        String code() {
            return this == START ? "start" : "finish";
        }

        static Op of(Object code) {
            if ("start".equals(code)) {
                return START;
            }
            if ("finish".equals(code)) {
                return FINISH;
            }
            throw new IllegalArgumentException("unknown spool operation " + code);
        }
    }

    /** The line, without its line ending. */
    public String encode() {
        StringBuilder b = new StringBuilder(512).append("{\"op\":\"").append(op.code()).append("\",\"run\":");
        return RunRecordJson.append(b, "id", record).append('}').toString();
    }

    /** @throws IllegalArgumentException (or another runtime exception) if the line is not one a spool wrote */
    public static SpoolEntry decode(String line) {
        Map<?, ?> top = RunRecordJson.map(JsonReader.parse(line), "line");
        return new SpoolEntry(Op.of(top.get("op")), RunRecordJson.read(RunRecordJson.map(top.get("run"), "run"), "id"));
    }
}
