package io.batchtrack.agent.internal;

/**
 * SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), in plain Java. Not {@code MessageDigest} or
 * {@code Mac}: their first use loads the security providers, 100–250 ms on a small machine, which
 * is more than a cached start is allowed to cost in all. The tests check both against the JDK's.
 */
final class Sha256 {
    static final int LENGTH = 32;
    private static final int BLOCK = 64;

    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

    private final int[] h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19};
    private final int[] w = new int[64];
    private final byte[] buffer = new byte[BLOCK];
    private int buffered;
    private long length;

    Sha256 update(byte[] bytes) {
        return update(bytes, 0, bytes.length);
    }

    Sha256 update(byte[] bytes, int offset, int count) {
        length += count;
        int at = offset;
        int end = offset + count;
        if (buffered > 0) {
            int n = Math.min(BLOCK - buffered, count);
            System.arraycopy(bytes, at, buffer, buffered, n);
            buffered += n;
            at += n;
            if (buffered < BLOCK) {
                return this;
            }
            compress(buffer, 0);
            buffered = 0;
        }
        for (; end - at >= BLOCK; at += BLOCK) {
            compress(bytes, at);
        }
        System.arraycopy(bytes, at, buffer, 0, end - at);
        buffered = end - at;
        return this;
    }

    /** The digest; this instance cannot be used afterwards. */
    byte[] digest() {
        long bits = length * 8;
        byte[] pad = new byte[(buffered < 56 ? 56 : 120) - buffered + 8];
        pad[0] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            pad[pad.length - 1 - i] = (byte) (bits >>> (8 * i));
        }
        update(pad);
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < 8; i++) {
            out[4 * i] = (byte) (h[i] >>> 24);
            out[4 * i + 1] = (byte) (h[i] >>> 16);
            out[4 * i + 2] = (byte) (h[i] >>> 8);
            out[4 * i + 3] = (byte) h[i];
        }
        return out;
    }

    static byte[] of(byte[] bytes) {
        return new Sha256().update(bytes).digest();
    }

    /** HMAC-SHA256 of the concatenated parts. */
    static byte[] hmac(byte[] key, byte[]... parts) {
        byte[] k = key.length > BLOCK ? of(key) : key;
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        Sha256 in = new Sha256().update(inner);
        for (byte[] p : parts) {
            in.update(p);
        }
        return new Sha256().update(outer).update(in.digest()).digest();
    }

    /** Compares in time independent of where the arrays differ. */
    static boolean equal(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff |= a[i] ^ b[i];
        }
        return diff == 0;
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = Character.forDigit((bytes[i] >> 4) & 0xF, 16);
            out[2 * i + 1] = Character.forDigit(bytes[i] & 0xF, 16);
        }
        return new String(out);
    }

    private void compress(byte[] block, int offset) {
        for (int i = 0; i < 16; i++) {
            int j = offset + 4 * i;
            w[i] = (block[j] << 24) | ((block[j + 1] & 0xFF) << 16) | ((block[j + 2] & 0xFF) << 8)
                    | (block[j + 3] & 0xFF);
        }
        for (int i = 16; i < 64; i++) {
            int s0 = Integer.rotateRight(w[i - 15], 7) ^ Integer.rotateRight(w[i - 15], 18) ^ (w[i - 15] >>> 3);
            int s1 = Integer.rotateRight(w[i - 2], 17) ^ Integer.rotateRight(w[i - 2], 19) ^ (w[i - 2] >>> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        int a = h[0];
        int b = h[1];
        int c = h[2];
        int d = h[3];
        int e = h[4];
        int f = h[5];
        int g = h[6];
        int hh = h[7];
        for (int i = 0; i < 64; i++) {
            int t1 = hh + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                    + ((e & f) ^ (~e & g)) + K[i] + w[i];
            int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                    + ((a & b) ^ (a & c) ^ (b & c));
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }
}
