package org.cocrea.commitment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import org.cocrea.commitment.CommitmentSheets.SectionChange;
import org.cocrea.kernel.NotFoundException;
import org.springframework.stereotype.Component;

/** Compares two saved versions of a sheet section by section, word by word, for {@link CommitmentSheets#diff}. */
@Component
class SheetDiff {

    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

    private final CommitmentVersionRepository versions;
    private final SheetVersions sheets;

    SheetDiff(CommitmentVersionRepository versions, SheetVersions sheets) {
        this.versions = versions;
        this.sheets = sheets;
    }

    /** See {@link CommitmentSheets#diff(long, int, int, Function)}. */
    List<SectionChange> diff(long id, int from, int to, Function<String, String> ogpLabel) {
        CommitmentSheet a = sheets.fromJson(versions.findByCommitmentIdAndVersion(id, from)
                .orElseThrow(() -> new NotFoundException("version", from)).getSheet());
        CommitmentSheet b = sheets.fromJson(versions.findByCommitmentIdAndVersion(id, to)
                .orElseThrow(() -> new NotFoundException("version", to)).getSheet());
        DiffRowGenerator generator = DiffRowGenerator.create().showInlineDiffs(true)
                .inlineDiffBySplitter(SheetDiff::words)
                .mergeOriginalRevised(true).lineNormalizer(SheetDiff::escape)
                .oldTag(open -> open ? "<del>" : "</del>").newTag(open -> open ? "<ins>" : "</ins>").build();
        List<SectionChange> out = new ArrayList<>();
        for (CommitmentSheet.Section s : CommitmentSheet.Section.values()) {
            String before = a.text(s, ogpLabel);
            String after = b.text(s, ogpLabel);
            if (!before.equals(after) && s == CommitmentSheet.Section.OGP_VALUES) {
                // a list of labels: a value is removed or added whole
                List<String> old = Arrays.asList(before.split("\n"));
                List<String> now = Arrays.asList(after.split("\n"));
                List<String> lines = new ArrayList<>();
                old.stream().filter(v -> !v.isEmpty() && !now.contains(v)).forEach(v -> lines.add("<del>" + escape(v) + "</del>"));
                now.stream().filter(v -> !v.isEmpty() && !old.contains(v)).forEach(v -> lines.add("<ins>" + escape(v) + "</ins>"));
                out.add(new SectionChange(s, lines));
            } else if (!before.equals(after)) {
                List<DiffRow> rows = generator.generateDiffRows(Arrays.asList(before.split("\n", -1)),
                        Arrays.asList(after.split("\n", -1)));
                out.add(new SectionChange(s, rows.stream().filter(r -> r.getTag() != DiffRow.Tag.EQUAL)
                        .map(SheetDiff::html).toList()));
            }
        }
        return out;
    }

    /** Splits a line into words and the runs of spaces between them, keeping both (the diff puts them back). */
    private static List<String> words(String line) {
        return new ArrayList<>(Arrays.asList(WORD_BOUNDARY.split(line, -1)));
    }

    private static String html(DiffRow row) {
        return switch (row.getTag()) {
            case INSERT -> row.getNewLine().contains("<ins>") ? row.getNewLine() : "<ins>" + row.getNewLine() + "</ins>";
            case DELETE -> row.getOldLine().contains("<del>") ? row.getOldLine() : "<del>" + row.getOldLine() + "</del>";
            default -> row.getOldLine();
        };
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
