package org.bayan.section;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.SiteChrome;

/** Keeps the current {@link SectionTree}; {@link #reload()} after any section change. */
public final class Sections implements SiteChrome {

    /** The section the site is about; pages outside the tree (tags, errors) hang under it. */
    public static final String MAIN_SECTION_PATH = "/media-center/coalition-news";

    private final Transactions tx;
    private final AtomicReference<SectionTree> tree = new AtomicReference<>();

    public Sections(Transactions tx) {
        this.tx = tx;
        reload();
    }

    public SectionTree tree() {
        return tree.get();
    }

    public void reload() {
        tree.set(tx.inTransaction(em -> new SectionTree(
                em.createQuery("select s from Section s", Section.class).getResultList())));
    }

    /**
     * Home, then the main section and its ancestors, all linked: the trail of pages that stand
     * outside the tree, such as tag pages and error pages.
     */
    @Override
    public List<Crumb> mainTrail(String homeLabel) {
        List<Crumb> trail = new ArrayList<>();
        trail.add(new Crumb(homeLabel, "/"));
        SectionTree t = tree();
        t.byPath(MAIN_SECTION_PATH).ifPresent(main ->
                t.lineage(main).forEach(n -> trail.add(new Crumb(n.name(), n.path()))));
        return trail;
    }

    @Override
    public List<SectionNode> navigation() {
        return tree().roots();
    }
}
