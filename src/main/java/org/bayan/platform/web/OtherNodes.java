package org.bayan.platform.web;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The other Tomcats of the same site, behind one load balancer and on one database: what one
 * node's staff change is told to every other, so that each moves its {@link ContentVersion}
 * on and purges the same kept pages ({@link PageCache}) within a second. A site on one node
 * (H2) has none.
 */
public interface OtherNodes extends AutoCloseable {

    /**
     * Tells every other node that something changed here.
     *
     * @param keys what changed ({@link PageCache#changed}: only the pages showing these, and any
     *             value kept per version); empty: anything may have
     */
    void changed(Optional<Set<String>> keys);

    /** What to do when another node says something changed, with the keys as {@link #changed} was given them. */
    void onChange(Consumer<Optional<Set<String>>> listener);

    @Override
    void close();

    /** One node alone: nobody to tell, nothing to hear. */
    OtherNodes NONE = new OtherNodes() {
        @Override public void changed(Optional<Set<String>> keys) { }
        @Override public void onChange(Consumer<Optional<Set<String>>> listener) { }
        @Override public void close() { }
    };
}
