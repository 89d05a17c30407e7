package org.cocrea.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The session cookie's flags follow {@code PUBLIC_BASE_URL}; explicit settings win. */
class SessionCookieSettingsTests {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new SessionCookieSettings().postProcessEnvironment(environment, null);
        return environment;
    }

    @Test
    void anHttpsAddressMakesBothSessionCookiesSecure() {
        StandardEnvironment env = environment(Map.of("cocrea.public-base-url", "https://cocrea.buenosaires.gob.ar"));
        assertThat(env.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
        assertThat(env.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie")).isEqualTo("true");
        assertThat(env.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("lax");
        assertThat(env.getProperty("server.servlet.session.cookie.http-only")).isEqualTo("true");
    }

    @Test
    void anHttpAddressOrNoneOrGarbageLeavesSecureOff() {
        for (String url : new String[] {"http://localhost:8080", "", "ht tp://[broken", "HTTPS-ish://x"}) {
            StandardEnvironment env = environment(Map.of("cocrea.public-base-url", url));
            assertThat(env.getProperty("server.servlet.session.cookie.secure")).as(url).isEqualTo("false");
        }
        assertThat(environment(Map.of()).getProperty("server.servlet.session.cookie.secure")).isEqualTo("false");
        assertThat(SessionCookieSettings.isHttps("HTTPS://CASE.example")).isTrue();
    }

    @Test
    void anExplicitSettingWins() {
        StandardEnvironment env = environment(Map.of("cocrea.public-base-url", "https://x.example",
                "server.servlet.session.cookie.secure", "false"));
        assertThat(env.getProperty("server.servlet.session.cookie.secure")).isEqualTo("false");
        assertThat(env.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie")).isEqualTo("true");
    }
}
