package cn.city.party.infra.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** A child process of the platform (broker, store, identity server or service) with its log file. */
public final class ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final ProcessHandle handle;
    private final Process process; // null when re-attached from a PID file
    private final Path log;

    private ManagedProcess(String name, ProcessHandle handle, Process process, Path log) {
        this.name = name;
        this.handle = handle;
        this.process = process;
        this.log = log;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            // glibc gives threads that allocate arenas of their own (up to 8 a core), and keeps what the JVM frees (the
            // JIT's scratch memory above all) resident. Two arenas, as JVM hosting platforms set it, and every JVM
            // hands freed native memory back every 15 s (20 to 35 MB a service when tried by hand; the whole
            // platform's resident memory is in docs/benchmarks.md); an operator's own values win
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            builder.environment().putIfAbsent("JDK_JAVA_OPTIONS", "-XX:TrimNativeHeapInterval=15000");
            builder.environment().putAll(env);
            Process process = builder.start();
            return new ManagedProcess(name, process.toHandle(), process, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Re-attaches to a process recorded in a PID file, only if it is still the very same process (same start time). */
    public static java.util.Optional<ManagedProcess> attach(String name, long pid, Instant startedAt, Path log) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().startInstant().map(startedAt::equals).orElse(false))
                .map(h -> new ManagedProcess(name, h, null, log));
    }

    public String name() { return name; }
    public long pid() { return handle.pid(); }
    public Path log() { return log; }
    public boolean isAlive() { return handle.isAlive(); }
    public Instant startedAt() { return handle.info().startInstant().orElseThrow(); }

    /** Waits until {@code ready} holds; fails fast with the log's tail if the process dies first. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!handle.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + log + "\n" + tail(40));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; see " + log + "\n" + tail(40));
    }

    /** For one-shot tools: waits for the exit and fails with the log's tail unless it exited 0. */
    public void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                stop(Duration.ofSeconds(5));
                throw new IllegalStateException(name + " did not finish in " + timeout.toSeconds() + " s\n" + tail(40));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed with exit code " + process.exitValue() + "\n" + tail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM to the process and its descendants, then SIGKILL after the grace period. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(handle.descendants().toList());
        tree.add(0, handle);
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle p : tree) {
            while (p.isAlive() && Instant.now().isBefore(deadline)) {
                sleep(100);
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        tree.forEach(p -> p.onExit().join());
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public static boolean tcpOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean httpOk(String url, Predicate<String> body) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && body.test(response.body());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
