package org.cocrea.demo;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cocrea.support.CocreaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without the demo ({@code cocrea.demo.enabled=false}, the test profile) the demo's staff action does not exist: staff
 * get 404; everyone else is stopped before it (403 without the team's group or without a CSRF token).
 */
@CocreaIntegrationTest
class DemoActionsAbsentTests {

    static final String CLOSE = "/staff/commitments/1/demo/close-comments";

    @Autowired
    MockMvc mvc;

    @Test
    void theDemosCloseCommentsActionIsAbsentWhenTheDemoIsOff() throws Exception {
        mvc.perform(post(CLOSE).with(user("equipo").authorities(new SimpleGrantedAuthority("GROUP_og-team")))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(CLOSE).with(user("area").authorities(new SimpleGrantedAuthority("GROUP_area-ambiente")))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(CLOSE).with(user("equipo").authorities(new SimpleGrantedAuthority("GROUP_og-team"))))
                .andExpect(status().isForbidden());
    }
}
