package org.cocrea.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads the CSV files staff upload (offline proposals, contacts) the same way: strict UTF-8 (a byte-order mark is
 * allowed; another encoding is refused rather than stored with replacement characters), a header naming the required
 * columns, rows numbered by their line in the file (the header is line 1, quoted line breaks and blank lines count),
 * blank lines skipped, and a cap on the number of rows.
 */
public final class CsvFiles {

    /** Handles one row of the file. */
    @FunctionalInterface
    public interface RowHandler {

        /**
         * @param line line number where the row starts
         * @param row  the row (may be inconsistent with the header: check {@link CSVRecord#isConsistent()})
         */
        void accept(long line, CSVRecord row);
    }

    private CsvFiles() {
    }

    /**
     * Keeps spreadsheet programs from running a cell of free text as a formula (CSV injection, OWASP "CSV
     * Injection"): a value starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe.
     *
     * @param text a cell's text, may be null
     * @return the text, prefixed when needed; null for null
     */
    public static String neutralise(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /**
     * @param csv     the file
     * @param columns the columns the header must name
     * @param maxRows how many rows at most (the rows before the cap are handled)
     * @param handler called for each non-blank row, in order
     * @return null when the whole file was read, else why it stopped (missing columns, too many rows, not UTF-8,
     *         unreadable)
     */
    public static String read(InputStream csv, List<String> columns, int maxRows, RowHandler handler) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(false).get();
        var utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(csv).get(), utf8);
                CSVParser parser = format.parse(reader)) {
            List<String> missing = columns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                return "missing columns: " + String.join(", ", missing);
            }
            long nextLine = 2;
            int count = 0;
            for (CSVRecord row : parser) {
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                if (count >= maxRows) {
                    return "more than " + maxRows + " rows: split the file";
                }
                count++;
                handler.accept(line, row);
            }
            return null;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            boolean encoding = e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException;
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return "unreadable CSV: " + (encoding ? "the file is not UTF-8 (save it as CSV UTF-8)" : message);
        }
    }
}
