package org.bayan.platform.web;

import java.util.List;

/** What the layout of every page shows around its content, supplied by the section tree. */
public interface SiteChrome {

    /** The site's main breadcrumb (Home > Media Center > Coalition News) in a language, every step linked. */
    List<Crumb> mainTrail(String language, String homeLabel);

    /** The sections the header links to in a language, top level first, each with its children. */
    List<?> navigation(String language);
}
