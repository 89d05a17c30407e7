package org.cocrea.following;

import java.util.Locale;
import java.util.Optional;

/** What a visitor can follow, each with its public page. */
public enum FollowTarget {
    /** A proposal, by tracking code; page {@code /proposals/{key}}. */
    PROPOSAL("/proposals/"),
    /** A draft commitment being circulated or consolidated, by id; page {@code /drafts/{key}}. */
    DRAFT("/drafts/"),
    /** A published commitment, by code; page {@code /dashboard/{key}}. */
    COMMITMENT("/dashboard/"),
    /** A community of practice, by slug; page {@code /communities/{key}}; its followers hear of each new event. */
    COMMUNITY("/communities/");

    private final String path;

    FollowTarget(String path) {
        this.path = path;
    }

    /**
     * @param key tracking code, draft id, commitment code or community slug
     * @return the public page's path, e.g. {@code /proposals/CC-7K3M9P2Q}
     */
    public String page(String key) {
        return path + key;
    }

    /**
     * @param code {@code proposal}, {@code draft}, {@code commitment} or {@code community}, any case
     * @return the target, empty when unknown
     */
    public static Optional<FollowTarget> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (FollowTarget t : values()) {
            if (t.name().equalsIgnoreCase(code.strip())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** @return the form's code, {@code proposal}, {@code draft}, {@code commitment} or {@code community} */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
