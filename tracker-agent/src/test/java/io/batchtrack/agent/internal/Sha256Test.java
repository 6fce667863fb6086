package io.batchtrack.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class Sha256Test {
    private final Random random = new Random(17);

    @Test
    void digestsTheStandardTestVector() {
        assertThat(Sha256.hex(Sha256.of("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void agreesWithTheJdkForEveryLengthAroundTheBlockAndPaddingBoundaries() throws Exception {
        for (int length = 0; length <= 300; length++) {
            byte[] data = bytes(length);
            assertThat(Sha256.of(data)).as("length %d", length)
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        }
    }

    @Test
    void piecewiseUpdatesGiveTheDigestOfTheWhole() throws Exception {
        byte[] data = bytes(100_000);
        Sha256 sha = new Sha256();
        for (int at = 0; at < data.length; ) {
            int n = Math.min(random.nextInt(150), data.length - at);
            sha.update(data, at, n);
            at += n;
        }
        assertThat(sha.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void hmacAgreesWithTheJdkForShortBlockSizedAndLongKeys() throws Exception {
        byte[] message = bytes(1000);
        for (int keyLength : new int[] {1, 32, 64, 65, 200}) {
            byte[] key = bytes(keyLength);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            assertThat(Sha256.hmac(key, java.util.Arrays.copyOf(message, 300),
                    java.util.Arrays.copyOfRange(message, 300, 1000)))
                    .as("key of %d bytes", keyLength).isEqualTo(mac.doFinal(message));
        }
    }

    @Test
    void equalComparesContents() {
        assertThat(Sha256.equal(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(Sha256.equal(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
        assertThat(Sha256.equal(new byte[] {1, 2}, new byte[] {1})).isFalse();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
