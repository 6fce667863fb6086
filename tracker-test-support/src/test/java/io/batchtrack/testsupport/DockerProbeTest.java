package io.batchtrack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerProbeTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path dir;

    @Test
    void aMissingSocketIsNoDocker() {
        assertThat(DockerProbe.answers("unix://" + dir.resolve("docker.sock"), TIMEOUT)).isFalse();
    }

    @Test
    void aSocketThatNeverAnswersIsNoDockerAndDoesNotHang() throws IOException {
        Path socket = dir.resolve("silent.sock");
        try (ServerSocketChannel server = unixServer(socket)) {
            assertThat(server.isOpen()).isTrue(); // listening, but never accepting nor answering
            long start = System.nanoTime();
            boolean answered = DockerProbe.answers("unix://" + socket, TIMEOUT);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(answered).isFalse();
            assertThat(millis).isLessThan(3_000);
        }
    }

    @Test
    void anEngineThatAnswersThePingIsDocker() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (ServerSocketChannel server = unixServer(socket)) {
            Thread engine = new Thread(() -> answerOnce(server, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK"));
            engine.start();
            assertThat(DockerProbe.answers("unix://" + socket, Duration.ofSeconds(5))).isTrue();
            engine.join();
        }
    }

    @Test
    void anEngineThatAnswersWithAnErrorIsNoDocker() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (ServerSocketChannel server = unixServer(socket)) {
            Thread engine = new Thread(() -> answerOnce(server, "HTTP/1.1 500 Internal Server Error\r\n\r\n"));
            engine.start();
            assertThat(DockerProbe.answers("unix://" + socket, Duration.ofSeconds(5))).isFalse();
            engine.join();
        }
    }

    @Test
    void dockerHostComesFirstAmongTheCandidates() {
        assertThat(DockerProbe.candidates(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), dir))
                .startsWith("tcp://127.0.0.1:2375")
                .contains("unix:///var/run/docker.sock");
    }

    @Test
    void aClosedTcpPortIsNoDocker() throws IOException {
        int port;
        try (ServerSocketChannel s = ServerSocketChannel.open().bind(new java.net.InetSocketAddress("127.0.0.1", 0))) {
            port = ((java.net.InetSocketAddress) s.getLocalAddress()).getPort();
        }
        assertThat(DockerProbe.answers("tcp://127.0.0.1:" + port, TIMEOUT)).isFalse();
    }

    private static ServerSocketChannel unixServer(Path socket) throws IOException {
        return ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
    }

    private static void answerOnce(ServerSocketChannel server, String response) {
        try (SocketChannel client = server.accept()) {
            ByteBuffer request = ByteBuffer.allocate(256);
            while (!new String(request.array(), 0, request.position(), StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
                if (client.read(request) < 0) {
                    return;
                }
            }
            client.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
