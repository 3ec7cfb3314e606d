package io.autoremediate.deploychecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;

/**
 * What one class file can make the JVM load (internal names, {@code a/b/C}), read with ASM: every class its
 * declarations, code, descriptors, generic signatures, annotations and constants name, and every string
 * constant spelled like a class name ({@code a.b.C}, what {@code Class.forName} and service lookups are given).
 * An over-approximation on purpose: code that never runs still counts, so a class the walk says nobody needs
 * really is never loaded. Also the class's own name, supertypes, static methods and the members it uses on
 * other classes ({@code owner.name}), for the checks of {@link ShadedJarTest}.
 */
record ClassFileReferences(String name, List<String> supertypes, Set<String> referenced, Set<String> staticMethods,
        Set<String> calledMethods) {

    static ClassFileReferences read(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ReferenceRemapper collector = ReferenceRemapper.read(reader);
        List<String> supertypes = new ArrayList<>();
        if (reader.getSuperName() != null) {
            supertypes.add(reader.getSuperName());
        }
        supertypes.addAll(List.of(reader.getInterfaces()));
        Set<String> referenced = new TreeSet<>(collector.referenced());
        referenced.remove(reader.getClassName());
        return new ClassFileReferences(reader.getClassName(), List.copyOf(supertypes), Set.copyOf(referenced),
                Set.copyOf(collector.staticMethods()), Set.copyOf(collector.usedMembers()));
    }
}
