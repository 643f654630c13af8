package org.bayan.media;

import java.text.Normalizer;

/**
 * The name a document is saved under: the uploaded name, in any script (an Arabic name stays
 * Arabic), with everything a file system or a header could misread taken out, and always
 * ending in {@code .pdf}.
 */
public final class DownloadName {

    private DownloadName() {
    }

    public static String of(String uploaded) {
        String name = uploaded == null ? "" : Normalizer.normalize(uploaded, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1)
                .replaceAll("[\\p{Cntrl}\\p{Cf}\"*:<>?|;%#&+=]", "") // controls, bidi overrides, header and path specials
                .replaceAll("\\s+", " ").strip();
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            name = name.substring(0, name.length() - 4).strip();
        }
        name = name.replaceAll("^[.\\s]+", "");
        if (name.isEmpty()) name = "document";
        if (name.codePointCount(0, name.length()) > 120) {
            name = name.substring(0, name.offsetByCodePoints(0, 120));
        }
        return name + ".pdf";
    }
}
