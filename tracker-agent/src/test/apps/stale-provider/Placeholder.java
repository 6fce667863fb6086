/** A jar that holds nothing but a stale META-INF/services entry naming a store provider removed long ago. */
final class Placeholder {
    private Placeholder() {}
}
