package io.batchtrack.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Asks, within a bounded time, whether a Docker engine answers: an HTTP {@code GET /_ping} on
 * the endpoints Testcontainers would use. Testcontainers itself is not loaded for this, because
 * its own detection can take many seconds when there is no engine.
 */
final class DockerProbe {
    private static final byte[] PING = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private DockerProbe() {}

    /** The first endpoint that answered the ping, if any. */
    static Optional<String> answeringEndpoint(Map<String, String> env, Path home, Duration timeout) {
        for (String endpoint : candidates(env, home)) {
            if (answers(endpoint, timeout)) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }

    static List<String> candidates(Map<String, String> env, Path home) {
        List<String> endpoints = new ArrayList<>();
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            endpoints.add(dockerHost.trim());
        }
        testcontainersProperty(home).ifPresent(endpoints::add);
        endpoints.add("unix:///var/run/docker.sock");
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            endpoints.add("unix://" + Path.of(runtimeDir, "docker.sock"));
        }
        if (home != null) {
            endpoints.add("unix://" + home.resolve(".docker/run/docker.sock"));
            endpoints.add("unix://" + home.resolve(".docker/desktop/docker.sock"));
            endpoints.add("unix://" + home.resolve(".colima/default/docker.sock"));
        }
        return endpoints;
    }

    private static Optional<String> testcontainersProperty(Path home) {
        if (home == null) {
            return Optional.empty();
        }
        Path file = home.resolve(".testcontainers.properties");
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String host = p.getProperty("docker.host");
        return host == null || host.isBlank() ? Optional.empty() : Optional.of(host.trim());
    }

    /** Whether {@code endpoint} ({@code unix:///path} or {@code tcp://host:port}) answers the ping in time. */
    static boolean answers(String endpoint, Duration timeout) {
        try {
            if (endpoint.startsWith("unix://")) {
                Path socket = Path.of(endpoint.substring("unix://".length()));
                return Files.exists(socket)
                        && ping(SocketChannel.open(StandardProtocolFamily.UNIX), UnixDomainSocketAddress.of(socket),
                                timeout);
            }
            if (endpoint.startsWith("tcp://")) {
                URI uri = URI.create(endpoint);
                InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort());
                return !address.isUnresolved() && ping(SocketChannel.open(), address, timeout);
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean ping(SocketChannel channel, SocketAddress address, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (channel; Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            if (!channel.connect(address)) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                if (!await(selector, deadline)) {
                    return false;
                }
                channel.finishConnect();
            }
            ByteBuffer out = ByteBuffer.wrap(PING);
            channel.register(selector, SelectionKey.OP_WRITE);
            while (out.hasRemaining()) {
                if (!await(selector, deadline)) {
                    return false;
                }
                channel.write(out);
            }
            ByteBuffer in = ByteBuffer.allocate(512);
            channel.register(selector, SelectionKey.OP_READ);
            while (in.hasRemaining()) {
                if (!await(selector, deadline)) {
                    return false;
                }
                if (channel.read(in) < 0) {
                    break;
                }
                String head = new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII);
                int eol = head.indexOf("\r\n");
                if (eol >= 0) {
                    return head.startsWith("HTTP/1.") && head.substring(0, eol).contains(" 200");
                }
            }
            return false;
        }
    }

    private static boolean await(Selector selector, long deadline) throws IOException {
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            return false;
        }
        int ready = selector.select(remainingMillis);
        selector.selectedKeys().clear();
        return ready > 0;
    }
}
