package org.bayan.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Tomcat 11 of a test's own, in a process of its own, running the built WAR as ROOT with the
 * settings the test gives: for tests that must start, stop or kill the server, or configure it
 * differently from the shared one. It uses the Tomcat that cargo installed for the build.
 */
final class OwnTomcat {

    private final Path catalinaHome = Path.of(System.getProperty("bayan.it.catalinaHome"));
    private final Path base;
    private final int port;
    private final List<String> settings;

    /**
     * @param name     names the folder under target/ holding this Tomcat's configuration and logs
     * @param settings JVM options for Bayan, such as {@code -Dbayan.home=...}
     */
    OwnTomcat(String name, List<String> settings) throws IOException {
        this.base = Path.of("target", name + "-tomcat").toAbsolutePath();
        this.port = freePort();
        this.settings = List.copyOf(settings);
        deleteTree(base);
        for (String dir : List.of("conf", "logs", "temp", "webapps", "work")) {
            Files.createDirectories(base.resolve(dir));
        }
        try (var files = Files.list(catalinaHome.resolve("conf"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, base.resolve("conf").resolve(f.getFileName()));
            }
        }
        Path serverXml = base.resolve("conf/server.xml");
        Files.writeString(serverXml, Files.readString(serverXml)
                .replace("port=\"8080\"", "port=\"" + port + "\"")
                .replace("port=\"8005\"", "port=\"-1\""));
        Files.copy(Path.of("target", "bayan.war"), base.resolve("webapps/ROOT.war"));
    }

    /** Changes this Tomcat's server.xml before it starts, e.g. to put a valve in front of Bayan. */
    void editServerXml(java.util.function.UnaryOperator<String> edit) throws IOException {
        Path serverXml = base.resolve("conf/server.xml");
        Files.writeString(serverXml, edit.apply(Files.readString(serverXml)));
    }

    /**
     * Gives Bayan system properties through {@code conf/catalina.properties}, which Tomcat reads
     * in Latin-1 with Unicode escapes and sets as system properties: for values that a command line may
     * not carry intact whatever the machine's locale, such as Arabic names.
     */
    void properties(java.util.Map<String, String> values) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(values);
        try (var out = Files.newOutputStream(base.resolve("conf/catalina.properties"), java.nio.file.StandardOpenOption.APPEND)) {
            out.write('\n'); // whatever the file's last line ended with
            properties.store(out, "set by the test");
        }
    }

    int port() {
        return port;
    }

    Site site() {
        return new Site("http://localhost:" + port, "");
    }

    /** Starts the server; {@code run} numbers its log file. Java itself, so a kill hits the server. */
    Process start(int run) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-cp", catalinaHome.resolve("bin/bootstrap.jar") + ":" + catalinaHome.resolve("bin/tomcat-juli.jar"),
                "-Dcatalina.home=" + catalinaHome, "-Dcatalina.base=" + base, "-Djava.io.tmpdir=" + base.resolve("temp"),
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
                "--add-opens=java.base/java.lang=ALL-UNNAMED"));
        command.addAll(settings);
        command.addAll(List.of("org.apache.catalina.startup.Bootstrap", "start"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("logs/run-" + run + ".log").toFile()));
        return pb.start();
    }

    /** Waits until the login page answers; fails if the server dies or takes over 90 s. */
    void awaitReady(Process tomcat, int run) throws InterruptedException {
        Site site = site();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!tomcat.isAlive()) {
                throw new AssertionError("Tomcat died while starting (run " + run + "), see " + base.resolve("logs"));
            }
            try {
                if (site.get("/login").status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Bayan did not start within 90 s (run " + run + "), see " + base.resolve("logs"));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
