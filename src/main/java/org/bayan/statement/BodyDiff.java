package org.bayan.statement;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** What changed in a body between two revisions, paragraph by paragraph (java-diff-utils). */
public final class BodyDiff {

    public enum Kind { SAME, REMOVED, ADDED }

    public record Line(Kind kind, String text) {
    }

    private BodyDiff() {
    }

    public static List<Line> between(String before, String after) {
        List<String> a = paragraphs(before);
        List<String> b = paragraphs(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> lines = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            for (; i < d.getSource().getPosition(); i++) lines.add(new Line(Kind.SAME, a.get(i)));
            d.getSource().getLines().forEach(l -> lines.add(new Line(Kind.REMOVED, l)));
            d.getTarget().getLines().forEach(l -> lines.add(new Line(Kind.ADDED, l)));
            i = d.getSource().getPosition() + d.getSource().size();
        }
        for (; i < a.size(); i++) lines.add(new Line(Kind.SAME, a.get(i)));
        return lines;
    }

    /** Each block of the body as a reader reads it (text only, so the diff shows no markup). */
    static List<String> paragraphs(String html) {
        List<String> out = new ArrayList<>();
        for (Element e : Jsoup.parseBodyFragment(html == null ? "" : html).body().children()) {
            String prefix = e.tagName().matches("h[2-4]") ? "## " : e.tagName().equals("blockquote") ? "> " : "";
            out.add(prefix + e.text());
        }
        return out;
    }
}
