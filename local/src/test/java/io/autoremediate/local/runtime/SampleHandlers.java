package io.autoremediate.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Handlers of each shape the Lambda Java runtime accepts, for tests that bind them by handler string. */
public final class SampleHandlers {

    private SampleHandlers() {
    }

    public record Order(String item, int quantity) {
    }

    public record Receipt(String line) {
    }

    /** A RequestHandler over records: the payload becomes an Order, the Receipt becomes JSON. */
    public static final class Orders implements RequestHandler<Order, Receipt> {
        @Override
        public Receipt handleRequest(Order order, Context context) {
            if (order.quantity() < 1) {
                throw new IllegalStateException("nothing to order");
            }
            return new Receipt(order.quantity() + " x " + order.item() + " for " + context.getFunctionName());
        }
    }

    /** A POJO handler with a method of its own name, no interface, no Context. */
    public static final class Counter {
        public int count(List<String> items) {
            return items.size();
        }
    }

    public static final class Echo implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
            out.write(("{\"echo\":" + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final class NoDefaultConstructor {
        public NoDefaultConstructor(String unused) {
        }

        public String handleRequest(String input) {
            return input;
        }
    }
}
