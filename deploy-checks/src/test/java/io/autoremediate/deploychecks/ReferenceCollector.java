package io.autoremediate.deploychecks;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/** The ASM visitor behind {@link ClassFileReferences}: it notes each class and member a class file names. */
final class ReferenceCollector extends ClassVisitor {

    private static final Pattern BINARY_NAME = Pattern.compile("[a-zA-Z_$][\\w$]*(\\.[a-zA-Z_$][\\w$]*)+");

    private final String self;
    private final Set<String> referenced = new TreeSet<>();
    private final Set<String> staticMethods = new TreeSet<>();
    private final Set<String> usedMembers = new TreeSet<>();
    private final AnnotationVisitor annotations = new AnnotationVisitor(Opcodes.ASM9) {
        @Override
        public void visit(String name, Object value) {
            constant(value);
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            descriptor(descriptor);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return this;
        }
    };

    ReferenceCollector(String self) {
        super(Opcodes.ASM9);
        this.self = self;
    }

    Set<String> referenced() {
        return referenced;
    }

    Set<String> staticMethods() {
        return staticMethods;
    }

    /** {@code owner.name} of every field and method used on another class, by code or by a method handle. */
    Set<String> usedMembers() {
        return usedMembers;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
            String[] interfaces) {
        type(superName);
        for (String anInterface : interfaces) {
            type(anInterface);
        }
        signature(signature);
    }

    @Override
    public void visitOuterClass(String owner, String name, String descriptor) {
        type(owner);
        descriptor(descriptor);
    }

    @Override
    public void visitNestHost(String nestHost) {
        type(nestHost);
    }

    @Override
    public void visitNestMember(String nestMember) {
        type(nestMember);
    }

    @Override
    public void visitPermittedSubclass(String permittedSubclass) {
        type(permittedSubclass);
    }

    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
        type(name);
        type(outerName);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return annotation(descriptor);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        return annotation(descriptor);
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
        descriptor(descriptor);
        signature(signature);
        return new RecordComponentVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return annotation(annotation);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation,
                    boolean visible) {
                return annotation(annotation);
            }
        };
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        descriptor(descriptor);
        signature(signature);
        constant(value);
        return new FieldVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return annotation(annotation);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation,
                    boolean visible) {
                return annotation(annotation);
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        if ((access & Opcodes.ACC_STATIC) != 0 && !name.equals("<clinit>")) {
            staticMethods.add(name);
        }
        descriptor(descriptor);
        signature(signature);
        if (exceptions != null) {
            for (String exception : exceptions) {
                type(exception);
            }
        }
        return new CodeReferences();
    }

    /** What a method's annotations and code name. */
    private final class CodeReferences extends MethodVisitor {

        CodeReferences() {
            super(Opcodes.ASM9);
        }

        @Override
        public AnnotationVisitor visitAnnotationDefault() {
            return annotations;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                Label[] end, int[] index, String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            frameTypes(numLocal, local);
            frameTypes(numStack, stack);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            type(type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            member(owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            member(owner, name, descriptor);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            descriptor(descriptor);
            constant(bootstrap);
            for (Object argument : arguments) {
                constant(argument);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            descriptor(descriptor);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            type(type);
        }

        @Override
        public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
                int index) {
            descriptor(descriptor);
            signature(signature);
        }

        private void frameTypes(int count, Object[] types) {
            for (int i = 0; i < count; i++) {
                if (types[i] instanceof String type) {
                    type(type);
                }
            }
        }
    }

    private AnnotationVisitor annotation(String descriptor) {
        descriptor(descriptor);
        return annotations;
    }

    private void member(String owner, String name, String descriptor) {
        type(owner);
        descriptor(descriptor);
        if (!owner.equals(self)) {
            usedMembers.add(owner + "." + name);
        }
    }

    /** An internal name, or an array type's descriptor where instructions take one. */
    private void type(String internalName) {
        if (internalName == null) {
            return;
        }
        if (internalName.startsWith("[")) {
            descriptor(internalName);
        } else {
            referenced.add(internalName);
        }
    }

    private void descriptor(String descriptor) {
        if (descriptor != null) {
            type(Type.getType(descriptor));
        }
    }

    private void type(Type type) {
        switch (type.getSort()) {
            case Type.OBJECT -> referenced.add(type.getInternalName());
            case Type.ARRAY -> type(type.getElementType());
            case Type.METHOD -> {
                for (Type argument : type.getArgumentTypes()) {
                    type(argument);
                }
                type(type.getReturnType());
            }
            default -> {
                // Primitive types name no class.
            }
        }
    }

    private void signature(String signature) {
        if (signature == null) {
            return;
        }
        new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
            @Override
            public void visitClassType(String name) {
                referenced.add(name);
            }
        });
    }

    private void constant(Object value) {
        if (value instanceof String text) {
            if (BINARY_NAME.matcher(text).matches()) {
                referenced.add(text.replace('.', '/'));
            }
        } else if (value instanceof Type type) {
            type(type);
        } else if (value instanceof Handle handle) {
            member(handle.getOwner(), handle.getName(), handle.getDesc());
        } else if (value instanceof ConstantDynamic dynamic) {
            descriptor(dynamic.getDescriptor());
            constant(dynamic.getBootstrapMethod());
            for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                constant(dynamic.getBootstrapMethodArgument(i));
            }
        }
    }
}
