package org.bayan.statement;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * YouTube and Vimeo links in a statement's text, made into players that load nothing from the
 * video site until the reader asks: a paragraph holding only such a link (as pasted, or as the
 * editor shows an embed again) becomes a {@code <figure class="video">} whose poster is drawn by
 * this site (the link's words, a play button) and is itself a link to the video, so it works
 * without a script; {@code video.js} swaps it for the privacy-enhanced player on a click. The
 * Content-Security-Policy lets frames come from those two players only.
 */
final class BodyVideos {

    private static final Pattern YOUTUBE = Pattern.compile(
            "https?://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?(?:[^#]*&)?v=|embed/|shorts/)|youtu\\.be/)([A-Za-z0-9_-]{11})(?:[?&#].*)?");
    private static final Pattern VIMEO = Pattern.compile("https?://(?:www\\.|player\\.)?vimeo\\.com/(?:video/)?([0-9]{6,12})(?:[/?#].*)?");

    /** A video of a link: the player's site, its id, the address a reader without a script follows. */
    record Video(String provider, String id, String watch) {
        String player() {
            return provider.equals("youtube")
                    ? "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1"
                    : "https://player.vimeo.com/video/" + id + "?autoplay=1&dnt=1";
        }
    }

    private BodyVideos() {
    }

    static Optional<Video> of(String url) {
        Matcher y = YOUTUBE.matcher(url.strip());
        if (y.matches()) return Optional.of(new Video("youtube", y.group(1), "https://www.youtube.com/watch?v=" + y.group(1)));
        Matcher v = VIMEO.matcher(url.strip());
        if (v.matches()) return Optional.of(new Video("vimeo", v.group(1), "https://vimeo.com/" + v.group(1)));
        return Optional.empty();
    }

    static String expand(String body) {
        if (!body.contains("youtu") && !body.contains("vimeo")) {
            return body;
        }
        Document doc = Jsoup.parseBodyFragment(body);
        doc.outputSettings().prettyPrint(false);
        for (Element block : doc.select("p, figure.video")) {
            Element link = block.childrenSize() == 1 && block.child(0).tagName().equals("a") && block.ownText().isBlank()
                    ? block.child(0) : null;
            String url = link != null ? link.attr("href") : block.childrenSize() == 0 ? block.text() : null;
            if (url == null) continue;
            Optional<Video> video = of(url);
            if (video.isEmpty()) continue;
            String words = link != null && !link.text().isBlank() && of(link.text()).isEmpty()
                    ? link.select(".video-title").isEmpty() ? link.text() : link.selectFirst(".video-title").text()
                    : null;
            // The poster's play sign comes back with its words when the editor sends the text again.
            block.replaceWith(figure(video.get(), words == null ? null : words.replaceFirst("^[▶\\s]+", "")));
        }
        return doc.body().html();
    }

    private static Element figure(Video v, String words) {
        Element figure = new Element("figure").addClass("video").attr("data-player", v.player());
        Element poster = figure.appendElement("a").addClass("video-poster").attr("href", v.watch());
        poster.appendElement("span").addClass("play").attr("aria-hidden", "true").text("▶");
        poster.appendElement("span").addClass("video-title")
                .text(words != null ? words : v.provider().equals("youtube") ? "YouTube" : "Vimeo");
        return figure;
    }
}
