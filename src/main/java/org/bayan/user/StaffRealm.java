package org.bayan.user;

import java.io.Serializable;
import java.util.List;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UnknownAccountException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authc.credential.PasswordMatcher;
import org.apache.shiro.authc.credential.PasswordService;
import org.apache.shiro.realm.AuthenticatingRealm;
import org.apache.shiro.subject.SimplePrincipalCollection;

/**
 * Shiro's view of our own users table: a security-specific lookup, nothing more. The
 * principal is the user's id; roles are read fresh on every request elsewhere, so a changed
 * role or a disabled account takes effect at once.
 */
public final class StaffRealm extends AuthenticatingRealm {

    /** The {@linkplain UserService#credentialStamp stamp} of the password a login was made with. */
    record CredentialStamp(String value) implements Serializable {
    }

    private final UserService users;
    private final PasswordService passwords;
    /** Checked against when the account does not exist, so both answers take as long. */
    private volatile String decoyHash;

    public StaffRealm(UserService users, PasswordService passwords) {
        this.users = users;
        this.passwords = passwords;
        setCredentialsMatcher(new PasswordMatcher() {
            { setPasswordService(passwords); }
        });
        setAuthenticationCachingEnabled(false);
    }

    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = passwords.encryptPassword("decoy password for unknown accounts");
        }
        return decoyHash;
    }

    @Override
    public boolean supports(AuthenticationToken token) {
        return token instanceof UsernamePasswordToken;
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) throws AuthenticationException {
        UsernamePasswordToken t = (UsernamePasswordToken) token;
        return users.credentials(t.getUsername())
                // The id is the principal; the stamp of the password checked goes with it, so the
                // login can later tell that this password was changed or reset (StaffFilter).
                .map(c -> new SimpleAuthenticationInfo(
                        new SimplePrincipalCollection(List.of(c.id(), new CredentialStamp(c.stamp())), getName()),
                        c.passwordHash()))
                .orElseGet(() -> {
                    passwords.passwordsMatch(t.getPassword(), decoyHash());
                    throw new UnknownAccountException();
                });
    }
}
