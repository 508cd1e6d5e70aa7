package dev.nashforge.host.run;

import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SessionState;
import dev.nashforge.host.meta.model.ModelFile;
import dev.nashforge.host.solver.Averaging;
import dev.nashforge.host.solver.LearnedModel;
import dev.nashforge.host.solver.Prediction;
import dev.nashforge.host.solver.RegretUpdate;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The versioned binary solver-state file of a resumable run.
 *
 * <p><b>Format</b> (big-endian, {@link DataOutputStream} encoding): the magic {@code NFSTATE1}, the format
 * version (int), the configuration (algorithm, regret-update kind, α, β, prediction, averaging exponent,
 * update mode, precision; from version 2, for a learned prediction, the model's name and its model-file bytes
 * as {@code ModelFile} writes them), the game name, the batch fingerprint (long), B, the joint-play flag, the iteration,
 * the total weight, the checkpoint records so far, every persistent {@link SequenceBuffer} (name, then
 * {@code [batch][player][sequence]} as length-prefixed double arrays), the joint play, (version 2) the recurrent
 * predictor state {@code [batch][stateLength]}, and finally the CRC-32 of every preceding byte (long). Version 1
 * files (no model, no predictor state) are still read.
 *
 * <p><b>Atomicity.</b> {@link #write} writes a temporary file next to the target, forces it to the device, and
 * renames it over the target atomically, so the target is always either the previous good file or the new one;
 * a process killed mid-write leaves at most a stray temporary file, which the next write replaces.
 * {@link #read} verifies magic, version, completeness and CRC and names the file and the problem otherwise.
 *
 * <p>Stateless and thread-safe (concurrent writes to the same path are not supported).
 */
public final class SolverStateFile {

    private static final byte[] MAGIC = {'N', 'F', 'S', 'T', 'A', 'T', 'E', '1'};
    /** The format version this class writes and reads. */
    public static final int VERSION = 2;

    private SolverStateFile() {
    }

    /** The temporary file {@link #write} uses for {@code target}. */
    public static Path temporaryFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    /**
     * Writes {@code state} to {@code target} atomically (see the class documentation).
     *
     * @throws UncheckedIOException naming the file if the write fails; the previous target is then untouched
     */
    public static void write(Path target, SolverState state) {
        Path temp = temporaryFile(target);
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                OutputStream raw = Channels.newOutputStream(channel);
                CRC32 crc = new CRC32();
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        new CheckedOutputStream(nonClosing(raw), crc), 1 << 16));
                writeBody(out, state);
                out.flush();
                new DataOutputStream(nonClosing(raw)).writeLong(crc.getValue());
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + target + " cannot rename atomically; put the state"
                        + " file on a local file system", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the solver state file " + target + ": " + e.getMessage()
                    + " (the previous state file, if any, is unchanged)", e);
        }
    }

    /**
     * Reads and verifies a state file.
     *
     * @throws IllegalArgumentException naming the file if it is not a state file, has another version, is
     *                                  truncated or fails its CRC
     * @throws UncheckedIOException     if it cannot be read at all
     */
    public static SolverState read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CRC32 crc = new CRC32();
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException(file + " is not a NashForge solver state file (bad magic)");
            }
            int version = in.readInt();
            if (version < 1 || version > VERSION) {
                throw new IllegalArgumentException(file + " has state file version " + version + "; this build reads"
                        + " versions 1.." + VERSION + ": start the run afresh");
            }
            SolverState state = readBody(in, file, version);
            long expected = crc.getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != expected) {
                throw new IllegalArgumentException(file + " is corrupt (CRC mismatch): resume from an older copy or"
                        + " start afresh");
            }
            if (raw.read() != -1) {
                throw new IllegalArgumentException(file + " has trailing bytes after its checksum: it is corrupt");
            }
            return state;
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + " is truncated (the write that produced it did not finish):"
                    + " resume from an older copy or start afresh", e);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("solver state file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the solver state file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeBody(DataOutputStream out, SolverState s) throws IOException {
        out.write(MAGIC);
        out.writeInt(VERSION);
        SolverConfig c = s.config();
        out.writeUTF(c.algorithm());
        out.writeUTF(c.regretUpdate().kind().name());
        out.writeDouble(c.regretUpdate().alpha());
        out.writeDouble(c.regretUpdate().beta());
        out.writeUTF(c.prediction().label());
        out.writeDouble(c.averaging().exponent());
        out.writeUTF(c.updates().label());
        out.writeUTF(c.precision().label());
        if (c.model() != null) {
            out.writeUTF(c.model().name());
            byte[] model = ModelFile.toBytes(c.model().model());
            out.writeInt(model.length);
            out.write(model);
        }
        out.writeUTF(s.game());
        out.writeLong(s.fingerprint());
        out.writeInt(s.batchSize());
        out.writeBoolean(s.trackJointPlay());
        out.writeInt(s.iteration());
        out.writeDouble(s.totalWeight());
        out.writeInt(s.records().size());
        for (CheckpointRecord r : s.records()) {
            out.writeInt(r.iteration());
            out.writeInt(r.instance());
            out.writeDouble(r.nashGap());
            writeArray(out, r.deviationIncentives());
            writeArray(out, r.expectedValues());
            out.writeBoolean(r.exploitability() != null);
            out.writeDouble(r.exploitability() == null ? Double.NaN : r.exploitability());
            out.writeDouble(r.nashGapLastIterate());
            out.writeDouble(r.cceGap());
            out.writeDouble(r.totalCorrelation());
        }
        for (SequenceBuffer b : SequenceBuffer.values()) {
            if (!b.persistent()) {
                continue;
            }
            out.writeUTF(b.name());
            double[][][] v = s.session().buffer(b);
            out.writeInt(v.length);
            for (double[][] instance : v) {
                out.writeInt(instance.length);
                for (double[] player : instance) {
                    writeArray(out, player);
                }
            }
        }
        JointPlayWeights[] joint = s.session().jointPlay();
        out.writeInt(joint.length);
        for (JointPlayWeights w : joint) {
            out.writeInt(w.opponentWeights().length);
            for (double[] y : w.opponentWeights()) {
                writeArray(out, y);
            }
            writeArray(out, w.jointWeights());
        }
        double[][] predictor = s.session().predictorState();
        out.writeInt(predictor.length);
        for (double[] row : predictor) {
            writeArray(out, row);
        }
    }

    private static SolverState readBody(DataInputStream in, Path file, int version) throws IOException {
        SolverConfig config;
        try {
            String algorithm = in.readUTF();
            RegretUpdate.Kind kind = RegretUpdate.Kind.valueOf(in.readUTF());
            RegretUpdate update = new RegretUpdate(kind, in.readDouble(), in.readDouble());
            Prediction prediction = Prediction.fromLabel(in.readUTF());
            Averaging averaging = new Averaging(in.readDouble());
            UpdateMode updates = UpdateMode.fromLabel(in.readUTF());
            Precision precision = Precision.fromLabel(in.readUTF());
            LearnedModel model = null;
            if (prediction == Prediction.LEARNED) {
                String name = in.readUTF();
                byte[] bytes = new byte[count(in.readInt(), file, "model bytes")];
                in.readFully(bytes);
                model = new LearnedModel(name, ModelFile.fromBytes(bytes, file + " (its stored model " + name + ")"));
            }
            config = new SolverConfig(algorithm, update, prediction, averaging, updates, precision, model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " holds an unreadable configuration: " + e.getMessage(), e);
        }
        String game = in.readUTF();
        long fingerprint = in.readLong();
        int batchSize = in.readInt();
        boolean track = in.readBoolean();
        int iteration = in.readInt();
        double totalWeight = in.readDouble();
        int numRecords = count(in.readInt(), file, "checkpoint records");
        List<CheckpointRecord> records = new ArrayList<>();
        for (int k = 0; k < numRecords; k++) {
            int t = in.readInt();
            int instance = in.readInt();
            double gap = in.readDouble();
            double[] delta = readArray(in, file);
            double[] values = readArray(in, file);
            boolean hasExploitability = in.readBoolean();
            double exploitability = in.readDouble();
            records.add(new CheckpointRecord(t, instance, gap, delta, values,
                    hasExploitability ? exploitability : null, in.readDouble(), in.readDouble(), in.readDouble()));
        }
        Map<SequenceBuffer, double[][][]> buffers = new EnumMap<>(SequenceBuffer.class);
        for (SequenceBuffer b : SequenceBuffer.values()) {
            if (!b.persistent()) {
                continue;
            }
            String name = in.readUTF();
            if (!name.equals(b.name())) {
                throw new IllegalArgumentException(file + " is corrupt: expected buffer " + b + ", found '" + name + "'");
            }
            double[][][] v = new double[count(in.readInt(), file, b + " instances")][][];
            for (int i = 0; i < v.length; i++) {
                v[i] = new double[count(in.readInt(), file, b + " players")][];
                for (int p = 0; p < v[i].length; p++) {
                    v[i][p] = readArray(in, file);
                }
            }
            buffers.put(b, v);
        }
        JointPlayWeights[] joint = new JointPlayWeights[count(in.readInt(), file, "joint-play instances")];
        for (int i = 0; i < joint.length; i++) {
            double[][] y = new double[count(in.readInt(), file, "joint-play players")][];
            for (int p = 0; p < y.length; p++) {
                y[p] = readArray(in, file);
            }
            joint[i] = new JointPlayWeights(y, readArray(in, file));
        }
        double[][] predictor = new double[version >= 2 ? count(in.readInt(), file, "predictor-state instances") : 0][];
        for (int i = 0; i < predictor.length; i++) {
            predictor[i] = readArray(in, file);
        }
        return new SolverState(config, game, fingerprint, batchSize, track, iteration, totalWeight, records,
                new SessionState(buffers, joint, predictor));
    }

    private static void writeArray(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double x : v) {
            out.writeDouble(x);
        }
    }

    private static double[] readArray(DataInputStream in, Path file) throws IOException {
        double[] v = new double[count(in.readInt(), file, "array entries")];
        for (int k = 0; k < v.length; k++) {
            v[k] = in.readDouble();
        }
        return v;
    }

    /** Guards allocations against corrupt lengths: a length must be non-negative and below 2^28. */
    private static int count(int n, Path file, String what) {
        if (n < 0 || n > (1 << 28)) {
            throw new IllegalArgumentException(file + " is corrupt: " + n + " " + what);
        }
        return n;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
