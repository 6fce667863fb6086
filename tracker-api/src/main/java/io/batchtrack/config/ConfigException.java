package io.batchtrack.config;

/** A configuration value that cannot be used; the message names the key and the problem, never a secret. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ConfigException(String key, String problem) {
        super("batchtrack configuration key '" + key + "': " + problem);
        this.key = key;
    }

    /** The key, without the {@code batchtrack.} prefix. */
    public String key() {
        return key;
    }
}
