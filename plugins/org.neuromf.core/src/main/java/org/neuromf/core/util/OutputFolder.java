package org.neuromf.core.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The one way results are written into a folder the user names ({@code --out}), so that a user's
 * files are never lost and results appear complete or not at all:
 * <ul>
 * <li>{@link #open} checks the folder before any work: it must not be the root, the home or the
 * current folder, a file, inside an input or hold an input, or a non-empty folder that NeuroMF did
 * not write (or that another command wrote); it takes a lock, so that two runs never write into one
 * folder at once, and creates the staging folder, so that a folder that cannot be written is
 * reported with the system's reason before the work;</li>
 * <li>{@link #write} puts each file into the staging folder, hidden beside the target;</li>
 * <li>{@link #commit} moves them in: a new folder in one rename; into a folder of an earlier run of
 * the same command, file by file, replacing that run's files and removing those this run did not
 * write again, touching nothing else (a file that is in the way and is not ours stops the commit
 * before anything moves);</li>
 * <li>{@link #close} without a commit, and {@link #abortAll} (for Ctrl-C), remove the staging folder,
 * the lock and the parent folders that {@link #open} created.</li>
 * </ul>
 * The files this class wrote are listed in {@value #MANIFEST} inside the folder. Folders and files
 * are created with the default permissions, so they follow the umask.
 */
public final class OutputFolder implements AutoCloseable {

    /** The list of the files NeuroMF wrote into a folder, and by which command. */
    public static final String MANIFEST = ".neuromf-outputs";

    /** Content written into one file. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private enum State {
        OPEN, COMMITTED, ABORTED
    }

    private static final Set<OutputFolder> OPEN = ConcurrentHashMap.newKeySet();
    private static final String STAGING = ".neuromf-staging-";

    private final Path target;
    private final String command;
    private final Path staging;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final List<Path> createdParents;
    private final Set<String> written = new LinkedHashSet<>();
    private State state = State.OPEN;

    private OutputFolder(Path target, String command, Path staging, Path lockFile, FileChannel lockChannel,
            List<Path> createdParents) {
        this.target = target;
        this.command = command;
        this.staging = staging;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
        this.createdParents = createdParents;
    }

    /**
     * Checks {@code dir} as the output folder of {@code command} (e.g. "simulate") reading
     * {@code inputs} (files or folders; null entries are skipped), locks it and creates the staging
     * folder. Refusals are {@link OutputException}s that name the folder and the reason.
     */
    public static OutputFolder open(Path dir, String command, Collection<Path> inputs) {
        if (dir == null || dir.toString().isBlank()) {
            throw new OutputException("--out is empty: name the folder for the results");
        }
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new OutputException("--out " + dir + " is the root folder: name a folder for the results");
        }
        if (same(target, Path.of(System.getProperty("user.home")))) {
            throw new OutputException("--out " + dir + " is your home folder: name a new folder for the results");
        }
        if (same(target, Path.of(""))) {
            throw new OutputException("--out " + dir + " is the current folder: name a new folder for the results");
        }
        Path realTarget = real(target);
        boolean exists = Files.exists(target);
        for (Path input : inputs) {
            if (input == null) {
                continue;
            }
            Path in = real(input.toAbsolutePath().normalize());
            if (realTarget.startsWith(in)) {
                throw new OutputException("--out " + dir + (realTarget.equals(in) ? " is" : " lies inside") + " the input "
                        + input + ": write the results into a folder of their own");
            }
            if (exists && in.startsWith(realTarget)) {
                throw new OutputException("the input " + input + " lies inside --out " + dir + ", whose earlier results a"
                        + " run replaces: write the results into another folder");
            }
        }
        if (exists) {
            checkExisting(dir, target, command);
        }
        List<Path> created = new ArrayList<>();
        Path lockFile = null;
        FileChannel channel = null;
        try {
            createParents(parent, created);
            // beside the target where possible, else (a read-only parent) inside the existing folder
            Path home = exists && !Files.isWritable(parent) ? target : parent;
            String name = target.getFileName().toString();
            lockFile = home.resolve("." + name + ".neuromf-lock");
            channel = lock(dir, lockFile);
            removeStaleStaging(home, name);
            Path staging = home.resolve("." + name + STAGING + Long.toHexString(new SplittableRandom().nextLong()));
            try {
                Files.createDirectory(staging);
            } catch (IOException e) {
                throw new OutputException("cannot write into " + dir + ": " + IoReasons.of(e) + " (creating " + staging + ")");
            }
            OutputFolder out = new OutputFolder(target, command, staging, lockFile, channel, created);
            OPEN.add(out);
            return out;
        } catch (RuntimeException e) {
            release(channel, lockFile);
            removeEmpty(created);
            throw e;
        }
    }

    /** The folder the results go to. */
    public Path target() {
        return target;
    }

    /**
     * Writes one file, {@code name} relative to the folder ({@code hh/rates.csv}), into the staging
     * folder. Fails with {@link CancelledException} once the folder was aborted (Ctrl-C).
     */
    public void write(String name, Content content) {
        Path file = staging.resolve(name).normalize();
        if (!file.startsWith(staging) || file.equals(staging) || name.equals(MANIFEST) || !written.add(name)) {
            throw new IllegalArgumentException("output file name '" + name + "' is not a new file inside the folder");
        }
        OutputStream stream;
        synchronized (this) {
            if (state != State.OPEN) {
                throw new CancelledException();
            }
            try {
                Path folder = staging;
                if (!file.getParent().equals(staging)) {
                    for (Path part : staging.relativize(file.getParent())) {
                        folder = folder.resolve(part);
                        if (!Files.isDirectory(folder)) {
                            Files.createDirectory(folder); // never createDirectories: an aborted staging folder stays gone
                        }
                    }
                }
                stream = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw failure(name, e);
            }
        }
        try (OutputStream out = new BufferedOutputStream(stream, 1 << 16)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw failure(name, e);
        }
    }

    private UncheckedIOException failure(String name, IOException e) {
        synchronized (this) {
            if (state == State.ABORTED) {
                throw new CancelledException();
            }
        }
        return new UncheckedIOException("cannot write " + name + " for " + target + ": " + IoReasons.of(e), e);
    }

    /** Puts every file written into the folder; returns their names, in the order written. */
    public List<String> commit() {
        synchronized (this) {
            if (state != State.OPEN) {
                throw new CancelledException();
            }
            try {
                writeManifest(staging.resolve(MANIFEST), command, written);
                if (!moveWhole()) {
                    merge();
                    deleteTree(staging); // what is left of it: the emptied sub-folders
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot put the results into " + target + ": " + IoReasons.of(e), e);
            }
            state = State.COMMITTED;
            finish();
        }
        return List.copyOf(written);
    }

    /** Moves the staging folder into place in one rename when the target does not exist; false when it does. */
    private boolean moveWhole() throws IOException {
        if (Files.exists(target)) {
            return false;
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            return false; // created meanwhile by someone else: merge into it like any existing folder
        }
    }

    /** Into an existing folder: ours replace ours, stale ones of ours go, nothing else is touched. */
    private void merge() throws IOException {
        Manifest old = Manifest.read(target);
        Set<String> ours = old == null ? Set.of() : old.files;
        for (String name : written) {
            Path file = target.resolve(name);
            Path inTheWay = Files.exists(file) && !ours.contains(name) ? file : null;
            for (Path p = file.getParent(); inTheWay == null && !p.equals(target); p = p.getParent()) {
                inTheWay = Files.exists(p) && !Files.isDirectory(p) ? p : null;
            }
            if (inTheWay != null) {
                throw new OutputException(inTheWay + " is in the way and was not written by neuromf " + command + ": move"
                        + " it away or choose another folder; the results were not written");
            }
        }
        for (String name : written) {
            Path to = target.resolve(name);
            Files.createDirectories(to.getParent());
            Files.move(staging.resolve(name), to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        for (String name : ours) {
            if (!written.contains(name)) {
                Path stale = target.resolve(name).normalize();
                if (stale.startsWith(target) && Files.isRegularFile(stale)) {
                    Files.delete(stale);
                    for (Path p = stale.getParent(); !p.equals(target) && isEmptyFolder(p); p = p.getParent()) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.move(staging.resolve(MANIFEST), target.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Gives up: removes the staging folder, unless the results are in place already; false then. */
    public boolean abort() {
        synchronized (this) {
            if (state != State.OPEN) {
                return false;
            }
            state = State.ABORTED;
            for (int attempt = 0; attempt < 5 && Files.exists(staging); attempt++) {
                deleteTree(staging); // a writer may still be closing a file in it
            }
            finish();
            removeEmpty(createdParents);
            return true;
        }
    }

    /** Aborts unless committed. */
    @Override
    public void close() {
        abort();
    }

    /** For the shutdown hook of Ctrl-C: aborts every open folder; returns those that were left unwritten. */
    public static List<Path> abortAll() {
        List<Path> aborted = new ArrayList<>();
        for (OutputFolder f : List.copyOf(OPEN)) {
            if (f.abort()) {
                aborted.add(f.target);
            }
        }
        return aborted;
    }

    private void finish() {
        OPEN.remove(this);
        release(lockChannel, lockFile);
    }

    // ---- checks

    private static void checkExisting(Path dir, Path target, String command) {
        if (!Files.isDirectory(target)) {
            throw new OutputException("--out " + dir + " is a file, not a folder: name a folder for the results");
        }
        List<String> others = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().equals(MANIFEST)) {
                    others.add(p.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new OutputException("cannot read the folder " + dir + ": " + IoReasons.of(e));
        }
        Manifest m = Manifest.read(target);
        if (!others.isEmpty() && m == null) {
            others.sort(null);
            throw new OutputException("--out " + dir + " already holds " + others.size() + (others.size() == 1 ? " entry" :
                    " entries") + " that neuromf did not write (" + String.join(", ", others.subList(0,
                            Math.min(3, others.size()))) + (others.size() > 3 ? ", ..." : "") + "): name a new or"
                    + " empty folder, so that nothing of yours is replaced");
        }
        if (m != null && !m.command.equals(command)) {
            throw new OutputException("--out " + dir + " holds the results of neuromf " + m.command + ": write those of"
                    + " neuromf " + command + " into another folder");
        }
        if (!Files.isWritable(target)) {
            throw new OutputException("cannot write into " + dir + ": permission denied");
        }
    }

    private static void createParents(Path parent, List<Path> created) {
        List<Path> missing = new ArrayList<>();
        for (Path p = parent; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                created.add(0, p);
            } catch (IOException e) {
                throw new OutputException("cannot create the folder " + p + ": " + IoReasons.of(e));
            }
        }
    }

    private static FileChannel lock(Path dir, Path lockFile) {
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new OutputException("cannot write into " + dir + ": " + IoReasons.of(e) + " (creating " + lockFile + ")");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new OutputException("another neuromf run is writing into " + dir + ": wait for it to finish, or name"
                    + " another folder");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // the pid is a courtesy for people looking at the file; the lock holds without it
        }
        return channel;
    }

    /**
     * Removes the staging folders of earlier runs into this folder that were killed (SIGKILL, a power
     * cut) before they could clean up: with the lock held, no other run is using them.
     */
    private static void removeStaleStaging(Path home, String name) {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(home, "." + name + STAGING + "*")) {
            for (Path p : stale) {
                deleteTree(p);
            }
        } catch (IOException e) {
            // left for the next run; this run's own staging folder has a name of its own
        }
    }

    private static void release(FileChannel channel, Path lockFile) {
        if (channel == null) {
            return;
        }
        try {
            Files.deleteIfExists(lockFile); // deleted while still locked, so no other run locks a stale file
        } catch (IOException e) {
            // a leftover lock file does no harm: the next run locks it again
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    private static boolean same(Path a, Path b) {
        return real(a.toAbsolutePath().normalize()).equals(real(b.toAbsolutePath().normalize()));
    }

    /** The path with links resolved as far as it exists. */
    private static Path real(Path p) {
        Path existing = p;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            rest = rest == null ? existing.getFileName() : existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            Path r = existing.toRealPath();
            return rest == null ? r : r.resolve(rest);
        } catch (IOException e) {
            return p;
        }
    }

    private static boolean isEmptyFolder(Path p) throws IOException {
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    private static void removeEmpty(List<Path> folders) {
        for (Path p : folders) { // deepest first
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty (someone else wrote there) or not ours to remove
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // gone meanwhile, or retried by the caller
        }
    }

    // ---- the manifest

    private static void writeManifest(Path file, String command, Collection<String> files) throws IOException {
        StringBuilder b = new StringBuilder("# Written by NeuroMF. A later run of the same command into this folder"
                + " replaces these files; it touches nothing else here.\n");
        b.append("command=").append(command).append('\n');
        for (String f : files) {
            b.append("file=").append(f).append('\n');
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    private record Manifest(String command, Set<String> files) {
        /** The manifest of a folder, or null where it has none (or one that is not ours). */
        static Manifest read(Path folder) {
            Path file = folder.resolve(MANIFEST);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                String command = null;
                Set<String> files = new LinkedHashSet<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.startsWith("command=")) {
                        command = line.substring("command=".length());
                    } else if (line.startsWith("file=")) {
                        files.add(line.substring("file=".length()));
                    }
                }
                return command == null ? null : new Manifest(command, files);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** An output folder that cannot be used; the message names it and why. */
    public static final class OutputException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public OutputException(String message) {
            super(message);
        }
    }
}
