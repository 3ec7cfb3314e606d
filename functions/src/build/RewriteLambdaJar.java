import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the shaded Lambda jar in place, smaller and with the same behaviour. functions/pom.xml runs it with
 * the JDK's source launcher right after the shade plugin, ASM on its class path; nothing of it is shipped.
 *
 * <ul>
 *   <li>The AWS SDK's classes lose their local variable tables (LocalVariableTable, LocalVariableTypeTable):
 *       debugger names of local variables, which the JVM never reads (the verifier works from StackMapTable).
 *       ASM writes each class again with a constant pool of the entries still used. Our own classes and the
 *       other libraries are copied byte for byte.</li>
 *   <li>The services' generated model classes ({@code services/<service>/model/}: requests, responses and
 *       their builders, getters, equals and toString) also lose their line numbers: a stack trace through them
 *       still names the class and the method, without a line number in code no one wrote by hand. The SDK's
 *       other classes keep theirs.</li>
 *   <li>Every entry is deflated at level 9 with its sizes in its header: the shade plugin deflates at the
 *       default level and follows each entry with a data descriptor.</li>
 *   <li>Directory entries are left out: the JVM and Lambda find classes and resources by their file names.</li>
 * </ul>
 *
 * What each saves is in bench/README.md. Usage: {@code java -cp asm.jar RewriteLambdaJar.java <jar>}. A class
 * file ASM cannot read fails the build.
 */
public final class RewriteLambdaJar {

    private static final String SDK_PREFIX = "software/amazon/awssdk/";
    private static final Pattern GENERATED_MODEL = Pattern.compile("software/amazon/awssdk/services/[^/]+/model/.*");

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".rewritten");
        long before = Files.size(jar);
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
                        bytes = withoutDebugTables(bytes, GENERATED_MODEL.matcher(entry.getName()).matches());
                    } catch (RuntimeException e) {
                        throw new IOException("cannot rewrite " + entry.getName() + ": " + e, e);
                    }
                }
                out.putNextEntry(deflatedEntry(entry, bytes));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("RewriteLambdaJar: %s, %d bytes (%d before)%n", jar.getFileName(), Files.size(jar), before);
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
     * The class without its local variable tables and, with {@code lineNumbersToo}, its line numbers. The code,
     * its stack map frames and every other attribute are written back as read (no frame is recomputed).
     */
    static byte[] withoutDebugTables(byte[] classFile, boolean lineNumbersToo) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                        exceptions)) {
                    @Override
                    public void visitLocalVariable(String variable, String variableDescriptor,
                            String variableSignature, Label start, Label end, int index) {
                        // Dropped: debugger names only.
                    }

                    @Override
                    public void visitLineNumber(int line, Label start) {
                        if (!lineNumbersToo) {
                            super.visitLineNumber(line, start);
                        }
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
