package org.cocrea.followup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evidence files of follow-up reports. A file is checked while it is stored: at most
 * {@code cocrea.follow-up.evidence.max-size} bytes (counted, not trusted from the request), not empty, of an accepted
 * type recognised from its content ({@link FileTypes}) with a matching extension. It is written under
 * {@code cocrea.follow-up.evidence.folder} with a random storage key (the uploader's file name is kept for display
 * only, never used as a path), and its SHA-256 is recorded. A refused or rolled-back upload leaves no file behind.
 */
@Service
public class EvidenceFiles {

    /** Longest description (column size). */
    public static final int MAX_DESCRIPTION = 500;
    private static final Logger log = LoggerFactory.getLogger(EvidenceFiles.class);

    private final EvidenceRepository evidence;
    private final ReportRepository reports;
    private final FollowUps followUps;
    private final FollowUpTexts texts;
    private final FollowUpProperties properties;
    private final Clock clock;

    EvidenceFiles(EvidenceRepository evidence, ReportRepository reports, FollowUps followUps, FollowUpTexts texts,
            FollowUpProperties properties, Clock clock) {
        this.evidence = evidence;
        this.reports = reports;
        this.followUps = followUps;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A stored file ready to be served.
     *
     * @param evidence its row (file name, detected type, size, SHA-256)
     * @param path     where its bytes are
     */
    public record StoredFile(Evidence evidence, Path path) {
    }

    /** @return the largest accepted file, in bytes */
    public long maxBytes() {
        return properties.evidence().maxSize().toBytes();
    }

    /** @return the accepted types, for users */
    public String allowedTypes() {
        return FileTypes.ALLOWED;
    }

    /**
     * Stores an evidence file for a report that is not accepted yet.
     *
     * @param reportId     database id
     * @param milestoneId  the milestone it supports (of the report's commitment), or null for the whole report
     * @param originalName the uploader's file name (display only)
     * @param description  optional, at most {@value #MAX_DESCRIPTION} characters
     * @param content      the bytes; read once, at most {@link #maxBytes()} + 1 of them
     * @param user         uploader's user id
     * @return the stored evidence
     * @throws InputRefusedException naming the field ({@code file}, {@code milestoneId}, {@code description},
     *                               {@code report}) and the reason ({@code followup.error.*}); nothing is stored
     * @throws NotFoundException     when there is no such report
     * @throws IOException              when the evidence folder cannot be written
     */
    @Transactional
    public Evidence upload(long reportId, Long milestoneId, String originalName, String description,
            InputStream content, String user) throws IOException {
        FollowUpReport report = reports.lockById(reportId).orElseThrow(() -> new NotFoundException("report", reportId));
        FollowUpTexts.Problems problems = texts.problems();
        if (report.getStatus() == ReportStatus.ACCEPTED) {
            problems.add("report", "acceptedFrozen");
        }
        if (milestoneId != null && followUps.milestonesOf(report.getCommitmentId()).stream()
                .noneMatch(m -> m.getId().equals(milestoneId))) {
            problems.add("milestoneId", "unknownMilestone", milestoneId);
        }
        String d = description == null || description.isBlank() ? null : description.trim();
        if (d != null && InputText.exceeds(d, MAX_DESCRIPTION)) {
            problems.add("description", "tooLong", "", MAX_DESCRIPTION);
        } else if (InputText.hasForbiddenCharacters(d)) {
            problems.add("description", "characters", "");
        }
        String name = displayName(originalName);
        if (name == null) {
            problems.add("file", "noFile");
        }
        problems.throwIfAny();

        Path folder = properties.evidence().folder().toAbsolutePath();
        Files.createDirectories(folder);
        String key = UUID.randomUUID().toString().replace("-", "");
        Path temp = Files.createTempFile(folder, "upload-", ".part");
        boolean kept = false;
        try {
            MessageDigest sha = sha256();
            long size;
            long max = maxBytes();
            try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(temp)) {
                size = copyAtMost(in, out, max + 1);
            }
            if (size == 0) {
                texts.refuse("file", "emptyFile");
            }
            if (size > max) {
                texts.refuse("file", "tooLarge", max / (1024 * 1024));
            }
            Optional<FileTypes.Type> type = FileTypes.detect(temp);
            if (type.isEmpty()) {
                texts.refuse("file", "fileType", FileTypes.ALLOWED);
            }
            if (!type.get().extensions().contains(FileTypes.extension(name))) {
                texts.refuse("file", "extensionMismatch", FileTypes.extension(name), type.get().extensions().get(0));
            }
            Path target = folder.resolve(key);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            kept = true;
            deleteOnRollback(target);
            return evidence.save(Evidence.file(reportId, milestoneId, name, type.get().mediaType(), size,
                    HexFormat.of().formatHex(sha.digest()), key, d, user, clock.instant()));
        } finally {
            if (!kept) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * @param evidenceId database id
     * @return the file, or empty when it is no file evidence or its bytes are missing
     */
    @Transactional(readOnly = true)
    public Optional<StoredFile> file(long evidenceId) {
        return evidence.findById(evidenceId).filter(Evidence::isFile).map(e -> new StoredFile(e,
                properties.evidence().folder().toAbsolutePath().resolve(e.getStorageKey())))
                .filter(f -> Files.isRegularFile(f.path()));
    }

    /**
     * The public download: only files of accepted reports.
     *
     * @param evidenceId database id
     * @return the file, or empty when it is unknown, no file, or its report is not accepted
     */
    @Transactional(readOnly = true)
    public Optional<StoredFile> publicFile(long evidenceId) {
        return file(evidenceId).filter(f -> reports.findById(f.evidence().getReportId())
                .map(r -> r.getStatus() == ReportStatus.ACCEPTED).orElse(false));
    }

    /**
     * @param reportId database id
     * @return the report's evidence (links and files), oldest first
     */
    @Transactional(readOnly = true)
    public List<Evidence> of(long reportId) {
        return evidence.findByReportIdOrderByIdAsc(reportId);
    }

    /**
     * @param evidenceId database id
     * @return the id of the report it belongs to, if it exists
     */
    @Transactional(readOnly = true)
    public Optional<Long> reportOf(long evidenceId) {
        return evidence.findById(evidenceId).map(Evidence::getReportId);
    }

    /** The last path segment, without control characters, at most 255 characters; null when nothing is left. */
    static String displayName(String original) {
        if (original == null) {
            return null;
        }
        String s = original.replace('\\', '/');
        s = InputText.withoutForbiddenCharacters(s.substring(s.lastIndexOf('/') + 1)).strip();
        if (s.isEmpty() || s.equals(".") || s.equals("..")) {
            return null;
        }
        int length = InputText.length(s);
        return length > 255 ? s.substring(s.offsetByCodePoints(0, length - 255)) : s;
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteOnRollback(Path file) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        log.warn("Could not delete the evidence file {} of a rolled-back upload", file, e);
                    }
                }
            }
        });
    }
}
