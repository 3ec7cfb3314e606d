import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the shaded Lambda jar in place, smaller and with the same behaviour (functions/pom.xml runs it with
 * the JDK's source launcher right after the shade plugin, so it needs no dependency and is not shipped):
 *
 * <ul>
 *   <li>The AWS SDK's classes lose their LocalVariableTable and LocalVariableTypeTable attributes: debugger
 *       names of local variables, about 3 MB of the SDK's class bytes. The JVM never reads them (the verifier
 *       works from StackMapTable). Our own classes and the other libraries are copied byte for byte.</li>
 *   <li>The services' generated model classes ({@code services/<service>/model/}: requests, responses and
 *       their builders, getters, equals and toString) also lose their LineNumberTable, about 0.65 MB of the
 *       jar (4,000 of its 12,000 classes): a stack trace through them still names the class and the method,
 *       without a line number in code no one wrote by hand. The SDK's other classes keep their line numbers.</li>
 *   <li>Every entry is deflated at level 9 with its sizes in its header: the shade plugin deflates at the
 *       default level and follows each entry with a data descriptor.</li>
 *   <li>Directory entries are left out: the JVM and Lambda find classes and resources by their file names.</li>
 * </ul>
 *
 * Usage: {@code java RewriteLambdaJar.java <jar>}. A class file it cannot parse fails the build.
 */
public final class RewriteLambdaJar {

