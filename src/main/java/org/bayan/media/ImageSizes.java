package org.bayan.media;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sizes a photo is kept in: widths for the layout's columns and screens (a phone picks
 * 320 or 640 from {@code srcset}, a wide screen 1024 or 1600), never wider than the photo itself,
 * and a 1200×630 crop for the cards social networks show. Each is a file in the photo's folder:
 * {@code w640.jpg}, {@code social.jpg}, and {@code full.jpg} at the photo's own size.
 */
public final class ImageSizes {

    public static final List<Integer> WIDTHS = List.of(320, 640, 1024, 1600);
    public static final int SOCIAL_WIDTH = 1200;
    public static final int SOCIAL_HEIGHT = 630;

    private ImageSizes() {
    }

    /** The widths kept of a photo this wide: the standard ones it reaches, or its own if it is narrower than all. */
    public static List<Integer> widthsFor(int width) {
        List<Integer> widths = new ArrayList<>();
        for (int w : WIDTHS) {
            if (w <= width) widths.add(w);
        }
        if (widths.isEmpty()) widths.add(width);
        return widths;
    }

    /** The height of a size, keeping the photo's proportions. */
    public static int heightAt(int width, int photoWidth, int photoHeight) {
        return Math.max(1, (int) Math.round((double) photoHeight * width / photoWidth));
    }

    /** The file extension of a photo's sizes: PNG keeps transparency, every other photo is a JPEG. */
    public static String extension(String contentType) {
        return "image/png".equals(contentType) ? "png" : "jpg";
    }

    /** The address of one size: {@code /media/{hash}/w640.jpg}. */
    public static String path(String hash, int width, String contentType) {
        return "/media/" + hash + "/w" + width + "." + extension(contentType);
    }

    /** The full size's address, as feeds enclose it and sitemaps list it. */
    public static String fullPath(String hash, String contentType) {
        return "/media/" + hash + "/full." + extension(contentType);
    }

    /** The social card's address: always a JPEG, as every network reads one. */
    public static String socialPath(String hash) {
        return "/media/" + hash + "/social.jpg";
    }

    /** {@code srcset} of every size, each with its width: the browser picks the smallest that fills the slot. */
    public static String srcset(String contextPath, String hash, int width, String contentType) {
        return widthsFor(width).stream()
                .map(w -> contextPath + path(hash, w, contentType) + " " + w + "w")
                .collect(Collectors.joining(", "));
    }
}
