package org.cocrea.workflow;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs users into Cocrea's own staff pages with the same accounts as Tasklist (the engine's identity service). Each
 * Camunda group becomes an authority {@code GROUP_<groupId>}, e.g. {@code GROUP_og-team}.
 */
@Component
public class EngineUserAuthenticationProvider implements AuthenticationProvider {

    /** Prefix of the authorities derived from Camunda groups. */
    public static final String GROUP_PREFIX = "GROUP_";
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
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(g -> new SimpleGrantedAuthority(GROUP_PREFIX + g)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
