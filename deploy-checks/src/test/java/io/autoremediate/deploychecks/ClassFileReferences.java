package io.autoremediate.deploychecks;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one class file can make the JVM load, read from its constant pool (internal names, {@code a/b/C}): every
 * class entry, every class named in a descriptor or generic signature, and every string constant spelled like a
 * class name ({@code a.b.C}, what {@code Class.forName} and service lookups are given). An over-approximation on
 * purpose: code that never runs still counts, so a class the walk says nobody needs really is never loaded.
 * Also the class's own name, supertypes, static methods and the methods it calls on other classes, for the
 * checks of {@link ShadedJarTest}.
 */
record ClassFileReferences(String name, List<String> supertypes, Set<String> referenced, Set<String> staticMethods,
        Set<String> calledMethods) {

    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+);");
    private static final Pattern BINARY_NAME = Pattern.compile("[a-zA-Z_$][\\w$]*(\\.[a-zA-Z_$][\\w$]*)+");

    static ClassFileReferences read(byte[] classFile) {
        try {
            return parse(new DataInputStream(new ByteArrayInputStream(classFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClassFileReferences parse(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readInt(); // versions
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classIndex = new int[count];
        int[] stringIndex = new int[count];
        int[][] memberRef = new int[count][]; // class index, name-and-type index
        int[] nameOfNameAndType = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classIndex[i] = in.readUnsignedShort();
                case 8 -> stringIndex[i] = in.readUnsignedShort();
                case 16, 19, 20 -> in.readUnsignedShort(); // method type (its descriptor is a UTF-8 entry), module, package
                case 9, 10, 11 -> memberRef[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 12 -> {
                    nameOfNameAndType[i] = in.readUnsignedShort();
                    in.readUnsignedShort();
                }
                case 3, 4, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 5, 6 -> {
                    in.readLong();
                    i++; // two slots
                }
                default -> throw new IOException("constant pool tag " + tag + " at entry " + i);
            }
        }
        Set<String> referenced = new TreeSet<>();
        Set<String> calledMethods = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (classIndex[i] != 0) {
                String className = utf8[classIndex[i]];
                if (className.startsWith("[")) {
                    addDescriptorClasses(className, referenced);
                } else {
                    referenced.add(className);
                }
            } else if (stringIndex[i] != 0) {
                String constant = utf8[stringIndex[i]];
                if (BINARY_NAME.matcher(constant).matches()) {
                    referenced.add(constant.replace('.', '/'));
                }
            } else if (utf8[i] != null && utf8[i].indexOf(';') > 0) {
                // Field and method descriptors, generic signatures, annotation types.
                addDescriptorClasses(utf8[i], referenced);
            } else if (memberRef[i] != null) {
                String owner = utf8[classIndex[memberRef[i][0]]];
                calledMethods.add(owner + "." + utf8[nameOfNameAndType[memberRef[i][1]]]);
            }
        }
        in.readUnsignedShort(); // access
        String name = utf8[classIndex[in.readUnsignedShort()]];
        List<String> supertypes = new ArrayList<>();
        int superIndex = in.readUnsignedShort();
        if (superIndex != 0) {
            supertypes.add(utf8[classIndex[superIndex]]);
        }
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) {
            supertypes.add(utf8[classIndex[in.readUnsignedShort()]]);
        }
        skipMembers(in);
        Set<String> staticMethods = new TreeSet<>();
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            int access = in.readUnsignedShort();
            String methodName = utf8[in.readUnsignedShort()];
            in.readUnsignedShort(); // descriptor
            skipAttributes(in);
            if ((access & 0x0008) != 0 && !methodName.equals("<clinit>")) {
                staticMethods.add(methodName);
            }
        }
        referenced.remove(name);
        return new ClassFileReferences(name, List.copyOf(supertypes), Set.copyOf(referenced),
                Set.copyOf(staticMethods), Set.copyOf(calledMethods));
    }

    private static void addDescriptorClasses(String descriptor, Set<String> into) {
        Matcher matcher = DESCRIPTOR_CLASS.matcher(descriptor);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            skipAttributes(in);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }
}
