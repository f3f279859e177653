package dev.seq2seq.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} (Debian package {@code redis-server}) for the tests, started as a
 * process on a free local port with nothing saved to disk, stopped and started again on the same
 * port by tests that take Redis away. Tests call {@link #startOrSkip()}: where no binary is on the
 * PATH they are skipped, saying so.
 */
public final class RedisServer implements AutoCloseable {
    private final Path binary;
    private final int port;
    private final Path log;
    private Process process;
    private final List<LettuceConnectionFactory> factories = new ArrayList<>();
    private final List<ClientResources> resources = new ArrayList<>();

    private RedisServer(Path binary, int port) throws IOException {
        this.binary = binary;
        this.port = port;
        this.log = Files.createTempFile("redis-test-" + port + "-", ".log");
    }

    /** The redis-server on the PATH (or in /usr/bin), if any. */
    static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/usr/sbin";
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isBlank()).map(d -> Path.of(d, "redis-server"))
                .filter(Files::isExecutable).findFirst();
    }

    /** A started server, or the test is skipped (aborted) with the reason when redis-server is not installed. */
    public static RedisServer startOrSkip() {
        Optional<Path> binary = binary();
        assumeTrue(binary.isPresent(), "redis-server not found on the PATH: the Redis tests are skipped "
                + "(install the Debian package redis-server to run them; .ci/run does)");
        try {
            RedisServer server = new RedisServer(binary.get(), freePort());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Starts the server (again) on its port and waits until it answers PING. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server exited with " + process.exitValue() + "; log: " + log);
                }
                if ("+PONG".equals(command("PING"))) {
                    return;
                }
                Thread.sleep(20);   // polling a starting process: no clock to fake
            }
            throw new IllegalStateException("redis-server on port " + port + " did not answer within 20 s; log: " + log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL) and waits until its port is closed. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** One inline command over a fresh connection; its first reply line ({@code +PONG}, {@code :3}), or null when none answers. */
    public String command(String line) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                reply.append((char) c);
            }
            return reply.toString();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A Spring Data connection factory for this server, configured as the service configures Spring
     * Boot's ({@link RedisStoreConfiguration}: commands rejected at once while disconnected, quick
     * reconnection, 2 s command timeout); closed with the server.
     */
    public synchronized LettuceConnectionFactory connectionFactory() {
        ClientResources shared = RedisStoreConfiguration.reconnectEverySecondAtMost(ClientResources.builder()).build();
        resources.add(shared);
        var client = LettuceClientConfiguration.builder()
                .clientOptions(RedisStoreConfiguration.rejectCommandsWhileDisconnected(ClientOptions.builder())
                        .timeoutOptions(TimeoutOptions.enabled()).build())
                .clientResources(shared).commandTimeout(Duration.ofSeconds(2)).build();
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port), client);
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return factory;
    }

    @Override
    public synchronized void close() {
        factories.forEach(LettuceConnectionFactory::destroy);
        resources.forEach(r -> r.shutdown(0, 2, TimeUnit.SECONDS));
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
