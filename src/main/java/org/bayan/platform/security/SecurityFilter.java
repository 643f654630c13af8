package org.bayan.platform.security;

import java.util.List;
import org.apache.shiro.realm.Realm;
import org.apache.shiro.web.filter.InvalidRequestFilter;
import org.apache.shiro.web.filter.mgt.DefaultFilterChainManager;
import org.apache.shiro.web.filter.mgt.PathMatchingFilterChainResolver;
import org.apache.shiro.web.mgt.DefaultWebSecurityManager;
import org.apache.shiro.web.servlet.AbstractShiroFilter;

/**
 * Apache Shiro in front of every request, wired in code so its realm can be handed our
 * services: it binds the current subject and refuses request paths that broke access rules
 * of Java web apps before (semicolons, encoded slashes and dots, backslashes). Who may see
 * the admin area is decided by the staff filter (org.bayan.user), which runs after it.
 */
public final class SecurityFilter extends AbstractShiroFilter {

    public SecurityFilter(Realm realm) {
        DefaultWebSecurityManager manager = new DefaultWebSecurityManager(realm);
        // No "remember me": a login lasts as long as its session, and no cipher key to keep.
        manager.setRememberMeManager(null);
        // The login lives in the servlet container's session (cookie-only, HttpOnly, SameSite):
        // the default session manager of a web security manager.
        setSecurityManager(manager);

        DefaultFilterChainManager chains = new DefaultFilterChainManager();
        InvalidRequestFilter invalid = (InvalidRequestFilter) chains.getFilter("invalidRequest");
        // Arabic and Turkish slugs are welcome in our URLs.
        invalid.setBlockNonAscii(false);
        chains.setGlobalFilters(List.of("invalidRequest"));
        chains.createDefaultChain("/**");
        PathMatchingFilterChainResolver resolver = new PathMatchingFilterChainResolver();
        resolver.setFilterChainManager(chains);
        setFilterChainResolver(resolver);
    }
}
