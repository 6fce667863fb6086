package io.batchtrack.status;

import java.util.Map;

/** The endpoints' answers, read by the api's strict JSON reader (numbers Long or Double, key order kept). */
final class JsonReader {
    private JsonReader() {}

    static Object parse(String json) {
        return io.batchtrack.internal.JsonReader.parse(json);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json) {
        return (Map<String, Object>) parse(json);
    }
}
