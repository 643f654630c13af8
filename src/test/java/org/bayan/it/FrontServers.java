package org.bayan.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * nginx as the round-robin balancer of two Bayan nodes and Varnish in front of it, each in a
 * process of the test's own on loopback, from Debian's packages, configured with the files the
 * repository ships ({@code src/deploy}) with the test's ports put in. Available when both
 * programs are installed; {@code BAYAN_TEST_REQUIRE_FRONT=true} (CI) makes their absence a failure.
 */
final class FrontServers implements AutoCloseable {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path VARNISHD = Path.of("/usr/sbin/varnishd");

    final int nginxPort;
    final int varnishPort;
    private final Path base;
    private final List<Process> processes = new ArrayList<>();

    /** Whether both are installed; fails instead when CI requires them. */
    static boolean available() {
        boolean there = Files.isExecutable(NGINX) && Files.isExecutable(VARNISHD);
        if (!there && "true".equals(System.getenv("BAYAN_TEST_REQUIRE_FRONT"))) {
            throw new AssertionError("BAYAN_TEST_REQUIRE_FRONT=true but " + NGINX + " or " + VARNISHD + " is missing");
        }
        return there;
    }

    FrontServers(String name) throws IOException {
        this.base = Path.of("target", name + "-front").toAbsolutePath();
        OwnTomcat.deleteTree(base);
        Files.createDirectories(base.resolve("nginx/logs"));
        Files.createDirectories(base.resolve("varnish"));
        this.nginxPort = OwnTomcat.freePort();
        this.varnishPort = OwnTomcat.freePort();
    }

    /** The address Bayan sends its purges to. */
    String purgeUrl() {
        return "http://127.0.0.1:" + varnishPort + "/";
    }

    Site varnish() {
        return new Site("http://localhost:" + varnishPort, "");
    }

    /** Asks Varnish for a page until it answers from what it keeps. */
    void keep(String path) {
        for (int i = 0; i < 5; i++) {
            if ("hit".equals(varnish().get(path).header("X-Varnish-Cache"))) {
                return;
            }
        }
        throw new AssertionError(path + " is not kept by Varnish");
    }

    Site balancer() {
        return new Site("http://localhost:" + nginxPort, "");
    }

    /** Starts nginx in front of the two nodes and Varnish in front of nginx, and waits until both listen. */
    void start(int nodeA, int nodeB) throws IOException, InterruptedException {
        String site = Files.readString(Path.of("src/deploy/nginx/bayan-nodes.conf"))
                .replace("127.0.0.1:8081", "127.0.0.1:" + nodeA)
                .replace("127.0.0.1:8082", "127.0.0.1:" + nodeB)
                .replace("listen 127.0.0.1:8080", "listen 127.0.0.1:" + nginxPort);
        Path nginx = base.resolve("nginx");
        Files.writeString(nginx.resolve("bayan-nodes.conf"), site);
        Files.writeString(nginx.resolve("nginx.conf"), String.join("\n",
                "worker_processes 1;", "pid " + nginx.resolve("nginx.pid") + ";",
                "error_log " + nginx.resolve("logs/error.log") + " warn;",
                "events { worker_connections 512; }",
                "http {", "  access_log off;",
                "  client_body_temp_path " + nginx.resolve("body") + ";", "  proxy_temp_path " + nginx.resolve("proxy") + ";",
                "  fastcgi_temp_path " + nginx.resolve("fastcgi") + ";", "  uwsgi_temp_path " + nginx.resolve("uwsgi") + ";",
                "  scgi_temp_path " + nginx.resolve("scgi") + ";",
                "  include " + nginx.resolve("bayan-nodes.conf") + ";", "}", ""));
        processes.add(new ProcessBuilder(NGINX.toString(), "-p", nginx.toString(), "-c", nginx.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true)
                .redirectOutput(nginx.resolve("logs/run.log").toFile()).start());

        Path varnish = base.resolve("varnish");
        String vcl = Files.readString(Path.of("src/deploy/varnish/bayan.vcl"))
                .replace(".port = \"8080\";", ".port = \"" + nginxPort + "\";");
        Files.writeString(varnish.resolve("bayan.vcl"), vcl);
        processes.add(new ProcessBuilder(VARNISHD.toString(), "-F", "-j", "none", "-n", varnish.resolve("work").toString(),
                "-a", "127.0.0.1:" + varnishPort, "-T", "127.0.0.1:0", "-f", varnish.resolve("bayan.vcl").toString(),
                "-s", "malloc,64m").redirectErrorStream(true)
                .redirectOutput(varnish.resolve("run.log").toFile()).start());
        awaitListening(nginxPort, "nginx", nginx.resolve("logs"));
        awaitListening(varnishPort, "Varnish", varnish);
    }

    private void awaitListening(int port, String what, Path logs) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new AssertionError(what + " stopped while starting, see " + logs);
                }
            }
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError(what + " did not listen within 30 s, see " + logs);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
