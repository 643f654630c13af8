package org.bayan.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * A real OpenSearch 2 node inside the test JVM, listening for HTTP on a free loopback port,
 * with the modules a stock server has that Bayan uses: HTTP, the language analysers and
 * delete-by-query (for rebuilding the index). One node serves every test of a
 * run; it is stopped when the JVM exits.
 */
public final class OpenSearchNode {

    private static OpenSearchNode shared;

    private final Node node;
    private final URI uri;

    private OpenSearchNode(Path home, int port) throws Exception {
        // Netty's processor count is set once per JVM; OpenSearch must not try to set it again.
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("cluster.name", "bayan-test")
                .put("node.name", "bayan-test")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", port)
                .put("transport.port", freePort())
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                // A nearly full disk must not turn the test indexes read-only.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
        this.node = new EmbeddedNode(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null,
                () -> "bayan-test"));
        node.start();
        this.uri = URI.create("http://127.0.0.1:" + port);
        awaitGreen();
    }

    /** The node of this test run, started on first use. */
    public static synchronized OpenSearchNode shared() {
        if (shared == null) {
            try {
                Path home = Files.createTempDirectory("bayan-opensearch");
                shared = new OpenSearchNode(home, freePort());
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test OpenSearch node: " + e, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    shared.node.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return shared;
    }

    /** The node's HTTP address, e.g. http://127.0.0.1:41234. */
    public URI uri() {
        return uri;
    }

    /** GETs a path of the node's REST API and returns the body. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private void awaitGreen() throws IOException, InterruptedException {
        String health = get("/_cluster/health?wait_for_status=yellow&timeout=60s");
        if (!health.contains("\"timed_out\":false")) {
            throw new IllegalStateException("OpenSearch did not become ready: " + health);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A node with the plugins it needs taken from the classpath, as OpenSearch's own tests do. */
    private static final class EmbeddedNode extends Node {
        EmbeddedNode(org.opensearch.env.Environment environment) {
            super(environment, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, ReindexPlugin.class), true);
        }
    }
}
