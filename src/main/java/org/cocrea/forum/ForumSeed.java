package org.cocrea.forum;

import java.util.List;

import org.cocrea.notification.EmailAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * First run only: while no forum member was ever recorded, the addresses of {@code cocrea.commitment.forum-members}
 * (the typed list used before the forum was modelled) become members with an open term (from {@link Forum#SEED_TERM_START}), so drafts keep
 * reaching them. Once the table has a row the property is ignored; staff complete the members on {@code /staff/forum}.
 */
@Component
class ForumSeed {

    private static final Logger log = LoggerFactory.getLogger(ForumSeed.class);

    private final Forum forum;
    private final List<String> addresses;

    ForumSeed(Forum forum, @Value("${cocrea.commitment.forum-members:}") List<String> addresses) {
        this.forum = forum;
        this.addresses = addresses;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!forum.empty()) {
            return;
        }
        addresses.stream().map(String::strip).filter(EmailAddresses::isValid).distinct().forEach(forum::seed);
        log.info("Forum seeded with {} member(s) from cocrea.commitment.forum-members", addresses.size());
    }
}
