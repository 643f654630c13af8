package org.bayan.section;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.SiteChrome;

/** Keeps the current {@link SectionTree}; {@link #reload()} after any section change. */
public final class Sections implements SiteChrome {

    /** The section the site is about; pages outside the tree (tags, errors) hang under it. */
    public static final String MAIN_SECTION_PATH = "/media-center/coalition-news";

    private final Transactions tx;
    private final List<String> languages;
    /** The tree in each language of the site, replaced together. */
    private final AtomicReference<Map<String, SectionTree>> trees = new AtomicReference<>();

    /** The sections of a site in English, Arabic and Turkish, English first (as by default). */
    public Sections(Transactions tx) {
        this(tx, org.bayan.platform.config.Languages.SUPPORTED);
    }

    /** @param languages the site's languages, the default first */
    public Sections(Transactions tx, List<String> languages) {
        this.tx = tx;
        this.languages = List.copyOf(languages);
        reload();
    }

    /** The site's languages, the default first: those it has a tree in. */
    public List<String> languages() {
        return languages;
    }

    /** The tree in the site's default language: the staff area's and the default language pages'. */
    public SectionTree tree() {
        return trees.get().get(languages.get(0));
    }

    /** The tree as a language's pages show it: its names and slugs in that language where it has them. */
    public SectionTree tree(String language) {
        SectionTree t = trees.get().get(language);
        return t != null ? t : tree();
    }

    public void reload() {
        trees.set(tx.inTransaction(em -> {
            List<Section> all = em.createQuery("select s from Section s", Section.class).getResultList();
            List<SectionLabel> labels = em.createQuery("select l from SectionLabel l", SectionLabel.class).getResultList();
            Map<String, SectionTree> byLanguage = new HashMap<>();
            for (String language : languages) {
                byLanguage.put(language, new SectionTree(all, language, languages.get(0), labels));
            }
            return Map.copyOf(byLanguage);
        }));
    }

    /**
     * Home, then the main section and its ancestors, all linked: the trail of pages that stand
     * outside the tree, such as tag pages and error pages.
     */
    @Override
    public List<Crumb> mainTrail(String language, String homeLabel) {
        List<Crumb> trail = new ArrayList<>();
        trail.add(new Crumb(homeLabel, "/"));
        SectionTree t = tree(language);
        mainSection(language).ifPresent(main ->
                t.lineage(main).forEach(n -> trail.add(new Crumb(n.name(), n.path()))));
        return trail;
    }

    /** The main section (Coalition News) in a language's tree: found by its default-language path. */
    public java.util.Optional<SectionNode> mainSection(String language) {
        return tree().byPath(MAIN_SECTION_PATH).flatMap(main -> tree(language).byId(main.id()));
    }

    @Override
    public List<SectionNode> navigation(String language) {
        return tree(language).roots();
    }
}
