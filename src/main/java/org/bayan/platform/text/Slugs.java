package org.bayan.platform.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * URL slugs from titles and names: lower case, words joined by hyphens. Latin letters lose
 * their accents (Turkish "Çavuşoğlu" becomes "cavusoglu"); letters of other scripts, such as
 * Arabic, are kept as they are.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 100;

    private Slugs() {
    }

    public static String of(String text) {
        String s = text.replace('ı', 'i').replace('İ', 'I').replace("ß", "ss")
                .replace('ø', 'o').replace('Ø', 'O').replace('ł', 'l').replace('Ł', 'L');
        // Accents come off Latin letters only: in Arabic a mark such as hamza is part of the letter.
        s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("(?<=\\p{IsLatin})\\p{M}+", "");
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        s = s.toLowerCase(Locale.ROOT).replaceAll("['’]", "").replaceAll("[^\\p{L}\\p{N}]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
            int cut = s.lastIndexOf('-');
            s = cut > MAX_LENGTH / 2 ? s.substring(0, cut) : s;
        }
        return s.isEmpty() ? "item" : s;
    }
}
