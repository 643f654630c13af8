package org.bayan.platform.web;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * The other nodes of a site that shares a Redis ({@code BAYAN_REDIS_URL}), told and heard with
 * Redis's {@code PUBLISH}/{@code SUBSCRIBE} on the channel {@value #CHANNEL}: a
 * {@link ChangeNotice} per change, no polling. One connection is kept subscribed; if it breaks
 * (Redis restarted), it subscribes again and, since notices may have been missed meanwhile,
 * everything counts as changed.
 */
public final class RedisNodes implements OtherNodes {

    private static final Logger log = LoggerFactory.getLogger(RedisNodes.class);
    static final String CHANNEL = "bayan_changes";
    /** Redis takes far longer messages; a list this long is as good as "everything". */
    private static final int MAX_NOTICE = 64 * 1024;

    private final RedisClient redis;
    private final String node = ChangeNotice.newNode();
    private final Thread listener;
    /** The subscription of the moment: a new one after each loss. */
    private volatile Subscriber subscriber;
    /** Whether this node has been subscribed before: a new subscription may have missed notices. */
    private volatile boolean subscribedBefore;
    private volatile Consumer<Optional<Set<String>>> onChange = keys -> { };
    private volatile boolean open = true;

    public RedisNodes(RedisClient redis) {
        this.redis = redis;
        this.listener = new Thread(this::listen, "bayan-other-nodes");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    @Override
    public void changed(Optional<Set<String>> keys) {
        try {
            redis.publish(CHANNEL, ChangeNotice.of(node, keys, MAX_NOTICE));
        } catch (RuntimeException e) {
            // The change itself is saved; the other nodes show it once their next change comes.
            log.warn("Could not tell the other nodes of a change: {}", e.getMessage());
        }
    }

    @Override
    public void onChange(Consumer<Optional<Set<String>>> listener) {
        this.onChange = listener;
    }

    private final class Subscriber extends JedisPubSub {
        @Override
        public void onSubscribe(String channel, int subscribed) {
            if (subscribedBefore) {
                log.info("Listening to the other nodes again; everything counts as changed");
                ChangeNotice.deliver(onChange, Optional.empty());
            }
            subscribedBefore = true;
        }

        @Override
        public void onMessage(String channel, String message) {
            Optional<Set<String>> keys = ChangeNotice.read(node, message);
            if (keys != null) {
                ChangeNotice.deliver(onChange, keys);
            }
        }
    }

    /** Whether this node is subscribed now (a test waits for it before changing anything). */
    public boolean listening() {
        Subscriber now = subscriber;
        return now != null && now.isSubscribed();
    }

    private void listen() {
        while (open) {
            try {
                subscriber = new Subscriber();
                redis.subscribe(subscriber, CHANNEL); // returns when unsubscribed
            } catch (RuntimeException e) {
                if (!open || !ChangeNotice.pauseAfterLoss(e)) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            if (listening()) {
                subscriber.unsubscribe();
            }
        } catch (RuntimeException e) {
            log.debug("Unsubscribing: {}", e.toString());
        }
        listener.interrupt();
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
