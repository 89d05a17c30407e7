package org.cocrea.workflow;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.cocrea.kernel.Groups;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs users into Cocrea's own staff pages with the same accounts as Tasklist (the engine's identity service). Each
 * Camunda group becomes an authority {@code GROUP_<groupId>}, e.g. {@code GROUP_og-team}.
 */
@Component
public class EngineUserAuthenticationProvider implements AuthenticationProvider {

    /** Prefix of the authorities derived from Camunda groups. */
    public static final String GROUP_PREFIX = Groups.AUTHORITY_PREFIX;

    /**
     * The Camunda group ids behind a login's authorities (the reverse of {@code GROUP_<groupId>}).
     *
     * @param authentication a login made by this provider, or any authentication
     * @return its group ids, in authority order; empty when it has none
     */
    public static List<String> groupIds(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(GROUP_PREFIX)).map(a -> a.substring(GROUP_PREFIX.length())).toList();
    }
    private final IdentityService identityService;

    EngineUserAuthenticationProvider(@Lazy IdentityService identityService) {
        this.identityService = identityService;
    }

    /**
     * @param authentication a username and password
     * @return an authenticated token with the user's groups as authorities
     * @throws BadCredentialsException when the engine refuses the password
     */
    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || credentials == null
                || !identityService.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("Bad credentials");
        }
        return new EngineLogin(user, authorities(user));
    }

    /**
     * A login made by this provider (the user id as principal, no credentials kept), which
     * {@code org.cocrea.web.CurrentAccountFilter} keeps in step with the identity service.
     */
    public static final class EngineLogin extends UsernamePasswordAuthenticationToken {

        private static final long serialVersionUID = 1L;

        EngineLogin(String user, Collection<? extends GrantedAuthority> authorities) {
            super(user, null, authorities);
        }
    }

    /**
     * A login brought up to date with the identity service, so that deleting a user or changing their groups takes
     * effect at the user's next request, not at their next login (used by {@code org.cocrea.web.CurrentAccountFilter}).
     *
     * @param login a login made by {@link #authenticate(Authentication)}
     * @return empty when the user no longer exists; the same token when the user's groups are unchanged; else a new
     *     authenticated token with the user's current groups (and the login's details)
     */
    public Optional<Authentication> current(EngineLogin login) {
        String user = login.getName();
        if (identityService.createUserQuery().userId(user).count() == 0) {
            return Optional.empty();
        }
        List<SimpleGrantedAuthority> authorities = authorities(user);
        if (new HashSet<>(authorities).equals(new HashSet<>(login.getAuthorities()))) {
            return Optional.of(login);
        }
        EngineLogin current = new EngineLogin(user, authorities);
        current.setDetails(login.getDetails());
        return Optional.of(current);
    }

    private List<SimpleGrantedAuthority> authorities(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(g -> new SimpleGrantedAuthority(GROUP_PREFIX + g)).toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
