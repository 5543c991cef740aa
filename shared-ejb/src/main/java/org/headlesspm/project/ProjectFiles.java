package org.headlesspm.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.DocFile;
import org.headlesspm.api.DocFileList;
import org.headlesspm.api.DocFileWritten;

/**
 * The documentation files of a project, always under {@code projects/<dir>/docs} whatever the
 * stored path strings say (API.md E15–E17, 4.11.3). Containment is checked on real paths, so a
 * symbolic link cannot lead outside.
 */
@ApplicationScoped
public class ProjectFiles {

  private static final Logger LOG = Logger.getLogger(ProjectFiles.class.getName());

  @Inject ProjectService projects;
  @Inject ProjectFolders folders;

  /** A file read back: its text when it is UTF-8, its bytes always. */
  public record ReadFile(String name, byte[] bytes, Optional<String> text, double modified) {}

  public DocFileList list(long projectId) {
    Path docs = docsOf(projectId);
    if (!Files.isDirectory(docs)) {
      return new DocFileList(List.of());
    }
    try (Stream<Path> walk = Files.walk(docs)) {
      List<DocFile> files =
          walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .map(p -> describe(docs, p))
              .sorted((a, b) -> a.path().compareTo(b.path()))
              .toList();
      return new DocFileList(files);
    } catch (IOException e) {
      throw new ApiError(500, "Error listing files: " + e.getMessage());
    }
  }

  public ReadFile read(long projectId, String filePath) {
    Path docs = docsOf(projectId);
    Path target = checked(projectId, docs, filePath);
    if (!Files.exists(target)) {
      throw ApiError.notFound("File not found");
    }
    if (Files.isDirectory(target)) {
      throw ApiError.badRequest("Path is a directory, not a file");
    }
    try {
      byte[] bytes = Files.readAllBytes(target);
      return new ReadFile(target.getFileName().toString(), bytes, utf8(bytes), modified(target));
    } catch (IOException e) {
      throw new ApiError(500, "Error reading file: " + e.getMessage());
    }
  }

  public DocFileWritten write(long projectId, String filePath, String content) {
    Path docs = docsOf(projectId);
    String safePath;
    try {
      safePath = ProjectNames.documentPath(filePath);
    } catch (IllegalArgumentException e) {
      throw rejected(projectId, filePath, e.getMessage());
    }
    Path target = checked(projectId, docs, safePath);
    if (content.indexOf('\0') >= 0) {
      throw ApiError.badRequest("Content contains invalid null bytes");
    }
    try {
      Files.createDirectories(target.getParent());
    } catch (IOException e) {
      throw new ApiError(500, "Failed to create directory: " + e.getMessage());
    }
    checkContained(projectId, docs, target.getParent(), safePath);
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try {
      Files.write(target, bytes);
    } catch (IOException e) {
      throw new ApiError(500, "Failed to write file: " + e.getMessage());
    }
    return new DocFileWritten(
        safePath,
        filePath,
        safePath,
        bytes.length,
        true,
        "File " + safePath + " created successfully");
  }

  private Path docsOf(long projectId) {
    return folders.docs(ProjectService.directoryOf(projects.require(projectId)));
  }

  /** The target of a relative path, after the textual rules and the real-path containment. */
  private Path checked(long projectId, Path docs, String relative) {
    try {
      ProjectNames.checkRelativePath(relative);
    } catch (IllegalArgumentException e) {
      throw rejected(projectId, relative, e.getMessage());
    }
    Path target = docs.resolve(relative).normalize();
    if (!target.startsWith(docs)) {
      throw rejected(projectId, relative, "Invalid path: Path escapes base directory");
    }
    Path existing = target;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing != null && existing.startsWith(docs)) {
      checkContained(projectId, docs, existing, relative);
    }
    return target;
  }

  private void checkContained(long projectId, Path docs, Path path, String relative) {
    try {
      Path realDocs = docs.toRealPath();
      Path realPath = path.toRealPath();
      if (!realPath.startsWith(realDocs)) {
        throw rejected(projectId, relative, "Invalid path: Path escapes base directory");
      }
    } catch (IOException e) {
      // A dangling link or a path that vanished: treat as escaping rather than guessing.
      throw rejected(projectId, relative, "Invalid path: Path escapes base directory");
    }
  }

  private static ApiError rejected(long projectId, String path, String reason) {
    LOG.warning(
        "Rejected file path for project " + projectId + ": " + escape(path) + " (" + reason + ")");
    return ApiError.badRequest("Invalid file path: " + reason);
  }

  private static String escape(String path) {
    StringBuilder out = new StringBuilder();
    for (char c : path.toCharArray()) {
      out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  private static DocFile describe(Path docs, Path file) {
    try {
      String relative = docs.relativize(file).toString().replace('\\', '/');
      return new DocFile(
          file.getFileName().toString(), relative, Files.size(file), modified(file), false);
    } catch (IOException e) {
      throw new ApiError(500, "Error listing files: " + e.getMessage());
    }
  }

  private static double modified(Path file) throws IOException {
    var time = Files.getLastModifiedTime(file).toInstant();
    return time.getEpochSecond() + time.getNano() / 1e9;
  }

  private static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException binary) {
      return Optional.empty();
    }
  }
}
