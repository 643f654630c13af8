package org.bayan.statement;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bayan.media.Media;
import org.bayan.media.Picture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The photos inside a statement's body, made whole as it is saved: each {@code <img>} of a library
 * photo (as the editor inserts it, or as the body already held it) becomes a {@code <figure>} with
 * every size in {@code srcset}, its width and height, {@code loading="lazy"}, its alt text (the one
 * written in the body, or the library's) and a {@code <figcaption>} with the library's caption and
 * credit. A picture the library no longer has is dropped. Runs after {@link BodySanitizer}, on
 * what it allowed; what it writes the sanitizer allows too, so a body saved twice is the same.
 */
public final class BodyImages {

    private static final Pattern HASH = Pattern.compile("/media/([0-9a-f]{64})/");
    static final String SIZES = "(min-width: 60em) 44em, 100vw";

    private BodyImages() {
    }

    public static String expand(EntityManager em, String body, String contextPath) {
        if (!body.contains("<img")) {
            return body;
        }
        Document doc = Jsoup.parseBodyFragment(body);
        doc.outputSettings().prettyPrint(false);
        List<Element> images = doc.select("img");
        Set<String> hashes = new LinkedHashSet<>();
        for (Element img : images) {
            Matcher m = HASH.matcher(img.attr("src"));
            if (m.find()) hashes.add(m.group(1));
        }
        Map<String, Media> byHash = new HashMap<>();
        if (!hashes.isEmpty()) {
            for (Media media : em.createQuery("select m from Media m where m.hash in :hashes and m.kind = :image", Media.class)
                    .setParameter("hashes", hashes).setParameter("image", Media.Kind.IMAGE).getResultList()) {
                byHash.putIfAbsent(media.getHash(), media);
            }
        }
        for (Element img : images) {
            Matcher m = HASH.matcher(img.attr("src"));
            Media media = m.find() ? byHash.get(m.group(1)) : null;
            Element holder = img.parent() != null && (img.parent().tagName().equals("figure")
                    || (img.parent().tagName().equals("p") && img.parent().childrenSize() == 1 && img.parent().ownText().isBlank()))
                    ? img.parent() : img;
            if (media == null) {
                holder.remove();
                continue;
            }
            String alt = img.attr("alt").isBlank() ? media.getAltText() : img.attr("alt");
            holder.replaceWith(figure(media, alt, contextPath));
        }
        return doc.body().html();
    }

    private static Element figure(Media media, String alt, String contextPath) {
        Picture p = Picture.of(media, alt, media.getCaption(), media.getCredit());
        Element figure = new Element("figure").addClass("body-image");
        figure.appendElement("img").attr("src", contextPath + p.src())
                .attr("srcset", p.srcset(contextPath)).attr("sizes", SIZES)
                .attr("width", String.valueOf(p.srcWidth())).attr("height", String.valueOf(p.srcHeight()))
                .attr("alt", alt == null ? "" : alt).attr("loading", "lazy");
        if (media.getCaption() != null || media.getCredit() != null) {
            Element caption = figure.appendElement("figcaption");
            if (media.getCaption() != null) caption.appendText(media.getCaption() + " ");
            if (media.getCredit() != null) {
                caption.appendElement("small").addClass("credit").text(media.getCredit());
            }
        }
        return figure;
    }
}
