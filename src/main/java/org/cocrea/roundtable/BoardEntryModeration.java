package org.cocrea.roundtable;

import java.time.Instant;
import java.util.Optional;

import org.cocrea.moderation.ModeratedItem;
import org.cocrea.moderation.ModeratedItems;
import org.cocrea.moderation.ModeratedKind;
import org.springframework.stereotype.Component;

/**
 * Board entries as moderation sees them ({@link ModeratedKind#BOARD_ENTRY}): only entries of held round-tables, whose
 * boards are public; hiding sets the placeholder reason on the entry (page, CSV and the Stage 3 prefill leave its text
 * out).
 */
@Component
class BoardEntryModeration implements ModeratedItems {

    private final BoardEntryRepository entries;
    private final RoundTableRepository tables;

    BoardEntryModeration(BoardEntryRepository entries, RoundTableRepository tables) {
        this.entries = entries;
        this.tables = tables;
    }

    @Override
    public ModeratedKind kind() {
        return ModeratedKind.BOARD_ENTRY;
    }

    @Override
    public Optional<ModeratedItem> find(long id) {
        return entries.findById(id)
                .filter(e -> tables.findById(e.getRoundTableId())
                        .filter(t -> t.getStatus() == RoundTableStatus.HELD).isPresent())
                .map(e -> new ModeratedItem(kind(), id, e.getText(),
                        "/round-tables/" + e.getRoundTableId() + "#entry-" + id, e.getHiddenReason() != null, false));
    }

    @Override
    public void hide(long id, String reason, Instant at) {
        entries.findById(id).ifPresent(e -> e.hide(reason, at));
    }
}
