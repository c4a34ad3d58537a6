package io.tokenwarden.harness;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real app in a JVM of its own (its main classes and dependencies, not the tests), so that a
 * harness can SIGKILL or SIGTERM it and start it again on the same port and database.
 */
public final class AppProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "harness-admin-password";
    /** The app runs as deployed: the Dockerfile's and spring-boot:run's flags (DeploymentFilesTest keeps them equal). */
    public static final List<String> DEPLOYED_JVM_FLAGS = List.of("-XX:+UseZGC", "-XX:SoftMaxHeapSize=512m");

    private final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    /** @param arguments Spring properties as {@code --name=value}, plus JVM options ({@code -X...}, {@code -D...}, {@code -agentpath:...}) */
    public AppProcess(Path log, List<String> arguments) throws IOException {
        this.port = freePort();
        this.log = log;
        this.arguments = arguments;
        Files.createDirectories(log.getParent());
    }

    public AppProcess start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", mainClasspath()));
        command.addAll(DEPLOYED_JVM_FLAGS);
        arguments.stream().filter(a -> a.startsWith("-") && !a.startsWith("--")).forEach(command::add);
        command.add("io.tokenwarden.TokenwardenApplication");
        command.addAll(List.of(
                "--server.port=" + port,
                "--tokenwarden.demo.enabled=false",
                "--tokenwarden.admin-password=" + ADMIN_PASSWORD,
                "--spring.main.banner-mode=off"));
        arguments.stream().filter(a -> a.startsWith("--")).forEach(command::add);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitReady(Duration.ofSeconds(120));
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook runs, in-flight requests are cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM and wait for the process to exit; returns how long that took. */
    public Duration terminate(Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the app did not stop within " + limit + " of SIGTERM; killed");
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            terminate(Duration.ofSeconds(60));
        }
    }

    private void awaitReady(Duration limit) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the app was not ready within " + limit + "; see " + log);
    }

    /** The app's classes and libraries: the test classpath without the test classes. */
    private static String mainClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