    private static final String SDK_PREFIX = "software/amazon/awssdk/";
    private static final Set<String> LOCAL_VARIABLES = Set.of("LocalVariableTable", "LocalVariableTypeTable");
    private static final Set<String> LOCAL_VARIABLES_AND_LINES =
            Set.of("LocalVariableTable", "LocalVariableTypeTable", "LineNumberTable");
    private static final Pattern GENERATED_MODEL = Pattern.compile("software/amazon/awssdk/services/[^/]+/model/.*");

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".rewritten");
        long stripped = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry : Collections.list(in.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().startsWith(SDK_PREFIX) && entry.getName().endsWith(".class")) {
                    try {
                        byte[] smaller = withoutDebugTables(bytes,
                                GENERATED_MODEL.matcher(entry.getName()).matches());
                        stripped += bytes.length - smaller.length;
                        bytes = smaller;
                    } catch (RuntimeException e) {
                        throw new IOException("cannot parse " + entry.getName(), e);
                    }
                }
                out.putNextEntry(deflatedEntry(entry, bytes));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("RewriteLambdaJar: %s, %d bytes (debug tables: %d bytes less before deflating)%n",
                jar.getFileName(), Files.size(jar), stripped);
    }

    /**
     * An entry whose CRC and sizes are known before its data, so ZipOutputStream writes them in the local header
     * instead of a data descriptor. The compressed size comes from deflating once here with the settings
     * ZipOutputStream uses (level 9, raw deflate); if they ever differed, closeEntry would throw, not write a
     * bad jar.
     */
    private static ZipEntry deflatedEntry(ZipEntry original, byte[] bytes) {
        ZipEntry entry = new ZipEntry(original.getName());
        entry.setTime(original.getTime());
        entry.setMethod(ZipEntry.DEFLATED);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        entry.setSize(bytes.length);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            byte[] buffer = new byte[8192];
            long compressed = 0;
            while (!deflater.finished()) {
                compressed += deflater.deflate(buffer);
            }
            entry.setCompressedSize(compressed);
        } finally {
            deflater.end();
        }
        return entry;
    }

    /**
     * The class file with the local variable tables, and with {@code lineNumbersToo} the line number table,
     * dropped from every Code attribute; everything else is copied.
     */
    static byte[] withoutDebugTables(byte[] classFile, boolean lineNumbersToo) throws IOException {
        Set<String> dropped = lineNumbersToo ? LOCAL_VARIABLES_AND_LINES : LOCAL_VARIABLES;
        ByteBuffer in = ByteBuffer.wrap(classFile);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(classFile.length);
        DataOutputStream out = new DataOutputStream(bytes);
        if (in.getInt() != 0xCAFEBABE) {
            throw new IllegalArgumentException("not a class file");
        }
        in.getInt(); // minor, major version
        String[] utf8 = skipConstantPool(in);
        // access flags, this class, super class, interfaces
        in.getShort();
        in.getShort();
        in.getShort();
        int interfaces = Short.toUnsignedInt(in.getShort());
        in.position(in.position() + 2 * interfaces);
        out.write(classFile, 0, in.position());
        for (int member = 0; member < 2; member++) { // fields, then methods
            int count = Short.toUnsignedInt(in.getShort());
            out.writeShort(count);
            for (int i = 0; i < count; i++) {
                out.write(classFile, in.position(), 6); // access flags, name, descriptor
                in.position(in.position() + 6);
                copyAttributes(in, out, utf8, classFile, dropped, false);
            }
        }
        copyAttributes(in, out, utf8, classFile, dropped, false);
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " bytes after the class attributes");
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static void copyAttributes(ByteBuffer in, DataOutputStream out, String[] utf8, byte[] classFile,
            Set<String> dropped, boolean insideCode) throws IOException {
        int count = Short.toUnsignedInt(in.getShort());
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        DataOutputStream keptOut = new DataOutputStream(kept);
        int keptCount = 0;
        for (int i = 0; i < count; i++) {
            int nameIndex = Short.toUnsignedInt(in.getShort());
            int length = in.getInt();
            int start = in.position();
            String name = utf8[nameIndex];
            if (insideCode && dropped.contains(name)) {
                in.position(start + length);
                continue;
            }
            keptCount++;
            keptOut.writeShort(nameIndex);
            if ("Code".equals(name)) {
                ByteArrayOutputStream code = new ByteArrayOutputStream(length);
                DataOutputStream codeOut = new DataOutputStream(code);
                in.getShort(); // max stack
                in.getShort(); // max locals
                int codeLength = in.getInt();
                in.position(in.position() + codeLength);
                int exceptions = Short.toUnsignedInt(in.getShort());
                in.position(in.position() + 8 * exceptions);
                codeOut.write(classFile, start, in.position() - start);
                copyAttributes(in, codeOut, utf8, classFile, dropped, true);
                if (in.position() != start + length) {
                    throw new IllegalArgumentException("Code attribute length mismatch");
                }
                codeOut.flush();
                keptOut.writeInt(code.size());
                code.writeTo(keptOut);
            } else {
                keptOut.writeInt(length);
                keptOut.write(classFile, start, length);
                in.position(start + length);
            }
        }
        keptOut.flush();
        out.writeShort(keptCount);
        kept.writeTo((OutputStream) out);
    }

    /** Moves past the constant pool, keeping its UTF-8 entries by index (attribute names are among them). */
    private static String[] skipConstantPool(ByteBuffer in) throws IOException {
        int count = Short.toUnsignedInt(in.getShort());
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = Byte.toUnsignedInt(in.get());
            switch (tag) {
                case 1 -> {
                    int length = Short.toUnsignedInt(in.getShort());
                    byte[] modifiedUtf8 = new byte[length + 2];
                    modifiedUtf8[0] = (byte) (length >>> 8);
                    modifiedUtf8[1] = (byte) length;
                    in.get(modifiedUtf8, 2, length);
                    utf8[i] = new DataInputStream(new java.io.ByteArrayInputStream(modifiedUtf8)).readUTF();
                }
                case 7, 8, 16, 19, 20 -> in.position(in.position() + 2);
                case 15 -> in.position(in.position() + 3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.position(in.position() + 4);
                case 5, 6 -> {
                    in.position(in.position() + 8);
                    i++; // longs and doubles take two slots
                }
                default -> throw new IllegalArgumentException("constant pool tag " + tag + " at entry " + i);
            }
        }
        return utf8;
    }
}
