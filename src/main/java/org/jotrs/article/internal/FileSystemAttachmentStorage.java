package org.jotrs.article.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jotrs.article.AttachmentInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * OTRS's ArticleStorageFS: each attachment is a file {@code <root>/<YYYY>/<MM>/<DD>/<article id>/<name>}
 * (the date part is the article's {@code content_path}), with companion files
 * {@code <name>.content_type}, {@code .content_id}, {@code .content_alternative} and
 * {@code .disposition} holding its metadata; {@code plain.txt} beside them is the raw mail.
 *
 * <p>Files are written while the article's transaction is open, each to a temporary file first
 * and then moved into place atomically, so no reader ever sees half a file; if the transaction
 * rolls back, the files are removed again. Writing before the commit (rather than after it) means
 * a full disk fails the article instead of committing an article whose files are missing.
 */
final class FileSystemAttachmentStorage implements AttachmentStorage {

    private static final Logger log = LoggerFactory.getLogger(FileSystemAttachmentStorage.class);
    private static final Pattern CONTENT_PATH = Pattern.compile("\\d{4}/\\d{2}/\\d{2}");
    private static final List<String> COMPANIONS = List.of(".content_alternative", ".content_id", ".content_type",
            ".disposition");
    /** Temporary files live beside the date folders, on the same file system, so the move is atomic. */
    private static final String INCOMING = ".jotrs-incoming";

    private final Path root;

    FileSystemAttachmentStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    @Override
    public void write(long articleId, String contentPath, List<StoredFile> files, int actorId) {
        if (files.isEmpty()) {
            return;
        }
        Path folder = articleFolder(articleId, contentPath)
                .orElseThrow(() -> new IllegalArgumentException("bad content path " + contentPath));
        List<Path> written = new ArrayList<>();
        // Registered first, so even a write that fails half-way leaves nothing behind.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    removeAll(written, folder);
                }
            }
        });
        try {
            Files.createDirectories(folder);
            Files.createDirectories(root.resolve(INCOMING));
            for (StoredFile file : files) {
                writeFile(folder.resolve(file.filename() + ".content_type"), file.contentType().getBytes(StandardCharsets.UTF_8), written);
                if (file.contentId() != null && !file.contentId().isEmpty()) {
                    writeFile(folder.resolve(file.filename() + ".content_id"), file.contentId().getBytes(StandardCharsets.UTF_8), written);
                }
                if (file.disposition() != null && !file.disposition().isEmpty()) {
                    String disposition = file.disposition().split(";", 2)[0];
                    writeFile(folder.resolve(file.filename() + ".disposition"), disposition.getBytes(StandardCharsets.UTF_8), written);
                }
                // The content last, as OTRS writes it: once it is there, its metadata is too.
                writeFile(folder.resolve(file.filename()), file.content(), written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the attachments of article " + articleId + " to " + folder, e);
        }
    }

    private void writeFile(Path target, byte[] content, List<Path> written) throws IOException {
        Path temporary = root.resolve(INCOMING).resolve(UUID.randomUUID() + ".part");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            written.add(target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void removeAll(List<Path> written, Path folder) {
        for (Path path : written) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.warn("cannot remove file={} of a rolled-back article", path, e);
            }
        }
        try (DirectoryStream<Path> rest = Files.newDirectoryStream(folder)) {
            if (!rest.iterator().hasNext()) {
                Files.delete(folder);
            }
        } catch (NoSuchFileException e) {
            // Already gone: nothing to clean up.
        } catch (IOException e) {
            log.warn("cannot remove folder={} of a rolled-back article", folder, e);
        }
    }

    @Override
    public List<AttachmentInfo> index(long articleId, String contentPath) {
        Optional<Path> folder = articleFolder(articleId, contentPath);
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return List.of();
        }
        List<AttachmentInfo> index = new ArrayList<>();
        for (Path file : contentFiles(folder.get())) {
            String filename = file.getFileName().toString();
            Path typeFile = file.resolveSibling(filename + ".content_type");
            String contentType;
            long size = size(file);
            if (Files.exists(typeFile)) {
                contentType = read(typeFile);
            } else {
                // Very old OTRS versions kept the content type as the file's first line.
                contentType = firstLine(file);
            }
            String contentId = optional(file.resolveSibling(filename + ".content_id"));
            String stored = optional(file.resolveSibling(filename + ".disposition"));
            index.add(new AttachmentInfo(index.size() + 1, filename, size, contentType.strip(), contentId,
                    AttachmentStorage.disposition(stored, filename, contentType, contentId)));
        }
        return index;
    }

    @Override
    public Optional<byte[]> content(long articleId, String contentPath, int fileId) {
        Optional<Path> folder = articleFolder(articleId, contentPath);
        if (fileId < 1 || folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return Optional.empty();
        }
        List<Path> files = contentFiles(folder.get());
        if (fileId > files.size()) {
            return Optional.empty();
        }
        Path file = files.get(fileId - 1);
        try {
            byte[] content = Files.readAllBytes(file);
            if (!Files.exists(file.resolveSibling(file.getFileName() + ".content_type"))) {
                int newline = indexOf(content, (byte) '\n');
                content = newline < 0 ? new byte[0] : Arrays.copyOfRange(content, newline + 1, content.length);
            }
            return Optional.of(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article's folder, when its content path has OTRS's shape and the folder stays under the root. */
    private Optional<Path> articleFolder(long articleId, String contentPath) {
        if (contentPath == null || !CONTENT_PATH.matcher(contentPath).matches() || articleId < 1) {
            return Optional.empty();
        }
        Path folder = root.resolve(contentPath).resolve(Long.toString(articleId)).normalize();
        return folder.startsWith(root) ? Optional.of(folder) : Optional.empty();
    }

    /** The attachment files in OTRS's FileID order (sorted by name), without companions and the raw mail. */
    private static List<Path> contentFiles(Path folder) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!Files.isRegularFile(entry) || name.equals("plain.txt")
                        || COMPANIONS.stream().anyMatch(name::endsWith)) {
                    continue;
                }
                files.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String optional(Path file) {
        return Files.exists(file) ? read(file).strip() : "";
    }

    private static String firstLine(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            int newline = indexOf(content, (byte) '\n');
            return new String(content, 0, newline < 0 ? content.length : newline, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] content, byte value) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
