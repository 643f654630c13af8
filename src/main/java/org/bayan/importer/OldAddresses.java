package org.bayan.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The addresses a site Bayan replaced served, and the Bayan page each now is: Joomla K2's
 * ({@link K2Addresses}) and WordPress's ({@link WordPressAddresses}), answered with a 301 in one
 * hop by {@link OldAddressFilter}.
 */
public interface OldAddresses {

    /** Where an old address leads: a path of the site in a language. */
    record Target(String language, String path) {
    }

    /** Whether a path (within the site, as requested) may be an old one, to be looked up: cheap, with no query. */
    boolean mayBeOld(String path, String query);

    /** The page an old address leads to now, if any. */
    Optional<Target> resolve(String path, Map<String, String[]> params);

    /**
     * Where an old address written out ({@code /index.php?option=com_k2&view=item&id=12}) leads, as
     * a path of the site with its language's prefix ({@code /ar/…}) when not the first: for the
     * import's report, which follows each of its examples.
     */
    static Optional<String> follow(OldAddresses addresses, List<String> languages, String address) {
        int q = address.indexOf('?');
        String path = q < 0 ? address : address.substring(0, q);
        String query = q < 0 ? null : address.substring(q + 1);
        Map<String, String[]> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : PercentDecoding.query(pair.substring(eq + 1));
                params.putIfAbsent(name, new String[] {value});
            }
        }
        String decoded = PercentDecoding.path(path);
        if (!addresses.mayBeOld(decoded, query)) return Optional.empty();
        return addresses.resolve(decoded, params)
                .map(t -> (t.language().equals(languages.get(0)) ? "" : "/" + t.language()) + t.path());
    }
}
