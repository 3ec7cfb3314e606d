package io.autoremediate.deploychecks;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Notes each class and member a class file names. ASM's {@link ClassRemapper} asks its {@link Remapper} to map
 * every type, member and constant it meets (declarations, code, frames, descriptors, generic signatures,
 * annotations, method handles, bootstrap arguments), so a remapper that maps each name to itself and writes it
 * down sees them all, without a visitor method per place a class file can name a class.
 */
final class ReferenceRemapper extends Remapper {

    private static final Pattern BINARY_NAME = Pattern.compile("[a-zA-Z_$][\\w$]*(\\.[a-zA-Z_$][\\w$]*)+");

    private final String self;
    private final Set<String> referenced = new TreeSet<>();
    private final Set<String> staticMethods = new TreeSet<>();
    private final Set<String> usedMembers = new TreeSet<>();

    private ReferenceRemapper(String self) {
        super(Opcodes.ASM9);
        this.self = self;
    }

    /** Reads one class file; the copy it writes on the way is thrown away. */
    static ReferenceRemapper read(ClassReader reader) {
        ReferenceRemapper collector = new ReferenceRemapper(reader.getClassName());
        reader.accept(new ClassRemapper(Opcodes.ASM9, new ClassWriter(0), collector) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if ((access & Opcodes.ACC_STATIC) != 0 && !name.equals("<clinit>")) {
                    collector.staticMethods.add(name);
                }
                return super.visitMethod(access, name, descriptor, signature, exceptions);
            }
        }, 0);
        return collector;
    }

    Set<String> referenced() {
        return referenced;
    }

    Set<String> staticMethods() {
        return staticMethods;
    }

    /** {@code owner.name} of every field and method used on another class: by code, a method handle, or a lambda. */
    Set<String> usedMembers() {
        return usedMembers;
    }

    @Override
    public String map(String internalName) {
        referenced.add(internalName);
        return internalName;
    }

    @Override
    public String mapMethodName(String owner, String name, String descriptor) {
        used(owner, name);
        return name;
    }

    @Override
    public String mapFieldName(String owner, String name, String descriptor) {
        used(owner, name);
        return name;
    }

    /** A string spelled like a class name ({@code a.b.C}) is what {@code Class.forName} and service lookups get. */
    @Override
    public Object mapValue(Object value) {
        if (value instanceof String text && BINARY_NAME.matcher(text).matches()) {
            referenced.add(text.replace('.', '/'));
        }
        return super.mapValue(value);
    }

    private void used(String owner, String name) {
        if (!owner.equals(self)) {
            usedMembers.add(owner + "." + name);
        }
    }
}
