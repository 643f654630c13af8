package org.bayan.platform.web;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request's {@code Accept-Encoding} header read as RFC 9110 §12.5.3 says: a list of codings,
 * each with an optional weight; {@code q=0} means "not acceptable", and {@code *} stands for
 * every coding not named. So {@code gzip;q=0}, {@code identity, gzip;q=0} and {@code *;q=0}
 * refuse gzip, which a plain substring test would have sent.
 */
final class AcceptEncoding {

    /** RFC 9110's qvalue. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private AcceptEncoding() {
    }

    /**
     * Whether a reader sending this header accepts the coding (e.g. "gzip"). Without the header
     * only the identity is assumed: compressing for a client that did not ask is not worth the risk.
     */
    public static boolean accepts(String header, String coding) {
        if (header == null) {
            return false;
        }
        Double named = null;
        Double wildcard = null;
        for (String element : header.split(",")) {
            int semicolon = element.indexOf(';');
            String name = (semicolon < 0 ? element : element.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            double q = semicolon < 0 ? 1 : weight(element.substring(semicolon + 1));
            if (name.equals(coding) || (coding.equals("gzip") && name.equals("x-gzip"))) {
                named = named == null ? q : Math.max(named, q);
            } else if (name.equals("*")) {
                wildcard = q;
            }
        }
        double q = named != null ? named : wildcard != null ? wildcard : 0;
        return q > 0;
    }

    /** The {@code q} parameter's value, 0 to 1 with up to three decimals; a malformed one counts as 0. */
    private static double weight(String parameters) {
        for (String parameter : parameters.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            if (!parameter.substring(0, equals).strip().equalsIgnoreCase("q")) {
                continue;
            }
            String value = parameter.substring(equals + 1).strip();
            if (!QVALUE.matcher(value).matches()) {
                return 0;
            }
            return Double.parseDouble(value);
        }
        return 1;
    }
}
