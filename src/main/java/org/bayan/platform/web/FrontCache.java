package org.bayan.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP caches in front of the site (Varnish, with the VCL in {@code src/deploy/varnish}),
 * told what changed as soon as staff change it: a {@code PURGE} request naming the
 * {@code Surrogate-Key}s whose pages must go, or every page. With such caches, public pages go
 * out with {@code s-maxage} and {@code stale-while-revalidate}, so the cache answers readers
 * itself, for a long while, and keeps answering when every node is busy or down for a moment;
 * browsers still ask again each time ({@code max-age=0}). Without any, pages go out
 * {@code no-cache}: a shared cache that nobody purges must ask every time.
 */
public final class FrontCache {

    private static final Logger log = LoggerFactory.getLogger(FrontCache.class);
    /** How long a front cache keeps a page that no purge removed: purges keep it right meanwhile. */
    static final Duration KEEP = Duration.ofDays(1);
    /** How long it may answer with a page past that, while it fetches a fresh one. */
    static final Duration STALE = Duration.ofMinutes(1);
    private static final String KEPT_IN_FRONT =
            "public, max-age=0, s-maxage=" + KEEP.toSeconds() + ", stale-while-revalidate=" + STALE.toSeconds();
    /** When a purge is sent again. */
    static final Duration AGAIN = Duration.ofSeconds(2);
    /** The key a page that names nothing it shows goes out with: every change purges it. */
    public static final String ANY = "any";
    /** The header of a purge that names what changed; without it, a purge is of every page. */
    public static final String KEYS_HEADER = "Surrogate-Key";

    private final List<URI> caches;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public FrontCache(List<URI> caches) {
        this.caches = List.copyOf(caches);
    }

    public static FrontCache none() {
        return new FrontCache(List.of());
    }

    /** Whether caches in front are purged, and so may keep pages. */
    public boolean configured() {
        return !caches.isEmpty();
    }

    /** The Cache-Control of a public page; {@code keep}: false for a page a change overtook while it was rendered. */
    String cacheControl(boolean keep) {
        return configured() && keep ? KEPT_IN_FRONT : "public, no-cache";
    }

    /**
     * Tells every cache in front what changed: the pages showing these keys and those that name
     * nothing, or (empty) every page. Sent without waiting for the answers, and sent again
     * {@link #AGAIN} later: a page another node was rendering from what was there before the change
     * may reach the cache after the first purge. A cache that does not answer is logged, and keeps
     * its pages until {@link #KEEP} has passed.
     */
    public void purge(Optional<Set<String>> changed) {
        if (caches.isEmpty() || changed.isPresent() && changed.get().isEmpty()) {
            return;
        }
        send(changed);
        CompletableFuture.runAsync(() -> send(changed), CompletableFuture.delayedExecutor(AGAIN.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void send(Optional<Set<String>> changed) {
        for (URI cache : caches) {
            HttpRequest.Builder request = HttpRequest.newBuilder(cache).timeout(Duration.ofSeconds(5))
                    .method("PURGE", HttpRequest.BodyPublishers.noBody());
            changed.ifPresent(keys -> request.header(KEYS_HEADER, ANY + " " + String.join(" ", keys)));
            client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
                if (failure != null) {
                    log.warn("Could not purge {}: {}", cache, failure.toString());
                } else if (answer.statusCode() >= 300) {
                    log.warn("Purge refused by {}: {}", cache, answer.statusCode());
                }
            });
        }
    }
}
