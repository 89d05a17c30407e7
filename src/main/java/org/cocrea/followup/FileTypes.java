package org.cocrea.followup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Recognises the evidence file types Cocrea accepts from their content, not from the name or the browser's claim:
 * PDF, PNG and JPEG by their signatures; ODT, ODS, DOCX and XLSX by their ZIP structure (the OpenDocument
 * {@code mimetype} entry, the OOXML main part); CSV as UTF-8 text without control characters. The file name's
 * extension must agree with what the content is.
 */
final class FileTypes {

    /**
     * An accepted type.
     *
     * @param mediaType  MIME type stored and served
     * @param extensions lower-case extensions that may name it
     */
    record Type(String mediaType, List<String> extensions) {
    }

    static final Type PDF = new Type("application/pdf", List.of("pdf"));
    static final Type PNG = new Type("image/png", List.of("png"));
    static final Type JPEG = new Type("image/jpeg", List.of("jpg", "jpeg"));
    static final Type ODT = new Type("application/vnd.oasis.opendocument.text", List.of("odt"));
    static final Type ODS = new Type("application/vnd.oasis.opendocument.spreadsheet", List.of("ods"));
    static final Type DOCX = new Type("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            List.of("docx"));
    static final Type XLSX = new Type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            List.of("xlsx"));
    static final Type CSV = new Type("text/csv", List.of("csv"));
    /** Extensions shown to users, in order. */
    static final String ALLOWED = "PDF, PNG, JPEG, ODT, ODS, DOCX, XLSX, CSV";

    private FileTypes() {
    }

    /**
     * @param file the stored bytes
     * @return the type its content shows, or empty when it is none of the accepted types
     * @throws IOException when the file cannot be read
     */
    static Optional<Type> detect(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            return Optional.of(PDF);
        }
        if (n == 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G' && head[4] == 0x0d
                && head[5] == 0x0a && head[6] == 0x1a && head[7] == 0x0a) {
            return Optional.of(PNG);
        }
        if (n >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return zipType(file);
        }
        return isCsvText(file) ? Optional.of(CSV) : Optional.empty();
    }

    private static Optional<Type> zipType(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                String declared;
                try (InputStream in = zip.getInputStream(mimetype)) {
                    declared = new String(in.readNBytes(100), StandardCharsets.US_ASCII).trim();
                }
                if (ODT.mediaType().equals(declared)) {
                    return Optional.of(ODT);
                }
                if (ODS.mediaType().equals(declared)) {
                    return Optional.of(ODS);
                }
                return Optional.empty();
            }
            if (zip.getEntry("[Content_Types].xml") != null) {
                if (zip.getEntry("word/document.xml") != null) {
                    return Optional.of(DOCX);
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return Optional.of(XLSX);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** UTF-8 (BOM allowed), no NUL or other control characters but tab, CR and LF, at least one line. */
    private static boolean isCsvText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.isBlank()) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                    return false;
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * @param fileName a file name
     * @return its lower-case extension without the dot, or "" when it has none
     */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
