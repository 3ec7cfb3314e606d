package io.autoremediate.engine.internal.intrinsics;

import io.autoremediate.engine.internal.intrinsics.functions.ArrayContains;
import io.autoremediate.engine.internal.intrinsics.functions.ArrayGetItem;
import io.autoremediate.engine.internal.intrinsics.functions.ArrayLength;
import io.autoremediate.engine.internal.intrinsics.functions.ArrayOf;
import io.autoremediate.engine.internal.intrinsics.functions.ArrayPartition;
import io.autoremediate.engine.internal.intrinsics.functions.ArrayRange;
import io.autoremediate.engine.internal.intrinsics.functions.ArrayUnique;
import io.autoremediate.engine.internal.intrinsics.functions.Base64Decode;
import io.autoremediate.engine.internal.intrinsics.functions.Base64Encode;
import io.autoremediate.engine.internal.intrinsics.functions.Format;
import io.autoremediate.engine.internal.intrinsics.functions.Hash;
import io.autoremediate.engine.internal.intrinsics.functions.JsonMerge;
import io.autoremediate.engine.internal.intrinsics.functions.JsonToString;
import io.autoremediate.engine.internal.intrinsics.functions.MathAdd;
import io.autoremediate.engine.internal.intrinsics.functions.MathRandom;
import io.autoremediate.engine.internal.intrinsics.functions.StringSplit;
import io.autoremediate.engine.internal.intrinsics.functions.StringToJson;
import io.autoremediate.engine.internal.intrinsics.functions.Uuid;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.autoremediate.engine.internal.intrinsics.functions.IntrinsicFunction;

/** The registry of every intrinsic function, by its {@code States.*} name. */
public final class IntrinsicFunctions {
    private static final Map<String, IntrinsicFunction> BY_NAME = Stream.of(
                    new Format(), new StringToJson(), new JsonToString(), new ArrayOf(), new ArrayPartition(),
                    new ArrayContains(), new ArrayRange(), new ArrayGetItem(), new ArrayLength(), new ArrayUnique(),
                    new Base64Encode(), new Base64Decode(), new Hash(), new JsonMerge(), new MathRandom(),
                    new MathAdd(), new StringSplit(), new Uuid())
            .collect(Collectors.toUnmodifiableMap(IntrinsicFunction::name, Function.identity()));

    private IntrinsicFunctions() {
    }

    public static Optional<IntrinsicFunction> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
