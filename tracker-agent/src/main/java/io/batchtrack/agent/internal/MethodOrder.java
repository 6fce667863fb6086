package io.batchtrack.agent.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A class file with its method table in a canonical order, for the weaving cache's key of a JDK class
 * that is retransformed. The JVM hands a retransforming agent bytes it reconstitutes from the loaded
 * class, and HotSpot writes the methods in the order it keeps them in memory, sorted by the addresses
 * of their names' symbols: for a class that does not come from the CDS archive that order changes from
 * one start to the next (seen on Java 25 with {@code -Xshare:off}), while every byte of every method,
 * the constant pool and the rest stay the same. Keyed by the exact bytes, such a class would miss the
 * cache at every start (Byte Buddy loaded, one more entry on disk each time); keyed by these bytes, it
 * hits whenever the class is the same but for that order. Any other difference, such as another
 * agent's code in one method, still changes the key.
 */
final class MethodOrder {
    private static final Comparator<byte[]> UNSIGNED = new Comparator<byte[]>() {
        @Override
        public int compare(byte[] a, byte[] b) {
            return Arrays.compareUnsigned(a, b);
        }
    };

    private MethodOrder() {}

    /**
     * {@code classFile} with its {@code method_info} entries sorted by their bytes, or {@code classFile}
     * itself when it cannot be parsed (the exact bytes are then the key).
     */
    static byte[] canonical(byte[] classFile) {
        try {
            return sorted(classFile);
        } catch (RuntimeException malformed) {
            return classFile;
        }
    }

    private static byte[] sorted(byte[] b) {
        Reader r = new Reader(b);
        if (r.u4() != 0xCAFEBABEL) {
            return b;
        }
        r.skip(4); // minor, major
        int constants = r.u2();
        for (int i = 1; i < constants; i++) {
            int tag = r.u1();
            switch (tag) {
                case 1: r.skip(r.u2()); break; // Utf8
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: r.skip(4); break;
                case 5: case 6: r.skip(8); i++; break; // Long and Double take two slots
                case 7: case 8: case 16: case 19: case 20: r.skip(2); break;
                case 15: r.skip(3); break;
                default: throw new IllegalArgumentException("constant pool tag " + tag);
            }
        }
        r.skip(6); // access flags, this class, super class
        r.skip(2 * r.u2()); // interfaces
        int fields = r.u2();
        for (int i = 0; i < fields; i++) {
            member(r);
        }
        int methodsAt = r.at;
        int methods = r.u2();
        List<byte[]> blocks = new ArrayList<>(methods);
        for (int i = 0; i < methods; i++) {
            int start = r.at;
            member(r);
            blocks.add(Arrays.copyOfRange(b, start, r.at));
        }
        int methodsEnd = r.at;
        blocks.sort(UNSIGNED); // not a method reference: the agent links no lambda on its start path
        byte[] out = new byte[b.length];
        System.arraycopy(b, 0, out, 0, methodsAt + 2);
        int at = methodsAt + 2;
        for (byte[] block : blocks) {
            System.arraycopy(block, 0, out, at, block.length);
            at += block.length;
        }
        System.arraycopy(b, methodsEnd, out, at, b.length - methodsEnd);
        return out;
    }

    /** Skips a field_info or method_info: flags, name, descriptor, attributes. */
    private static void member(Reader r) {
        r.skip(6);
        int attributes = r.u2();
        for (int i = 0; i < attributes; i++) {
            r.skip(2);
            r.skip(r.u4());
        }
    }

    private static final class Reader {
        private final byte[] b;
        int at;

        Reader(byte[] b) {
            this.b = b;
        }

        int u1() {
            return b[at++] & 0xFF;
        }

        int u2() {
            return (u1() << 8) | u1();
        }

        long u4() {
            return ((long) u2() << 16) | u2();
        }

        void skip(long n) {
            if (n < 0 || at + n > b.length) {
                throw new IllegalArgumentException("truncated class file");
            }
            at += (int) n;
        }
    }
}
