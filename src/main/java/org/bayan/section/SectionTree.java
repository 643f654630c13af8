package org.bayan.section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the whole section tree. It is small and read on every public request, so it
 * is loaded once and replaced as a whole when staff change a section.
 */
public final class SectionTree {

    private final Map<Long, SectionNode> byId = new LinkedHashMap<>();
    private final Map<String, SectionNode> byPath = new LinkedHashMap<>();
    private final List<SectionNode> roots;
    private final String language;
    private final String defaultLanguage;
    private final Map<Long, SectionLabel> labels;

    /** The tree in the site's default language, as the sections name themselves. */
    SectionTree(List<Section> sections) {
        this(sections, "en", "en", List.of());
    }

    /**
     * The tree in a language: each section with its label in that language, or with its own
     * (default-language) name and slug where it has none.
     */
    SectionTree(List<Section> sections, String language, String defaultLanguage, List<SectionLabel> labels) {
        this.language = language;
        this.defaultLanguage = defaultLanguage;
        this.labels = new java.util.HashMap<>();
        labels.stream().filter(l -> l.getLanguage().equals(language)).forEach(l -> this.labels.put(l.getSectionId(), l));
        List<Section> sorted = new ArrayList<>(sections);
        sorted.sort(Comparator.comparingInt(Section::getPosition).thenComparing(Section::getName));
        this.roots = build(sorted, null, "");
    }

    private List<SectionNode> build(List<Section> all, Long parentId, String parentPath) {
        List<SectionNode> level = new ArrayList<>();
        for (Section s : all) {
            Long p = s.getParent() == null ? null : s.getParent().getId();
            if (java.util.Objects.equals(p, parentId)) {
                SectionLabel label = labels.get(s.getId());
                String slug = label != null ? label.getSlug() : s.getSlug();
                String path = parentPath + "/" + slug;
                SectionNode node = label != null
                        ? new SectionNode(s.getId(), p, slug, label.getName(), label.getDescription(), path,
                                build(all, s.getId(), path), s.getArchiveStyle(), language)
                        : new SectionNode(s.getId(), p, slug, s.getName(), s.getDescription(), path,
                                build(all, s.getId(), path), s.getArchiveStyle(), defaultLanguage);
                byId.put(node.id(), node);
                byPath.put(path, node);
                level.add(node);
            }
        }
        return List.copyOf(level);
    }

    public List<SectionNode> roots() { return roots; }

    /** The language this tree names its sections in (where they have a name in it). */
    public String language() { return language; }


    public Optional<SectionNode> byId(long id) { return Optional.ofNullable(byId.get(id)); }

    /** The section at a URL path such as {@code /media-center/coalition-news}. */
    public Optional<SectionNode> byPath(String path) { return Optional.ofNullable(byPath.get(path)); }

    /** The section and all below it: a section's page lists what its subsections publish too. */
    public List<Long> subtreeIds(SectionNode node) {
        List<Long> ids = new ArrayList<>();
        collect(node, ids);
        return ids;
    }

    private static void collect(SectionNode node, List<Long> ids) {
        ids.add(node.id());
        node.children().forEach(c -> collect(c, ids));
    }

    /** A section as a choice in a form: indented by its depth, e.g. "— Coalition News". */
    public record Option(long id, String path, String label) {
    }

    /** Every section, parents before their children, for a form's select. */
    public List<Option> options() {
        List<Option> options = new ArrayList<>();
        roots.forEach(r -> addOptions(options, r, 0));
        return options;
    }

    private static void addOptions(List<Option> options, SectionNode n, int depth) {
        options.add(new Option(n.id(), n.path(), "— ".repeat(depth) + n.name()));
        n.children().forEach(c -> addOptions(options, c, depth + 1));
    }

    /** The section's ancestors from the root down, ending with the section itself. */
    public List<SectionNode> lineage(SectionNode node) {
        List<SectionNode> line = new ArrayList<>();
        for (SectionNode n = node; n != null; n = n.parentId() == null ? null : byId.get(n.parentId())) {
            line.add(0, n);
        }
        return line;
    }
}
